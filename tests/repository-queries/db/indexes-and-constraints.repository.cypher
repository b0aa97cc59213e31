// Sent by server/src/db/indexes-and-constraints.repository.ts in its integration test (58, sorted).

CALL db.awaitIndexes(120);

CREATE CONSTRAINT annotation_id IF NOT EXISTS FOR (n:Annotation) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT apitoken_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;

CREATE CONSTRAINT apitoken_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT assignment_id IF NOT EXISTS FOR (n:Assignment) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT atlas_data_version_id IF NOT EXISTS FOR (n:AtlasDataVersion) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT capability_id IF NOT EXISTS FOR (n:Capability) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT casestudy_id IF NOT EXISTS FOR (n:CaseStudy) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (n:Comment) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT component_id IF NOT EXISTS FOR (n:Component) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT criticaltechnologyarea_id IF NOT EXISTS FOR (n:CriticalTechnologyArea) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT delphi_answer_key IF NOT EXISTS FOR (n:DelphiAnswer) REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT delphi_study_id IF NOT EXISTS FOR (n:DelphiStudy) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT idempotencykey_key IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT ketarea_id IF NOT EXISTS FOR (n:KetArea) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT material_id IF NOT EXISTS FOR (n:Material) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT savedsearch_id IF NOT EXISTS FOR (n:SavedSearch) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (n:Scenario) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT signal_canonical_url_unique IF NOT EXISTS FOR (n:Signal) REQUIRE n.canonicalUrl IS UNIQUE;

CREATE CONSTRAINT signal_content_hash_unique IF NOT EXISTS FOR (n:Signal) REQUIRE n.contentHash IS UNIQUE;

CREATE CONSTRAINT signal_id IF NOT EXISTS FOR (n:Signal) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT supplier_id IF NOT EXISTS FOR (n:Supplier) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT user_email IF NOT EXISTS FOR (n:User) REQUIRE n.email IS UNIQUE;

CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;

CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Technology|Capability|KetArea|CriticalTechnologyArea|Component|Material|Supplier|Country|CaseStudy|Project|Organisation|Signal) ON EACH [n.name, n.aliases, n.description] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};

CREATE INDEX assignment_subjectid IF NOT EXISTS FOR (n:Assignment) ON (n.subjectId);

CREATE INDEX capability_domain IF NOT EXISTS FOR (n:Capability) ON (n.domain);

CREATE INDEX capability_name IF NOT EXISTS FOR (n:Capability) ON (n.name);

CREATE INDEX change_entityid IF NOT EXISTS FOR (n:Change) ON (n.entityId);

CREATE INDEX change_fromid IF NOT EXISTS FOR (n:Change) ON (n.fromId);

CREATE INDEX change_mergedid IF NOT EXISTS FOR (n:Change) ON (n.mergedId);

CREATE INDEX change_toid IF NOT EXISTS FOR (n:Change) ON (n.toId);

CREATE INDEX component_name IF NOT EXISTS FOR (n:Component) ON (n.name);

CREATE INDEX material_name IF NOT EXISTS FOR (n:Material) ON (n.name);

CREATE INDEX scenario_name IF NOT EXISTS FOR (n:Scenario) ON (n.name);

CREATE INDEX signal_name IF NOT EXISTS FOR (n:Signal) ON (n.name);

CREATE INDEX signal_published_at IF NOT EXISTS FOR (n:Signal) ON (n.publishedAt);

CREATE INDEX signal_status IF NOT EXISTS FOR (n:Signal) ON (n.status);

CREATE INDEX supplier_name IF NOT EXISTS FOR (n:Supplier) ON (n.name);

CREATE INDEX technology_name IF NOT EXISTS FOR (n:Technology) ON (n.name);

CREATE INDEX technology_trl IF NOT EXISTS FOR (n:Technology) ON (n.trl);

DROP INDEX entity_text IF EXISTS;

DROP INDEX signal_canonical_url IF EXISTS;

DROP INDEX signal_content_hash IF EXISTS;

MATCH (s:Signal) WHERE s.canonicalUrl IS NOT NULL
WITH s.canonicalUrl AS k, s ORDER BY s.id
WITH k, collect(s) AS holders WHERE size(holders) > 1
UNWIND tail(holders) AS later REMOVE later.canonicalUrl;

MATCH (s:Signal) WHERE s.canonicalUrl IS NOT NULL
WITH s.canonicalUrl AS k, s ORDER BY s.id
WITH k, collect(s) AS holders WHERE size(holders) > 1
UNWIND tail(holders) AS later RETURN count(later) AS n;

MATCH (s:Signal) WHERE s.contentHash IS NOT NULL
WITH s.contentHash AS k, s ORDER BY s.id
WITH k, collect(s) AS holders WHERE size(holders) > 1
UNWIND tail(holders) AS later REMOVE later.contentHash;

MATCH (s:Signal) WHERE s.contentHash IS NOT NULL
WITH s.contentHash AS k, s ORDER BY s.id
WITH k, collect(s) AS holders WHERE size(holders) > 1
UNWIND tail(holders) AS later RETURN count(later) AS n;

SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name
RETURN labelsOrTypes AS labels, properties, options.indexConfig.`fulltext.analyzer` AS analyzer;

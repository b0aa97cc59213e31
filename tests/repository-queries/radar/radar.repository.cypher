// Sent by server/src/radar/radar.repository.ts in its integration test (9, sorted).

CREATE (e:RadarEdition {id: $id}) SET e += $props, e.at = datetime() RETURN properties(e) AS e;

MATCH (a:CriticalTechnologyArea) RETURN a.id AS id, a.name AS name, a.framework AS framework ORDER BY a.framework, a.name, a.id;

MATCH (a:KetArea) RETURN a.id AS id, a.name AS name, a.framework AS framework ORDER BY a.framework, a.name, a.id;

MATCH (c:Change)
WHERE c.entityKind = 'Technology' AND c.at >= datetime($since)
RETURN c.entityId AS entityId, c.kind AS kind, c.fields AS fields
ORDER BY c.at, c.seq;

MATCH (e:RadarEdition) RETURN properties(e) AS e ORDER BY e.at DESC, e.id LIMIT $limit;

MATCH (e:RadarEdition) WHERE e.id IN $ids RETURN properties(e) AS e;

MATCH (t:Technology)
RETURN t.id AS id, t.name AS name, t.description AS description, t.horizon AS horizon, t.trl AS trl, t.dualUse AS dualUse,
  COLLECT { MATCH (t)-[:IN_KET_AREA]->(k:KetArea) RETURN k.id ORDER BY k.id } AS ketAreaIds,
  COLLECT { MATCH (t)-[:IN_CRITICAL_AREA]->(a:CriticalTechnologyArea) RETURN a.id ORDER BY a.id } AS criticalAreaIds,
  COLLECT { MATCH (t)-[:ENABLES]->(c:Capability) RETURN {id: c.id, domain: c.domain} ORDER BY c.id } AS capabilities,
  COLLECT { MATCH (cs:CaseStudy)-[:SCANS]->(t) RETURN cs.id ORDER BY cs.id } AS caseStudyIds,
  COLLECT { MATCH (s:Signal)-[:INDICATES]->(t) RETURN s.publishedAt } AS signalDays
ORDER BY t.name, t.id;

RETURN COLLECT { MATCH (c:Capability) RETURN {id: c.id, name: c.name, domain: c.domain} ORDER BY c.name, c.id } AS capabilities,
COLLECT { MATCH (cs:CaseStudy) RETURN {id: cs.id, name: cs.name} ORDER BY cs.name, cs.id } AS caseStudies,
COLLECT { MATCH (k:KetArea) RETURN {id: k.id, name: k.name} ORDER BY k.name, k.id } AS ketAreas;

UNWIND [[$capabilityId, 'Capability'], [$caseStudyId, 'CaseStudy'], [$ketAreaId, 'KetArea']] AS pair
WITH pair WHERE pair[0] IS NOT NULL
MATCH (n:Entity {id: pair[0]}) WHERE pair[1] IN labels(n)
RETURN n.id AS id;

// Constraints and indexes the queries rely on; idempotent, applied at every start.
import type { Database } from './database.js';
import { DELPHI_LABELS, ENTITY_KINDS, ENTITY_LABEL, HISTORY_LABEL, MAP_KINDS, NOTIFICATION_LABEL, SAVED_SEARCH_LABEL } from './labels.js';
import { DATA_VERSION_LABEL } from './data-version.js';

export const FULLTEXT_INDEX = 'entity_text';
/** What search needs of the full-text index; an index found with anything else is dropped and built again. */
export const FULLTEXT_PROPERTIES = ['name', 'aliases', 'description'];
export const FULLTEXT_ANALYZER = 'english';

export function schemaStatements(): string[] {
  const statements: string[] = [];
  // Label names come from our own constant list, never from input: identifiers cannot be parameters.
  for (const kind of [...ENTITY_KINDS, ENTITY_LABEL, 'User']) {
    statements.push(`CREATE CONSTRAINT ${kind.toLowerCase()}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE`);
  }
  for (const kind of ['Technology', 'Capability', 'Component', 'Material', 'Supplier', 'Signal', 'Scenario']) {
    statements.push(`CREATE INDEX ${kind.toLowerCase()}_name IF NOT EXISTS FOR (n:${kind}) ON (n.name)`);
  }
  // Users sign in by email; sessions and API tokens are found by the hash of their secret (server/src/user).
  statements.push('CREATE CONSTRAINT user_email IF NOT EXISTS FOR (n:User) REQUIRE n.email IS UNIQUE');
  statements.push('CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE');
  statements.push('CREATE CONSTRAINT apitoken_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE');
  statements.push('CREATE CONSTRAINT apitoken_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE');
  // Idempotent creates remember each client key once (server/src/hardening/idempotency.ts).
  statements.push(`CREATE CONSTRAINT atlas_data_version_id IF NOT EXISTS FOR (n:${DATA_VERSION_LABEL}) REQUIRE n.id IS UNIQUE`);
  statements.push('CREATE CONSTRAINT idempotencykey_key IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.key IS UNIQUE');
  statements.push('CREATE INDEX signal_status IF NOT EXISTS FOR (n:Signal) ON (n.status)');
  // Delphi studies are found by id (deep links, every mutation); their rounds and answers through the study.
  statements.push(`CREATE CONSTRAINT delphi_study_id IF NOT EXISTS FOR (n:${DELPHI_LABELS.STUDY}) REQUIRE n.id IS UNIQUE`);
  statements.push(`CREATE CONSTRAINT delphi_answer_key IF NOT EXISTS FOR (n:${DELPHI_LABELS.ANSWER}) REQUIRE n.key IS UNIQUE`);
  // Signal intake de-duplicates by these two keys (server/src/signal, docs/signals.md). They are unique, so two
  // intakes of the same signal at once cannot both store it: the loser fails on the constraint and is re-planned.
  // The plain indexes of earlier versions go first: a constraint cannot share its property with another index.
  statements.push('DROP INDEX signal_canonical_url IF EXISTS');
  statements.push('DROP INDEX signal_content_hash IF EXISTS');
  statements.push('CREATE CONSTRAINT signal_canonical_url_unique IF NOT EXISTS FOR (n:Signal) REQUIRE n.canonicalUrl IS UNIQUE');
  statements.push('CREATE CONSTRAINT signal_content_hash_unique IF NOT EXISTS FOR (n:Signal) REQUIRE n.contentHash IS UNIQUE');
  statements.push('CREATE INDEX signal_published_at IF NOT EXISTS FOR (n:Signal) ON (n.publishedAt)');
  statements.push('CREATE INDEX capability_domain IF NOT EXISTS FOR (n:Capability) ON (n.domain)');
  statements.push('CREATE INDEX technology_trl IF NOT EXISTS FOR (n:Technology) ON (n.trl)');
  // History of an entity: its own changes and those of links touching it, newest first (server/src/history).
  statements.push(`CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:${HISTORY_LABEL}) REQUIRE n.id IS UNIQUE`);
  for (const key of ['entityId', 'fromId', 'toId', 'mergedId']) {
    statements.push(`CREATE INDEX change_${key.toLowerCase()} IF NOT EXISTS FOR (n:${HISTORY_LABEL}) ON (n.${key})`);
  }
  // Watchlists and notifications (server/src/notification, server/src/follow): found by id, a user's listed newest first.
  statements.push(`CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:${NOTIFICATION_LABEL}) REQUIRE n.id IS UNIQUE`);
  statements.push(`CREATE CONSTRAINT savedsearch_id IF NOT EXISTS FOR (n:${SAVED_SEARCH_LABEL}) REQUIRE n.id IS UNIQUE`);
  // Comments and assignments are found by id for edits, deletes and completion (server/src/discussion).
  statements.push('CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (n:Comment) REQUIRE n.id IS UNIQUE');
  statements.push('CREATE CONSTRAINT assignment_id IF NOT EXISTS FOR (n:Assignment) REQUIRE n.id IS UNIQUE');
  statements.push('CREATE INDEX assignment_subjectid IF NOT EXISTS FOR (n:Assignment) ON (n.subjectId)');
  // English stems (biometric = biometrics) over names, aliases (lists of text) and descriptions; server/src/explorer.
  statements.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${MAP_KINDS.join('|')}) ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}'}}`,
  );
  return statements;
}

/**
 * Databases written before the signal keys were unique may hold a key twice (two intakes that raced). The lowest id
 * keeps it; the others lose that key (they stay, and intake leaves them without it: signal.keys.repository.ts), so the
 * constraints can be created. Reads first, and writes only when there is something to release.
 */
async function releaseSharedSignalKeys(db: Database, log: (line: string) => void): Promise<void> {
  for (const key of ['canonicalUrl', 'contentHash'] as const) {
    // The property name comes from the constant list above, never from input.
    const shared = `MATCH (s:Signal) WHERE s.${key} IS NOT NULL
       WITH s.${key} AS k, s ORDER BY s.id
       WITH k, collect(s) AS holders WHERE size(holders) > 1
       UNWIND tail(holders) AS later`;
    const [found] = await db.read<{ n: number }>(`${shared} RETURN count(later) AS n`);
    if (!found?.n) continue;
    await db.write(`${shared} REMOVE later.${key}`);
    log(`Released the ${key} of ${found.n} signal(s) that repeated an earlier one, so it can be unique.`);
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `CREATE … IF NOT EXISTS` keeps an index of the same name whatever its definition, so an index from an older version
 * (other properties, labels or analyzer) would silently stay. Such an index is dropped here; the create rebuilds it.
 */
export async function dropOutdatedFulltextIndex(db: Database, log: (line: string) => void = () => {}): Promise<boolean> {
  const [found] = await db.read<{ labels: string[]; properties: string[]; analyzer: string | null }>(
    `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name
     RETURN labelsOrTypes AS labels, properties, options.indexConfig.\`fulltext.analyzer\` AS analyzer`,
    { name: FULLTEXT_INDEX },
  );
  if (!found) return false;
  const current =
    sameList([...found.labels].sort(), [...MAP_KINDS].sort()) && sameList(found.properties, FULLTEXT_PROPERTIES) && found.analyzer === FULLTEXT_ANALYZER;
  if (current) return false;
  log(`Full-text index ${FULLTEXT_INDEX} is outdated (${found.properties.join(', ')}; analyzer ${found.analyzer}); rebuilding it.`);
  await db.schema(`DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`);
  return true;
}

export async function applySchema(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  await releaseSharedSignalKeys(db, log);
  await dropOutdatedFulltextIndex(db, log);
  const statements = schemaStatements();
  for (const statement of statements) await db.schema(statement);
  // Indexes build in the background; queries right after start must see them online.
  await db.schema('CALL db.awaitIndexes(120)');
  log(`Schema applied (${statements.length} constraints and indexes).`);
}

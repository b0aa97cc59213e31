// Writes a validated seed with UNWIND batches, idempotently (MERGE on id; a second run changes nothing),
// reporting per kind and per link type how many were created, changed and left as they were.
//
// Speed: every kind of node goes through ONE statement and every link type (SOURCED_FROM included) through ONE other
// statement, the label or type being a dynamic `$(row.kind)` / `$(row.type)` whose values come only from the model's
// constants (the validator checks every kind and type against server/src/db/labels.ts, and writeSeed checks again
// here). Neo4j plans a statement on its first use, and on a cold server that costs far more than writing a few thousand
// rows, so two statements instead of one per kind and type (31) is most of the gain on small loads. Rows go in batches
// of 10,000 (one managed transaction each, run one after another: each also bumps the data-version node). Change
// detection compares only the keys the seed writes (`SET += props` never removes others), and an unchanged row is not
// written at all.
import type { Database } from '../server/src/db/database.js';
import { ENTITY_KINDS, ENTITY_LABEL, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../server/src/db/labels.js';
import { SeedError, type SeedData, type SeedRecord } from './seed-data.js';
import { NODE_SPECS } from './spec.js';
import { validateSeed } from './validate.js';

export interface Tally {
  name: string;
  records: number;
  created: number;
  changed: number;
  unchanged: number;
}

export interface SeedSummary {
  nodes: Tally[];
  links: Tally[];
  millis: number;
}

export interface WriteOptions {
  log?: (line: string) => void;
  /** Rows per transaction (nodes, links and SOURCED_FROM alike); default 10,000. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 10_000;

/** The relationship from an entity to each of its sources; written like a link but not tallied as one. */
const SOURCED_FROM = 'SOURCED_FROM';

interface NodeRow {
  id: string;
  kind: EntityKind;
  props: Record<string, unknown>;
}

interface LinkRow {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}

function nodeRow(kind: EntityKind, record: SeedRecord): NodeRow {
  const rename = NODE_SPECS[kind]?.rename ?? {};
  const props: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'id' || field === 'sources' || value === undefined) continue;
    props[rename[field] ?? field] = value;
  }
  return { id: record.id as string, kind, props };
}

function linkRow(type: RelationshipType, record: SeedRecord): LinkRow {
  const { from, to, sources, ...props } = record;
  return { from: from as string, to: to as string, type, props: { ...props, sourceIds: sources ?? [] } };
}

// A written key differs when the stored value is not equal to the new one (null on either side counts as a value:
// `SET += {k: null}` removes k). Equal to comparing properties(x) before and after `SET x += props`, far cheaper.
const differs = (x: string) => `any(k IN keys(row.props) WHERE NOT coalesce(${x}[k] = row.props[k], ${x}[k] IS NULL AND row.props[k] IS NULL))`;

// The marker property tells MERGE's create from its match within the statement; it never outlives the transaction.
export const NODE_STATEMENT = `UNWIND $rows AS row
    MERGE (n:${ENTITY_LABEL} {id: row.id})
    ON CREATE SET n:$(row.kind), n.createdAt = datetime(), n.__created = true
    WITH n, row, n.__created IS NOT NULL AS created
    WITH n, row, created, NOT created AND ${differs('n')} AS changed
    FOREACH (_ IN CASE WHEN created OR changed THEN [1] ELSE [] END | SET n += row.props REMOVE n.__created)
    RETURN row.kind AS name,
           sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
           sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed`;

// Both ends are found through the :Entity id uniqueness constraint's index (NodeUniqueIndexSeek). The existing link is
// found by expanding a's outgoing relationships (OptionalExpand(All)) and filtering on the far end and the type. Not
// `MERGE (a)-[:$(row.type)]->(b)` nor `(a)-[old]->(b)`: with a dynamic type or a type filter Neo4j 5.26 plans those as
// a scan of every relationship in the graph per row (DirectedAllRelationshipsScan), quadratic in the load. Validation
// guarantees one row per (type, from, to), so creating the missing ones is what MERGE would do.
export const LINK_STATEMENT = `UNWIND $rows AS row
    MATCH (a:${ENTITY_LABEL} {id: row.from})
    MATCH (b:${ENTITY_LABEL} {id: row.to})
    OPTIONAL MATCH (a)-[old]->(end) WHERE end = b AND type(old) = row.type
    WITH a, b, row, old, old IS NULL AS created
    WITH a, b, row, old, created, NOT created AND ${differs('old')} AS changed
    FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (a)-[r:$(row.type)]->(b) SET r = row.props)
    FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET old += row.props)
    RETURN row.type AS name,
           sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
           sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed`;

// A load into a map with no entity yet (the first `npm start`, a new deployment, the benchmarks) cannot meet any of its
// nodes or links already there, so it takes statements that only create: no MERGE on each node and, above all, no
// look for an existing link, which expands every outgoing relationship of the link's start and so grows with the
// square of a hub's degree. Ids are still unique (the :Entity id constraint refuses a second), and the seed's
// validation guarantees one row per (type, from, to).
export const NEW_NODE_STATEMENT = `UNWIND $rows AS row
    CREATE (n:${ENTITY_LABEL} {id: row.id})
    SET n:$(row.kind), n += row.props, n.createdAt = datetime()
    RETURN row.kind AS name, count(*) AS created, 0 AS changed`;

export const NEW_LINK_STATEMENT = `UNWIND $rows AS row
    MATCH (a:${ENTITY_LABEL} {id: row.from})
    MATCH (b:${ENTITY_LABEL} {id: row.to})
    CREATE (a)-[r:$(row.type)]->(b)
    SET r = row.props
    RETURN row.type AS name, count(*) AS created, 0 AS changed`;

const MAP_IS_EMPTY = `RETURN NOT EXISTS { MATCH (:${ENTITY_LABEL}) } AS empty`;

interface Counts {
  name: string;
  created: number;
  changed: number;
}

/** Writes rows in batches, one managed transaction each, adding each batch's per-name counts to the tallies. */
async function writeBatches(
  db: Database,
  phase: string,
  statement: string,
  rows: unknown[],
  batchSize: number,
  tallies: Map<string, Tally>,
  log: (line: string) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const counts = await db.write<Counts>(statement, { rows: rows.slice(start, start + batchSize) });
    for (const c of counts) {
      const tally = tallies.get(c.name);
      if (!tally) continue;
      tally.created += c.created;
      tally.changed += c.changed;
    }
    if (rows.length > batchSize) log(`  ${phase}: ${Math.min(start + batchSize, rows.length)}/${rows.length}`);
  }
}

function finish(tally: Tally): Tally {
  tally.unchanged = tally.records - tally.created - tally.changed;
  return tally;
}

/** Validates everything first (throws SeedError, writing nothing), then writes nodes (sources first) and links. */
export async function writeSeed(db: Database, data: SeedData, options: WriteOptions = {}): Promise<SeedSummary> {
  const { log = () => {}, batchSize = DEFAULT_BATCH_SIZE } = options;
  const problems = validateSeed(data);
  if (problems.length) throw new SeedError(problems);
  // The dynamic labels and types below may only ever be the model's own names.
  for (const group of data.nodes) if (!(ENTITY_KINDS as readonly string[]).includes(group.kind)) throw new Error(`not an entity kind: ${group.kind}`);
  for (const group of data.links) if (!Object.hasOwn(RELATIONSHIP_TYPES, group.type)) throw new Error(`not a relationship type: ${group.type}`);
  const started = Date.now();
  const size = Math.max(1, Math.floor(batchSize));
  const [{ empty } = { empty: false }] = await db.read<{ empty: boolean }>(MAP_IS_EMPTY);
  const nodeStatement = empty ? NEW_NODE_STATEMENT : NODE_STATEMENT;
  const linkStatement = empty ? NEW_LINK_STATEMENT : LINK_STATEMENT;
  if (empty) log('  the map is empty: creating without looking for existing nodes and links');

  // Nodes: sources first, so the SOURCED_FROM links written right after them find every source.
  const groups = [...data.nodes].sort((a, b) => Number(b.kind === 'Source') - Number(a.kind === 'Source'));
  const nodeTallies = new Map(
    groups.map((g) => [g.kind as string, { name: g.kind as string, records: g.records.length, created: 0, changed: 0, unchanged: 0 }]),
  );
  const nodeRows = groups.flatMap((g) => g.records.map((r) => nodeRow(g.kind, r)));
  await writeBatches(db, 'nodes', nodeStatement, nodeRows, size, nodeTallies, log);

  const sourceRows: LinkRow[] = [];
  for (const group of groups) {
    for (const record of group.records) {
      for (const sid of new Set((record.sources as string[] | undefined) ?? []))
        sourceRows.push({ from: record.id as string, to: sid, type: SOURCED_FROM, props: {} });
    }
  }
  await writeBatches(db, SOURCED_FROM, linkStatement, sourceRows, size, new Map(), log);
  const summary: SeedSummary = { nodes: [...nodeTallies.values()].map(finish), links: [], millis: 0 };
  for (const tally of summary.nodes) log(formatTally(tally));

  const linkTallies = new Map(
    data.links.map((g) => [g.type as string, { name: g.type as string, records: g.records.length, created: 0, changed: 0, unchanged: 0 }]),
  );
  const linkRows = data.links.flatMap((g) => g.records.map((r) => linkRow(g.type, r)));
  await writeBatches(db, 'links', linkStatement, linkRows, size, linkTallies, log);
  summary.links = [...linkTallies.values()].map(finish);
  for (const tally of summary.links) log(formatTally(tally));

  summary.millis = Date.now() - started;
  return summary;
}

export function formatTally(t: Tally): string {
  return `  ${t.name.padEnd(24)} ${String(t.records).padStart(6)} records: ${t.created} created, ${t.changed} changed, ${t.unchanged} unchanged`;
}

export function totals(summary: SeedSummary) {
  const sum = (list: Tally[], key: keyof Omit<Tally, 'name'>) => list.reduce((n, t) => n + t[key], 0);
  return {
    nodes: sum(summary.nodes, 'records'),
    links: sum(summary.links, 'records'),
    created: sum(summary.nodes, 'created') + sum(summary.links, 'created'),
    changed: sum(summary.nodes, 'changed') + sum(summary.links, 'changed'),
  };
}

// Writes a validated seed with UNWIND batches, idempotently (MERGE on id; a second run changes nothing),
// reporting per kind how many were created, changed and left as they were.
import type { Database } from '../server/src/db/database.js';
import { ENTITY_LABEL, type EntityKind, type RelationshipType } from '../server/src/db/labels.js';
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
  batchSize?: number;
}

function nodeRow(kind: EntityKind, record: SeedRecord) {
  const rename = NODE_SPECS[kind]?.rename ?? {};
  const props: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'id' || field === 'sources' || value === undefined) continue;
    props[rename[field] ?? field] = value;
  }
  return { id: record.id as string, props, sources: (record.sources as string[] | undefined) ?? [] };
}

function linkRow(record: SeedRecord) {
  const { from, to, sources, ...props } = record;
  return { from, to, props: { ...props, sourceIds: sources ?? [] } };
}

// `before <> properties(n)` tells a real change from a rewrite of the same values.
function nodeStatement(kind: EntityKind): string {
  return `UNWIND $rows AS row
    MERGE (n:${ENTITY_LABEL}:${kind} {id: row.id})
    ON CREATE SET n.createdAt = datetime(), n.__created = true
    WITH n, row, n.__created IS NOT NULL AS created, properties(n) AS before
    REMOVE n.__created
    SET n += row.props
    WITH n, row, created, before
    CALL (n, row) {
      UNWIND row.sources AS sid
      MATCH (s:Source {id: sid})
      MERGE (n)-[:SOURCED_FROM]->(s)
    }
    WITH created, before <> properties(n) AS changed
    RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
           sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS changed,
           count(*) AS total`;
}

function linkStatement(type: RelationshipType): string {
  return `UNWIND $rows AS row
    MATCH (a:${ENTITY_LABEL} {id: row.from})
    MATCH (b:${ENTITY_LABEL} {id: row.to})
    MERGE (a)-[r:${type}]->(b)
    ON CREATE SET r.__created = true
    WITH r, row, r.__created IS NOT NULL AS created, properties(r) AS before
    REMOVE r.__created
    SET r += row.props
    WITH created, before <> properties(r) AS changed
    RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
           sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS changed,
           count(*) AS total`;
}

async function writeBatches(db: Database, name: string, statement: string, rows: unknown[], batchSize: number, log: (line: string) => void): Promise<Tally> {
  const tally: Tally = { name, records: rows.length, created: 0, changed: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += batchSize) {
    const [result] = await db.write<{ created: number; changed: number; total: number }>(statement, { rows: rows.slice(start, start + batchSize) });
    tally.created += result?.created ?? 0;
    tally.changed += result?.changed ?? 0;
    if (rows.length > batchSize) log(`  ${name}: ${Math.min(start + batchSize, rows.length)}/${rows.length}`);
  }
  tally.unchanged = tally.records - tally.created - tally.changed;
  return tally;
}

/** Validates everything first (throws SeedError, writing nothing), then writes nodes (sources first) and links. */
export async function writeSeed(db: Database, data: SeedData, options: WriteOptions = {}): Promise<SeedSummary> {
  const { log = () => {}, batchSize = 1000 } = options;
  const problems = validateSeed(data);
  if (problems.length) throw new SeedError(problems);
  const started = Date.now();
  const summary: SeedSummary = { nodes: [], links: [], millis: 0 };
  const groups = [...data.nodes].sort((a, b) => Number(b.kind === 'Source') - Number(a.kind === 'Source'));
  for (const group of groups) {
    const tally = await writeBatches(db, group.kind, nodeStatement(group.kind), group.records.map((r) => nodeRow(group.kind, r)), batchSize, log);
    summary.nodes.push(tally);
    log(formatTally(tally));
  }
  for (const group of data.links) {
    const tally = await writeBatches(db, group.type, linkStatement(group.type), group.records.map(linkRow), batchSize, log);
    summary.links.push(tally);
    log(formatTally(tally));
  }
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

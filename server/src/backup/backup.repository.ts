// All Cypher of export and import (backup.ts): reading every node and relationship with the Neo4j types JSON cannot
// carry, and restoring them through temporary _Import marks. Labels, types and property names come from the file, so
// each is checked to be a plain identifier (letters, digits, _) before it is written into a statement.
import type { Database } from '../db/database.js';
import { DATA_VERSION_LABEL, IDEMPOTENCY_LABEL } from '../db/labels.js';
import { ImportRefused } from './import-refused.js';

const TEMPORAL: Record<string, string> = {
  'ZONED DATETIME': 'datetime',
  'LOCAL DATETIME': 'localdatetime',
  DATE: 'date',
  'ZONED TIME': 'time',
  'LOCAL TIME': 'localtime',
  DURATION: 'duration',
};
// Neo4j's valueType (without NOT NULL) → the name written to `types`.
export const RESTORED_TYPES: Record<string, string> = { ...TEMPORAL, INTEGER: 'integer', 'LIST<INTEGER>': 'list<integer>' };
const TYPE_NAMES = new Set(Object.values(RESTORED_TYPES));

/** The Cypher expression turning a file value back into its type (the type name is checked against our list first). */
function restored(type: string, value: string): string {
  if (!TYPE_NAMES.has(type)) throw new ImportRefused(`Unknown property type ${type}.`);
  if (type === 'integer') return `toInteger(${value})`;
  if (type === 'list<integer>') return `[x IN ${value} | toInteger(x)]`;
  return `${type}(${value})`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
export function identifier(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Refusing the identifier "${name}" from the import file (letters, digits and _ only).`);
  return `\`${name}\``;
}

const TYPES_OF = (v: string) => `[k IN keys(${v}) | [k, replace(valueType(${v}[k]), ' NOT NULL', '')]]`;

export const READ_NODES = `
  MATCH (n) WHERE none(l IN labels(n) WHERE l IN $excluded)
  RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props, ${TYPES_OF('n')} AS types
  ORDER BY coalesce(n.id, n.key, ''), key`;
export const READ_RELATIONSHIPS = `
  MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $excluded)
  RETURN type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props, ${TYPES_OF('r')} AS types`;
export const COUNT_NODES = `MATCH (n) WHERE NOT n:${IDEMPOTENCY_LABEL} AND NOT n:${DATA_VERSION_LABEL} RETURN count(n) AS n`;
export const CREATE_IMPORT_INDEX = 'CREATE INDEX import_key IF NOT EXISTS FOR (n:_Import) ON (n._importKey)';
export const DROP_IMPORT_INDEX = 'DROP INDEX import_key IF EXISTS';
export const REMOVE_IMPORT_MARKS = 'MATCH (n:_Import) WITH n LIMIT 10000 REMOVE n:_Import, n._importKey RETURN count(n) AS n';

export function readNodes(db: Database, excluded: readonly string[]) {
  return db.read<{ key: string; labels: string[]; props: Record<string, unknown>; types: [string, string][] }>(READ_NODES, { excluded });
}

export function readRelationships(db: Database, excluded: readonly string[]) {
  return db.read<{ type: string; from: string; to: string; props: Record<string, unknown>; types: [string, string][] }>(READ_RELATIONSHIPS, { excluded });
}

/** Nodes other than bookkeeping (idempotency keys, the data version): a restore goes only into an empty database. */
export async function countNodes(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>(COUNT_NODES);
  return row?.n ?? 0;
}

export async function createImportIndex(db: Database): Promise<void> {
  await db.schema(CREATE_IMPORT_INDEX);
  await db.schema('CALL db.awaitIndexes(120)');
}

export async function dropImportIndex(db: Database): Promise<void> {
  await db.schema(DROP_IMPORT_INDEX);
}

/** One batch of nodes with one label set (`labels`: checked identifiers joined by ':'; '' for none). */
export async function createImportedNodes(db: Database, labels: string, rows: { key: string; props: Record<string, unknown> }[]): Promise<void> {
  await db.write(`UNWIND $rows AS row CREATE (n:_Import${labels ? `:${labels}` : ''}) SET n = row.props, n._importKey = row.key`, { rows });
}

/** Gives one property of imported nodes its Neo4j type again (temporal, integer). */
export async function setImportedNodeProperty(db: Database, property: string, type: string, rows: { key: string; value: unknown }[]): Promise<void> {
  await db.write(`UNWIND $rows AS row MATCH (n:_Import {_importKey: row.key}) SET n.${identifier(property)} = ${restored(type, 'row.value')}`, { rows });
}

/** One batch of relationships of one type; `typed` names the properties to give their type again. */
export async function createImportedRelationships(
  db: Database,
  type: string,
  typed: ReadonlyMap<string, string>,
  rows: { from: string; to: string; props: Record<string, unknown>; types: Record<string, string> }[],
): Promise<void> {
  // One relationship may hold an integer where another of its type holds a float: each row says which it has.
  const sets = [...typed].map(([p, t]) => {
    const value = `row.props[${JSON.stringify(p)}]`;
    return `, r.${identifier(p)} = CASE WHEN row.types[${JSON.stringify(p)}] = ${JSON.stringify(t)} THEN ${restored(t, value)} ELSE ${value} END`;
  });
  await db.write(
    `UNWIND $rows AS row MATCH (a:_Import {_importKey: row.from}) MATCH (b:_Import {_importKey: row.to})
     CREATE (a)-[r:${identifier(type)}]->(b) SET r = row.props${sets.join('')}`,
    { rows },
  );
}

/** Removes the import marks from up to 10,000 nodes; returns how many (0: done). */
export async function removeImportMarks(db: Database): Promise<number> {
  const [row] = await db.write<{ n: number }>(REMOVE_IMPORT_MARKS);
  return row?.n ?? 0;
}

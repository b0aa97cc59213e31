// Create / update / delete for any kind, used inside a domain's write transaction.
// Labels come from our constant model (identifiers cannot be parameters); every value is a parameter.
import type { WriteTx } from '../db/database.js';
import { ENTITY_LABEL, ID_PREFIX, type EntityKind, type RelationshipType } from '../db/labels.js';
import { badInput, notFound, type FieldProblem } from '../graphql/errors.js';
import { KIND_OF, toEntity } from './entity.repository.js';
import type { EntityRecord } from './entity.type.js';

export interface Reference {
  field: string;
  ids: readonly string[];
  kinds: readonly EntityKind[];
}

/** Fails the transaction with BAD_USER_INPUT naming the field when a referenced id is unknown or of the wrong kind. */
export async function checkReferences(tx: WriteTx, references: Reference[]): Promise<void> {
  const wanted = references.flatMap((r) => r.ids.map((id, index) => ({ id, field: `${r.field}[${index}]`, kinds: r.kinds })));
  if (wanted.length === 0) return;
  const rows = await tx.run<{ id: string; kind: EntityKind | null }>(
    `UNWIND $ids AS id OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, ${KIND_OF('n')} AS kind`,
    { ids: [...new Set(wanted.map((w) => w.id))] },
  );
  const kindById = new Map(rows.map((r) => [r.id, r.kind]));
  const problems: FieldProblem[] = [];
  for (const w of wanted) {
    const kind = kindById.get(w.id);
    if (!kind) problems.push({ field: w.field, message: `no entity has id "${w.id}".` });
    else if (!w.kinds.includes(kind)) problems.push({ field: w.field, message: `"${w.id}" is a ${kind}; expected ${w.kinds.join(' or ')}.` });
  }
  if (problems.length) throw badInput(problems);
}

/** A readable, unique-enough id from a name, e.g. "Facial recognition" → "tech:facial-recognition". */
export function idFromName(kind: EntityKind, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${ID_PREFIX[kind]}:${slug || 'unnamed'}`;
}

export async function createEntity(
  tx: WriteTx,
  kind: EntityKind,
  id: string,
  props: Record<string, unknown>,
  sourceIds: readonly string[],
): Promise<EntityRecord> {
  const existing = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n.id AS id`, { id });
  if (existing.length) throw badInput({ field: 'input.id', message: `"${id}" is taken; choose another id or name.` });
  const [row] = await tx.run<{ props: Record<string, unknown> }>(
    `CREATE (n:${ENTITY_LABEL}:${kind} {id: $id})
     SET n += $props, n.createdAt = datetime(), n.updatedAt = datetime()
     WITH n
     CALL (n) { UNWIND $sourceIds AS sid MATCH (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s) }
     RETURN properties(n) AS props`,
    { id, props, sourceIds },
  );
  return toEntity({ kind, props: row!.props });
}

/** Sets the given properties (null removes one); replaces sources when sourceIds is given. */
export async function updateEntity(
  tx: WriteTx,
  kind: EntityKind,
  id: string,
  props: Record<string, unknown>,
  sourceIds: readonly string[] | undefined,
): Promise<EntityRecord> {
  const [row] = await tx.run<{ props: Record<string, unknown> }>(
    `MATCH (n:${kind} {id: $id})
     SET n += $props, n.updatedAt = datetime()
     WITH n
     CALL (n) {
       WITH n WHERE $sourceIds IS NOT NULL
       OPTIONAL MATCH (n)-[old:SOURCED_FROM]->()
       DELETE old
       WITH DISTINCT n
       UNWIND $sourceIds AS sid MATCH (s:Source {id: sid}) MERGE (n)-[:SOURCED_FROM]->(s)
     }
     RETURN properties(n) AS props`,
    { id, props, sourceIds: sourceIds ?? null },
  );
  if (!row) throw notFound(kind, id);
  return toEntity({ kind, props: row.props });
}

export async function deleteEntity(tx: WriteTx, kind: EntityKind, id: string): Promise<{ id: string; relationshipsRemoved: number }> {
  const [row] = await tx.run<{ removed: number }>(
    `MATCH (n:${kind} {id: $id})
     OPTIONAL MATCH (n)-[r]-()
     WITH n, count(r) AS removed
     DETACH DELETE n
     RETURN removed`,
    { id },
  );
  if (!row) throw notFound(kind, id);
  return { id, relationshipsRemoved: row.removed };
}

/** Replaces the outgoing links of one type (e.g. a technology's KET areas) with the given targets. */
export async function replaceLinks(tx: WriteTx, id: string, type: RelationshipType, targetIds: readonly string[]): Promise<void> {
  await tx.run(
    `MATCH (n:${ENTITY_LABEL} {id: $id})
     OPTIONAL MATCH (n)-[old:${type}]->()
     DELETE old
     WITH DISTINCT n
     UNWIND $targetIds AS tid MATCH (t:${ENTITY_LABEL} {id: tid}) MERGE (n)-[:${type}]->(t)`,
    { id, targetIds },
  );
}

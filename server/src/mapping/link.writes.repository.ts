// Writing and removing one link of the map inside a write transaction: the one path every link mutation takes
// (linkEntities and the specific linkEnables, linkSuppliedBy…), so references, kinds, the shares rule and the
// history record are the same everywhere. Types come from the model (validated LinkType), values are parameters.
import type { WriteTx } from '../db/database.js';
import { ENTITY_LABEL } from '../db/labels.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, type ChangeOptions } from '../entity/entity.writes.repository.js';
import { badInput } from '../graphql/errors.js';
import { createdFields, fieldChanges, type Actor, type LinkSnapshot } from '../history/history.model.js';
import { recordChange } from '../history/history.repository.js';
import { LINK_SPEC, SHARE_TOLERANCE, type LinkSpec, type LinkType } from './mapping-model.js';

export interface LinkRecord {
  type: LinkType;
  from: EntityRecord;
  to: EntityRecord;
  /** The link's own properties of the model (strength, share…), without bookkeeping. */
  properties: Record<string, unknown>;
  sourceIds: string[];
}

export interface LinkWrite {
  type: LinkType;
  fromId: string;
  toId: string;
  /** Every property of the type's spec (null: none), already validated and normalised. */
  properties: Record<string, unknown>;
  /** The link's sources; null keeps those it has (a re-rating that says nothing about sources). */
  sourceIds: readonly string[] | null;
}

/** How errors name the input fields: linkEntities says input.fromId, linkEnables says input.technologyId[0]. */
export interface LinkFieldNames {
  from: string;
  to: string;
  sourceIds: string;
  /** Path of the link's properties: input.properties (linkEntities) or input (linkEnables). */
  properties: string;
  /** Ends named as the field itself (input.fromId) rather than as a list item (input.technologyId[0]). */
  singleEnds: boolean;
}

export const LINK_INPUT_FIELDS: LinkFieldNames = {
  from: 'input.fromId',
  to: 'input.toId',
  sourceIds: 'input.sourceIds',
  properties: 'input.properties',
  singleEnds: true,
};

export function modelPropertiesOf(spec: LinkSpec, stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of spec.properties) if (stored[p.name] !== null && stored[p.name] !== undefined) out[p.name] = stored[p.name];
  return out;
}

function linkView(spec: LinkSpec, props: Record<string, unknown> | null, sourceIds: readonly string[]): Record<string, unknown> {
  if (!props) return {};
  return { ...modelPropertiesOf(spec, props), sources: [...new Set(sourceIds)].sort() };
}

/** The sum of the declared shares of an item's other suppliers; takes the item's lock first (see below). */
async function otherShares(tx: WriteTx, itemId: string, supplierId: string): Promise<number> {
  // Writing to the item first takes its lock, so two analysts adding shares at once cannot both pass the check.
  const [row] = await tx.run<{ others: number }>(
    `MATCH (i:${ENTITY_LABEL} {id: $itemId}) SET i.updatedAt = datetime()
     WITH i OPTIONAL MATCH (i)-[r:SUPPLIED_BY]->(s:Supplier) WHERE s.id <> $supplierId
     RETURN sum(coalesce(r.share, 0.0)) AS others`,
    { itemId, supplierId },
  );
  return row?.others ?? 0;
}

/**
 * Creates or updates one link (its properties are replaced by the given ones) and records LINK with the fields that
 * changed; an unchanged link is left as it is, unrecorded. Unknown ends, ends of a kind the model does not allow and
 * shares of one item over 1 are refused, naming the field. Returns the link and, for SUPPLIED_BY, the item's total share.
 */
export async function writeLink(
  tx: WriteTx,
  link: LinkWrite,
  actor: Actor,
  names: LinkFieldNames = LINK_INPUT_FIELDS,
  options: ChangeOptions = {},
): Promise<LinkRecord & { totalShare: number | null; changed: boolean }> {
  const spec = LINK_SPEC.get(link.type)!;
  await checkReferences(tx, [
    { field: names.from, ids: [link.fromId], kinds: spec.fromKinds, single: names.singleEnds },
    { field: names.to, ids: [link.toId], kinds: spec.toKinds, single: names.singleEnds },
    { field: names.sourceIds, ids: link.sourceIds ?? [], kinds: ['Source'] },
  ]);
  let totalShare: number | null = null;
  if (link.type === 'SUPPLIED_BY') {
    const others = await otherShares(tx, link.fromId, link.toId);
    const share = typeof link.properties.share === 'number' ? link.properties.share : null;
    if (share !== null && others + share > 1 + SHARE_TOLERANCE) {
      throw badInput({
        field: `${names.properties}.share`,
        message:
          `the shares of ${link.fromId}'s suppliers would add up to ${(others + share).toFixed(3)}, more than 1; its other ` +
          `suppliers hold ${others.toFixed(3)}, so at most ${Math.max(0, 1 - others).toFixed(3)} is left.`,
      });
    }
    totalShare = Math.round((others + (share ?? 0)) * 1e9) / 1e9;
  }
  const [existing] = await tx.run<{ props: Record<string, unknown> }>(
    `MATCH (a:${ENTITY_LABEL} {id: $fromId})-[r:${link.type}]->(b:${ENTITY_LABEL} {id: $toId}) RETURN properties(r) AS props`,
    { fromId: link.fromId, toId: link.toId },
  );
  const existingSources = (existing?.props.sourceIds as string[] | undefined) ?? [];
  const sourceIds = link.sourceIds ?? existingSources;
  const before = existing ? linkView(spec, existing.props, existingSources) : null;
  const after = linkView(spec, link.properties, sourceIds);
  const fields = before ? fieldChanges(before, after) : createdFields(after);
  const changed = !before || fields.length > 0;
  const [row] = await tx.run<{ from: Record<string, unknown>; fromKind: any; to: Record<string, unknown>; toKind: any; props: Record<string, unknown> }>(
    `MATCH (a:${ENTITY_LABEL} {id: $fromId}), (b:${ENTITY_LABEL} {id: $toId})
     MERGE (a)-[r:${link.type}]->(b)
     ON CREATE SET r.createdAt = datetime(), r.createdBy = $actor.id
     WITH a, b, r
     CALL (r) { WITH r WHERE $changed SET r += $props, r.sourceIds = $sourceIds, r.updatedAt = datetime(), r.updatedBy = $actor.name }
     RETURN properties(a) AS from, ${KIND_OF('a')} AS fromKind, properties(b) AS to, ${KIND_OF('b')} AS toKind, properties(r) AS props`,
    { fromId: link.fromId, toId: link.toId, props: link.properties, sourceIds: [...new Set(sourceIds)], actor, changed },
  );
  if (changed) {
    await recordChange(tx, actor, { kind: 'LINK', linkType: link.type, fromId: link.fromId, toId: link.toId, fields, comment: options.comment });
  }
  return {
    type: link.type,
    from: toEntity({ kind: row!.fromKind, props: row!.from }),
    to: toEntity({ kind: row!.toKind, props: row!.to }),
    properties: modelPropertiesOf(spec, row!.props),
    sourceIds: (row!.props.sourceIds as string[] | undefined) ?? [],
    totalShare,
    changed,
  };
}

/** Removes one link, recording UNLINK with what it held (restore brings it back); false when there was none. */
export async function removeLink(
  tx: WriteTx,
  type: LinkType,
  fromId: string,
  toId: string,
  actor: Actor,
  options: ChangeOptions = {},
): Promise<{ removed: boolean; changeId: string | null }> {
  const spec = LINK_SPEC.get(type)!;
  const [row] = await tx.run<{ props: Record<string, unknown> }>(
    `MATCH (:${ENTITY_LABEL} {id: $fromId})-[r:${type}]->(:${ENTITY_LABEL} {id: $toId})
     WITH r, properties(r) AS props DELETE r RETURN props`,
    { fromId, toId },
  );
  if (!row) return { removed: false, changeId: null };
  const snapshot: LinkSnapshot = { type, fromId, toId, properties: row.props };
  const changeId = await recordChange(tx, actor, {
    kind: 'UNLINK',
    linkType: type,
    fromId,
    toId,
    fields: fieldChanges(linkView(spec, row.props, (row.props.sourceIds as string[] | undefined) ?? []), {}),
    snapshot,
    comment: options.comment,
  });
  return { removed: true, changeId };
}

/** Makes `fromId`'s links of one type go to exactly `targetIds` (e.g. a technology's KET areas), recording each link and unlink. */
export async function replaceLinksOfType(
  tx: WriteTx,
  fromId: string,
  type: LinkType,
  targetIds: readonly string[],
  actor: Actor,
  names: LinkFieldNames,
): Promise<void> {
  const rows = await tx.run<{ id: string }>(`MATCH (:${ENTITY_LABEL} {id: $fromId})-[:${type}]->(t:${ENTITY_LABEL}) RETURN t.id AS id`, { fromId });
  const current = new Set(rows.map((r) => r.id));
  const wanted = new Set(targetIds);
  for (const id of current) if (!wanted.has(id)) await removeLink(tx, type, fromId, id, actor);
  for (const id of wanted) if (!current.has(id)) await writeLink(tx, { type, fromId, toId: id, properties: {}, sourceIds: [] }, actor, names);
}

// Suppliers, SUPPLIED_BY shares and SUBSTITUTES links: each mutation is one write transaction through the shared
// entity and link write paths (entity.writes.repository.ts, link.writes.repository.ts), which validate references and record history.
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, createEntity, deleteEntity } from '../entity/entity.writes.repository.js';
import { idFromName } from '../entity/entity-id.js';
import type { Actor } from '../history/history.model.js';
import { removeLink, writeLink, type LinkFieldNames } from './link.writes.repository.js';
import type { SubstitutesInput, SuppliedByInput, SupplierInput } from './supply.type.js';

export interface SuppliedByRow {
  item: EntityRecord;
  supplier: EntityRecord;
  share: number | null;
  year: number | null;
  basis: string | null;
  totalShare: number;
  sourceIds: string[];
}

export interface SubstitutesRow {
  substitute: EntityRecord;
  replaces: EntityRecord;
  rationale: string | null;
  sourceIds: string[];
}

const legacyNames = (from: string, to: string): LinkFieldNames => ({ from, to, sourceIds: 'input.sourceIds', properties: 'input', singleEnds: false });

export async function insertSupplier(db: Database, input: SupplierInput, actor: Actor): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [
      { field: 'input.countryId', ids: [input.countryId], kinds: ['Country'] },
      { field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] },
    ]);
    const id = input.id ?? idFromName('Supplier', input.name);
    const props: Record<string, unknown> = { name: input.name.trim(), description: input.description ?? null };
    const supplier = await createEntity(tx, 'Supplier', id, props, input.sourceIds ?? [], actor);
    await writeLink(
      tx,
      { type: 'LOCATED_IN', fromId: id, toId: input.countryId, properties: {}, sourceIds: input.sourceIds ?? [] },
      actor,
      legacyNames('input.id', 'input.countryId'),
    );
    return supplier;
  });
}

export async function removeSupplier(db: Database, id: string, actor: Actor) {
  return db.writeTransaction((tx) => deleteEntity(tx, 'Supplier', id, actor));
}

export async function upsertSuppliedBy(db: Database, input: SuppliedByInput, actor: Actor): Promise<SuppliedByRow> {
  return db.writeTransaction(async (tx) => {
    const link = await writeLink(
      tx,
      {
        type: 'SUPPLIED_BY',
        fromId: input.itemId,
        toId: input.supplierId,
        properties: { share: input.share ?? null, year: input.year ?? null, basis: input.basis ?? null },
        sourceIds: input.sourceIds ?? [],
      },
      actor,
      legacyNames('input.itemId', 'input.supplierId'),
    );
    const p = link.properties;
    return {
      item: link.from,
      supplier: link.to,
      share: (p.share as number) ?? null,
      year: (p.year as number) ?? null,
      basis: (p.basis as string) ?? null,
      totalShare: link.totalShare ?? 0,
      sourceIds: link.sourceIds,
    };
  });
}

export async function deleteSuppliedBy(db: Database, itemId: string, supplierId: string, actor: Actor): Promise<boolean> {
  return (await db.writeTransaction((tx) => removeLink(tx, 'SUPPLIED_BY', itemId, supplierId, actor))).removed;
}

export async function upsertSubstitutes(db: Database, input: SubstitutesInput, actor: Actor): Promise<SubstitutesRow> {
  return db.writeTransaction(async (tx) => {
    const link = await writeLink(
      tx,
      {
        type: 'SUBSTITUTES',
        fromId: input.substituteId,
        toId: input.replacesId,
        properties: { rationale: input.rationale ?? null },
        sourceIds: input.sourceIds ?? [],
      },
      actor,
      legacyNames('input.substituteId', 'input.replacesId'),
    );
    return { substitute: link.from, replaces: link.to, rationale: (link.properties.rationale as string) ?? null, sourceIds: link.sourceIds };
  });
}

export async function deleteSubstitutes(db: Database, substituteId: string, replacesId: string, actor: Actor): Promise<boolean> {
  return (await db.writeTransaction((tx) => removeLink(tx, 'SUBSTITUTES', substituteId, replacesId, actor))).removed;
}

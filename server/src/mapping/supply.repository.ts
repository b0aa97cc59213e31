// All Cypher of suppliers, SUPPLIED_BY shares and SUBSTITUTES links: each mutation is one write transaction.
import type { Database } from '../db/database.js';
import { ENTITY_LABEL } from '../db/labels.js';
import { KIND_OF, toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, createEntity, deleteEntity, idFromName } from '../entity/entity.writes.js';
import { badInput } from '../graphql/errors.js';
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

/** Shares may exceed 1 by rounding of this much (0.3 + 0.7 in binary floating point). */
const SHARE_TOLERANCE = 1e-9;
const SUBSTITUTABLE = ['Technology', 'Component', 'Material'] as const;

export async function insertSupplier(db: Database, input: SupplierInput, updatedBy: string): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [
      { field: 'input.countryId', ids: [input.countryId], kinds: ['Country'] },
      { field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] },
    ]);
    const id = input.id ?? idFromName('Supplier', input.name);
    const props: Record<string, unknown> = { name: input.name.trim(), updatedBy };
    if (input.description !== undefined && input.description !== null) props.description = input.description;
    const supplier = await createEntity(tx, 'Supplier', id, props, input.sourceIds ?? []);
    await tx.run(
      `MATCH (s:Supplier {id: $id}), (c:Country {id: $countryId})
       MERGE (s)-[r:LOCATED_IN]->(c) SET r.sourceIds = $sourceIds`,
      { id, countryId: input.countryId, sourceIds: input.sourceIds ?? [] },
    );
    return supplier;
  });
}

export async function removeSupplier(db: Database, id: string) {
  return db.writeTransaction((tx) => deleteEntity(tx, 'Supplier', id));
}

export async function upsertSuppliedBy(db: Database, input: SuppliedByInput, updatedBy: string): Promise<SuppliedByRow> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [
      { field: 'input.itemId', ids: [input.itemId], kinds: ['Component', 'Material'] },
      { field: 'input.supplierId', ids: [input.supplierId], kinds: ['Supplier'] },
      { field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] },
    ]);
    // Writing to the item first takes its lock, so two analysts adding shares at once cannot both pass the check.
    const [row] = await tx.run<{ others: number }>(
      `MATCH (i:${ENTITY_LABEL} {id: $itemId}) SET i.updatedAt = datetime(), i.updatedBy = $updatedBy
       WITH i OPTIONAL MATCH (i)-[r:SUPPLIED_BY]->(s:Supplier) WHERE s.id <> $supplierId
       RETURN sum(coalesce(r.share, 0.0)) AS others`,
      { itemId: input.itemId, supplierId: input.supplierId, updatedBy },
    );
    const others = row?.others ?? 0;
    const share = input.share ?? null;
    if (share !== null && others + share > 1 + SHARE_TOLERANCE) {
      throw badInput({
        field: 'input.share',
        message: `the shares of ${input.itemId}'s suppliers would add up to ${(others + share).toFixed(3)}, more than 1; its other suppliers hold ${others.toFixed(3)}, so at most ${Math.max(0, 1 - others).toFixed(3)} is left.`,
      });
    }
    const [link] = await tx.run<Omit<SuppliedByRow, 'item' | 'supplier'> & { item: Record<string, unknown>; itemKind: 'Component' | 'Material'; supplier: Record<string, unknown> }>(
      `MATCH (i:${ENTITY_LABEL} {id: $itemId}), (s:Supplier {id: $supplierId})
       MERGE (i)-[r:SUPPLIED_BY]->(s)
       SET r.share = $share, r.year = $year, r.basis = $basis, r.sourceIds = $sourceIds, r.updatedAt = datetime(), r.updatedBy = $updatedBy
       RETURN properties(i) AS item, ${KIND_OF('i')} AS itemKind, properties(s) AS supplier,
              r.share AS share, r.year AS year, r.basis AS basis, r.sourceIds AS sourceIds`,
      { itemId: input.itemId, supplierId: input.supplierId, share, year: input.year ?? null, basis: input.basis ?? null, sourceIds: input.sourceIds ?? [], updatedBy },
    );
    return {
      ...link!,
      item: toEntity({ kind: link!.itemKind, props: link!.item }),
      supplier: toEntity({ kind: 'Supplier', props: link!.supplier }),
      totalShare: Math.round((others + (share ?? 0)) * 1e9) / 1e9,
    };
  });
}

export async function deleteSuppliedBy(db: Database, itemId: string, supplierId: string): Promise<boolean> {
  const [row] = await db.write<{ removed: number }>(
    `OPTIONAL MATCH (:${ENTITY_LABEL} {id: $itemId})-[r:SUPPLIED_BY]->(:Supplier {id: $supplierId})
     DELETE r RETURN count(r) AS removed`,
    { itemId, supplierId },
  );
  return (row?.removed ?? 0) > 0;
}

export async function upsertSubstitutes(db: Database, input: SubstitutesInput, updatedBy: string): Promise<SubstitutesRow> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [
      { field: 'input.substituteId', ids: [input.substituteId], kinds: SUBSTITUTABLE },
      { field: 'input.replacesId', ids: [input.replacesId], kinds: SUBSTITUTABLE },
      { field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] },
    ]);
    const [row] = await tx.run(
      `MATCH (x:${ENTITY_LABEL} {id: $substituteId}), (y:${ENTITY_LABEL} {id: $replacesId})
       MERGE (x)-[r:SUBSTITUTES]->(y)
       SET r.rationale = $rationale, r.sourceIds = $sourceIds, r.updatedAt = datetime(), r.updatedBy = $updatedBy
       RETURN properties(x) AS x, ${KIND_OF('x')} AS xKind, properties(y) AS y, ${KIND_OF('y')} AS yKind,
              r.rationale AS rationale, r.sourceIds AS sourceIds`,
      { substituteId: input.substituteId, replacesId: input.replacesId, rationale: input.rationale ?? null, sourceIds: input.sourceIds ?? [], updatedBy },
    );
    return {
      substitute: toEntity({ kind: row!.xKind, props: row!.x }),
      replaces: toEntity({ kind: row!.yKind, props: row!.y }),
      rationale: row!.rationale,
      sourceIds: row!.sourceIds,
    };
  });
}

export async function deleteSubstitutes(db: Database, substituteId: string, replacesId: string): Promise<boolean> {
  const [row] = await db.write<{ removed: number }>(
    `OPTIONAL MATCH (:${ENTITY_LABEL} {id: $substituteId})-[r:SUBSTITUTES]->(:${ENTITY_LABEL} {id: $replacesId})
     DELETE r RETURN count(r) AS removed`,
    { substituteId, replacesId },
  );
  return (row?.removed ?? 0) > 0;
}

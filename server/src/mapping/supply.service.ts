// Suppliers and the supply links (SUPPLIED_BY, SUBSTITUTES) through their own mutations: the input checked first
// (each problem naming its field), then one write transaction in the repository (references, the shares rule, history).
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { Actor } from '../history/history.model.js';
import {
  deleteSubstitutes,
  deleteSuppliedBy,
  insertSupplier,
  removeSupplier,
  upsertSubstitutes,
  upsertSuppliedBy,
  type SubstitutesRow,
  type SuppliedByRow,
} from './supply.repository.js';
import type { SubstitutesInput, SuppliedByInput, SupplierInput } from './supply.type.js';
import { validateSubstitutes, validateSuppliedBy, validateSupplier } from './supply.validation.js';

export function createSupplier(db: Database, input: SupplierInput, actor: Actor): Promise<EntityRecord> {
  validateSupplier(input);
  return insertSupplier(db, input, actor);
}

export function deleteSupplier(db: Database, id: string, actor: Actor) {
  return removeSupplier(db, id, actor);
}

export function linkSuppliedBy(db: Database, input: SuppliedByInput, actor: Actor): Promise<SuppliedByRow> {
  validateSuppliedBy(input);
  return upsertSuppliedBy(db, input, actor);
}

export async function unlinkSuppliedBy(db: Database, itemId: string, supplierId: string, actor: Actor): Promise<{ removed: boolean }> {
  return { removed: await deleteSuppliedBy(db, itemId, supplierId, actor) };
}

export function linkSubstitutes(db: Database, input: SubstitutesInput, actor: Actor): Promise<SubstitutesRow> {
  validateSubstitutes(input);
  return upsertSubstitutes(db, input, actor);
}

export async function unlinkSubstitutes(db: Database, substituteId: string, replacesId: string, actor: Actor): Promise<{ removed: boolean }> {
  return { removed: await deleteSubstitutes(db, substituteId, replacesId, actor) };
}

// ENABLES and DEPENDS_ON through their own mutations (linkEnables, linkDependsOn): the input checked first (each
// problem naming its field), then one write transaction in the repository (references, the link, its history record).
import type { Database } from '../db/database.js';
import type { Actor } from '../history/history.model.js';
import { deleteDependsOn, deleteEnables, upsertDependsOn, upsertEnables, type DependencyRow, type EnablesRow } from './mapping.repository.js';
import type { DependsOnInput, EnablesInput } from './mapping.type.js';
import { validateDependsOn, validateEnables } from './mapping.validation.js';

export function linkEnables(db: Database, input: EnablesInput, actor: Actor): Promise<EnablesRow> {
  validateEnables(input);
  return upsertEnables(db, input, actor);
}

export async function unlinkEnables(db: Database, technologyId: string, capabilityId: string, actor: Actor): Promise<{ removed: boolean }> {
  return { removed: await deleteEnables(db, technologyId, capabilityId, actor) };
}

export function linkDependsOn(db: Database, input: DependsOnInput, actor: Actor): Promise<DependencyRow> {
  validateDependsOn(input);
  return upsertDependsOn(db, input, actor);
}

export async function unlinkDependsOn(db: Database, dependantId: string, dependencyId: string, actor: Actor): Promise<{ removed: boolean }> {
  return { removed: await deleteDependsOn(db, dependantId, dependencyId, actor) };
}

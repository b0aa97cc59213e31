// Capability writes: the input checked first (each problem naming its field), then one write through the repository.
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { Actor } from '../history/history.model.js';
import { insertCapability, modifyCapability, removeCapability } from './capability.repository.js';
import type { CapabilityInput, CapabilityUpdate } from './capability.type.js';
import { validateCapability } from './capability.validation.js';

export function createCapability(db: Database, input: CapabilityInput, actor: Actor): Promise<EntityRecord> {
  validateCapability(input);
  return insertCapability(db, input, actor);
}

export function updateCapability(db: Database, id: string, input: CapabilityUpdate, actor: Actor): Promise<EntityRecord> {
  validateCapability(input, true);
  return modifyCapability(db, id, input, actor);
}

export function deleteCapability(db: Database, id: string, actor: Actor) {
  return removeCapability(db, id, actor);
}

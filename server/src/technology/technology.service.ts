// Technology writes: the input checked first (each problem naming its field), then one write through the repository.
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { Actor } from '../history/history.model.js';
import { insertTechnology, modifyTechnology, removeTechnology } from './technology.repository.js';
import type { TechnologyInput, TechnologyUpdate } from './technology.type.js';
import { validateTechnology } from './technology.validation.js';

export function createTechnology(db: Database, input: TechnologyInput, actor: Actor): Promise<EntityRecord> {
  validateTechnology(input);
  return insertTechnology(db, input, actor);
}

export function updateTechnology(db: Database, id: string, input: TechnologyUpdate, actor: Actor): Promise<EntityRecord> {
  validateTechnology(input, 'input', true);
  return modifyTechnology(db, id, input, actor);
}

export function deleteTechnology(db: Database, id: string, actor: Actor) {
  return removeTechnology(db, id, actor);
}

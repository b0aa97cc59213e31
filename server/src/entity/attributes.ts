import type { EntityRecord } from './entity.type.js';

// Shown elsewhere in the details panel (or internal), so not repeated as attributes.
const HIDDEN = new Set(['id', 'name', 'description', 'kind', 'sourceIds', '__typename', 'createdAt', 'updatedAt', 'aliases', 'revision', 'createdBy', 'createdByName']);

/** An entity's remaining properties as readable key/value pairs, in a stable order. */
export function attributesOf(entity: EntityRecord): { key: string; value: string }[] {
  return Object.keys(entity)
    .filter((key) => !HIDDEN.has(key) && entity[key] !== null && entity[key] !== undefined)
    .sort()
    .map((key) => {
      const value = entity[key];
      return { key, value: Array.isArray(value) ? value.join(', ') : String(value) };
    });
}

import type { EntityRecord } from './entity.type.js';

// Shown elsewhere in the details panel (or internal), so not repeated as attributes.
const HIDDEN = new Set([
  'id',
  'name',
  'description',
  'kind',
  'sourceIds',
  '__typename',
  'createdAt',
  'updatedAt',
  'aliases',
  'revision',
  'createdBy',
  'createdByName',
]);
// A technology's readiness provenance has fields of its own (Technology.trlSource…), shown with its value.
const PROVENANCE = /^(trl|horizon|euPosition)(Source|Basis|Note)$/;

/** An entity's remaining properties as readable key/value pairs, in a stable order. */
export function attributesOf(entity: EntityRecord): { key: string; value: string }[] {
  return Object.keys(entity)
    .filter((key) => !HIDDEN.has(key) && !PROVENANCE.test(key) && entity[key] !== null && entity[key] !== undefined)
    .sort()
    .map((key) => {
      const value = entity[key];
      return { key, value: Array.isArray(value) ? value.join(', ') : String(value) };
    });
}

/** The node property `aliases` as a list; nodes written before the field existed have none. */
export function aliasesOf(entity: EntityRecord): string[] {
  const value = entity.aliases;
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : [];
}

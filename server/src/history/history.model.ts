// What a change record holds, and the pure helpers that build one. A change names who (user id and name), what kind of
// change, what it concerns (an entity, or a link by type and ends) and the fields before and after.
import { randomUUID } from 'node:crypto';

export const CHANGE_KINDS = ['CREATE', 'UPDATE', 'DELETE', 'LINK', 'UNLINK', 'MERGE', 'RESTORE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Who makes a change: the signed-in user (ids are unique; names are what people read). */
export interface Actor {
  id: string;
  name: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A relationship as stored in a snapshot: enough to re-create it when both ends exist. */
export interface LinkSnapshot {
  type: string;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
}

/** An entity as it was just before it was deleted or merged away: labels, properties, sources and every link. */
export interface EntitySnapshot {
  kind: string;
  properties: Record<string, unknown>;
  sourceIds: string[];
  links: LinkSnapshot[];
}

export interface ChangeInput {
  kind: ChangeKind;
  entityId?: string | null;
  entityKind?: string | null;
  entityName?: string | null;
  linkType?: string | null;
  fromId?: string | null;
  toId?: string | null;
  fields: FieldChange[];
  comment?: string | null;
  /** The entity's revision after the change (entity changes only). */
  revision?: number | null;
  snapshot?: EntitySnapshot | LinkSnapshot | null;
  mergedId?: string | null;
  restoresChangeId?: string | null;
  notRestored?: string[] | null;
}

/** A change as read back. */
export interface ChangeRecord extends Omit<ChangeInput, 'snapshot'> {
  id: string;
  at: string;
  byId: string;
  byName: string;
  snapshot: EntitySnapshot | LinkSnapshot | null;
  restoredBy: string | null;
}

// Properties that describe the bookkeeping, not the fact: never reported as changed fields.
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'createdByName', 'revision', 'id']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ between two property maps (absent and null are the same), in name order. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !BOOKKEEPING.has(k)).sort();
  return keys.filter((k) => !same(before[k], after[k])).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Every field of a new thing, as changes from nothing. */
export function createdFields(after: Record<string, unknown>): FieldChange[] {
  return fieldChanges({}, after);
}

let lastSeq = 0;

/**
 * Orders changes newest first: milliseconds × 1000 plus a counter, so two changes in the same millisecond (or the
 * same transaction) keep the order they were made in.
 */
export function nextSeq(now = Date.now()): number {
  lastSeq = Math.max(now * 1000, lastSeq + 1);
  return lastSeq;
}

export function newChangeId(): string {
  return `chg:${randomUUID()}`;
}

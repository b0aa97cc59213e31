// Pure rules of the mapping screens: which kinds a user may create, which relations a kind may take part in (both
// directions), how a chosen relation becomes a link's ends, what a conflict and a change look like to analysts, and
// how to undo a change. No Svelte, no fetch: unit-tested without a browser.
import { displayValue, type FieldSpec } from '../../lib/forms/field-spec';
import type { EntityKind } from '../../lib/graphql/types';
import type { Role } from '../../lib/graphql/vocabulary';
import type { ChangeEntry, ConflictChange, KindSpec, LinkType, MappingModel } from './mapping.types';

/** The tabs of an entity in the details panel. */
export type Mode = 'details' | 'edit' | 'links' | 'history' | 'merge' | 'delete';

/** The kinds the New… menu offers: none to viewers, the EU's official lists only to admins. */
export function creatableKinds(model: MappingModel, role: Role | null): KindSpec[] {
  if (role !== 'ANALYST' && role !== 'ADMIN') return [];
  return model.kinds.filter((k) => !k.adminOnly || role === 'ADMIN');
}

/** Whether the user may edit entities of this kind at all (viewers never; official lists only admins). */
export function mayEdit(model: MappingModel, kind: EntityKind, role: Role | null): boolean {
  return creatableKinds(model, role).some((k) => k.kind === kind);
}

const COMMON = new Set(['name', 'description', 'aliases']);

/** A kind's own fields, without the ones every kind has (the form shows those itself). */
export function kindFields(spec: KindSpec): FieldSpec[] {
  return spec.fields.filter((f) => !COMMON.has(f.name));
}

/** A relation as offered from one entity: the link type, which end this entity is, and the kinds at the other end. */
export interface Relation {
  /** Unique among the offers: `ENABLES>` (this entity is the start) or `<ENABLES` (this entity is the end). */
  key: string;
  type: LinkType;
  direction: 'out' | 'in';
  /** In analysts' words, read with this entity in its place: "this enables → Capability". */
  label: string;
  otherKinds: EntityKind[];
  properties: FieldSpec[];
}

function kindsLabel(kinds: readonly EntityKind[], model: MappingModel): string {
  return kinds.map((k) => model.kinds.find((s) => s.kind === k)?.label ?? k).join(' / ');
}

/** Every relation the model allows for this kind, outgoing first, then incoming. */
export function relationsFor(model: MappingModel, kind: EntityKind): Relation[] {
  const out: Relation[] = [];
  const incoming: Relation[] = [];
  for (const link of model.linkTypes) {
    if (link.fromKinds.includes(kind)) {
      out.push({
        key: `${link.type}>`,
        type: link.type,
        direction: 'out',
        label: `this ${link.label} → ${kindsLabel(link.toKinds, model)}`,
        otherKinds: link.toKinds,
        properties: link.properties,
      });
    }
    if (link.toKinds.includes(kind)) {
      incoming.push({
        key: `<${link.type}`,
        type: link.type,
        direction: 'in',
        label: `${kindsLabel(link.fromKinds, model)} ${link.label} → this`,
        otherKinds: link.fromKinds,
        properties: link.properties,
      });
    }
  }
  return [...out, ...incoming];
}

/** The link's start and end for a relation chosen from `selfId`. */
export function linkEnds(relation: Pick<Relation, 'direction'>, selfId: string, otherId: string): { fromId: string; toId: string } {
  return relation.direction === 'out' ? { fromId: selfId, toId: otherId } : { fromId: otherId, toId: selfId };
}

/** A conflict's changes as rows to read: field, before, after, by whom, when (newest last, as they happened). */
export function conflictRows(changes: readonly ConflictChange[], labels: Record<string, string> = {}) {
  return changes.map((c) => ({
    field: labels[c.field] ?? c.field,
    before: displayValue(c.before),
    after: displayValue(c.after),
    by: c.by,
    at: formatWhen(c.at),
  }));
}

/** A timestamp as analysts read it: 2026-12-02 03:04 UTC. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const CHANGE_VERBS: Record<ChangeEntry['kind'], string> = {
  CREATE: 'Created',
  UPDATE: 'Edited',
  DELETE: 'Deleted',
  LINK: 'Linked',
  UNLINK: 'Unlinked',
  MERGE: 'Merged',
  RESTORE: 'Restored',
};

/** One line saying what a change did: "Linked: SUPPLIED_BY mat:gallium → sup:x". */
export function changeSummary(change: ChangeEntry): string {
  const verb = CHANGE_VERBS[change.kind];
  if (change.linkType) return `${verb}: ${change.linkType} ${change.fromId ?? '?'} → ${change.toId ?? '?'}`;
  return change.entityName ? `${verb} ${change.entityName}` : verb;
}

/** What "Undo" does after a change made in this session. */
export type UndoAction =
  | { kind: 'delete'; id: string }
  | { kind: 'update'; id: string; revision: number; before: Record<string, unknown> }
  | { kind: 'unlink'; type: LinkType; fromId: string; toId: string }
  | { kind: 'link'; type: LinkType; fromId: string; toId: string; properties: Record<string, unknown>; sourceIds: string[] }
  | { kind: 'restore'; changeId: string };

// What a workbook would change: each row new, changed (fields before and after) or unchanged, and the errors that
// stop it (unknown ends or sources, kinds the model does not allow, shares over 1, duplicates, admin-only kinds).
// Pure: compares parsed rows with the current map as read by map-sheets.repository.ts.
import type { EntityKind } from '../db/labels.js';
import { idFromName } from '../entity/entity-id.js';
import { fieldChanges, type FieldChange } from '../history/history.model.js';
import { checkFields } from './mapping-fields.validation.js';
import { KIND_SPEC, LINK_SPEC, SHARE_TOLERANCE, type LinkType } from './mapping-model.js';
import type { EntityRow, LinkRow, ParsedSheet, SheetError } from './map-sheets.layout.js';

export interface CurrentMap {
  /** id → kind and values in row shape (name, description, aliases, the kind's fields, sources sorted; null: none). */
  entities: Map<string, { kind: EntityKind; values: Record<string, unknown> }>;
  /** `${type}|${from}|${to}` → values in row shape (properties, sources). */
  links: Map<string, Record<string, unknown>>;
}

export type RowStatus = 'NEW' | 'CHANGED' | 'UNCHANGED';

export interface PlannedEntity {
  row: EntityRow;
  id: string;
  status: RowStatus;
  changes: FieldChange[];
}

export interface PlannedLink {
  row: LinkRow;
  status: RowStatus;
  changes: FieldChange[];
}

export interface WorkbookPlan {
  entities: PlannedEntity[];
  links: PlannedLink[];
  errors: SheetError[];
}

export const linkKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

/** Row values as compared: lists sorted (sources) or kept (aliases), empty lists as null. */
function comparable(values: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    let v = values[c] ?? null;
    if (Array.isArray(v)) v = v.length === 0 ? null : c === 'sources' ? [...new Set(v as string[])].sort() : v;
    out[c] = v;
  }
  return out;
}

export function planWorkbook(sheets: readonly ParsedSheet[], current: CurrentMap, isAdmin: boolean): WorkbookPlan {
  const errors: SheetError[] = sheets.flatMap((s) => s.errors);
  const entities: PlannedEntity[] = [];
  const seen = new Map<string, EntityRow>();
  const err = (row: { sheet: string; row: number }, column: string | null, message: string) => errors.push({ sheet: row.sheet, row: row.row, column, message });

  for (const row of sheets.flatMap((s) => s.entities)) {
    const id = row.id ?? idFromName(row.kind, String(row.values.name));
    const earlier = seen.get(id);
    if (earlier) {
      err(row, 'id', `"${id}" is already on ${earlier.sheet} row ${earlier.row}; give each row its own id.`);
      continue;
    }
    seen.set(id, row);
    const existing = current.entities.get(id);
    const columns = Object.keys(row.values).filter((c) => c !== 'id');
    if (existing && existing.kind !== row.kind) {
      err(row, 'id', `"${id}" is a ${existing.kind}, not a ${row.kind}; choose another id.`);
      continue;
    }
    if (!existing) {
      const spec = KIND_SPEC.get(row.kind)!;
      const missing = checkFields('', spec.fields, Object.fromEntries(spec.fields.map((f) => [f.name, row.values[f.name] ?? null])), false, row.kind);
      for (const p of missing) err(row, p.field.replace(/^\./, ''), p.message);
      if (missing.length) continue;
    }
    const changes = existing
      ? fieldChanges(comparable(existing.values, columns), comparable(row.values, columns))
      : fieldChanges({}, comparable(row.values, columns));
    const status: RowStatus = !existing ? 'NEW' : changes.length ? 'CHANGED' : 'UNCHANGED';
    if (status !== 'UNCHANGED' && KIND_SPEC.get(row.kind)!.adminOnly && !isAdmin) {
      err(row, null, `${row.kind} rows are the EU's official list: only an admin may add or change them.`);
      continue;
    }
    entities.push({ row, id, status, changes });
  }

  const kindOf = (id: string): EntityKind | undefined => seen.get(id)?.kind ?? current.entities.get(id)?.kind;
  const checkSources = (row: { sheet: string; row: number }, ids: unknown) => {
    for (const sid of (ids as string[] | null) ?? [])
      if (kindOf(sid) !== 'Source') err(row, 'sources', `"${sid}" is not a source of the map or of the Source sheet; add it there first.`);
  };
  for (const planned of entities) checkSources(planned.row, planned.row.values.sources);

  const links: PlannedLink[] = [];
  const seenLinks = new Map<string, LinkRow>();
  for (const row of sheets.flatMap((s) => s.links)) {
    const spec = LINK_SPEC.get(row.type)!;
    const key = linkKey(row.type, row.from, row.to);
    const earlier = seenLinks.get(key);
    if (earlier) {
      err(row, 'to', `this link is already on row ${earlier.row}; keep one row per link.`);
      continue;
    }
    seenLinks.set(key, row);
    let ok = true;
    for (const [column, id, kinds] of [
      ['from', row.from, spec.fromKinds],
      ['to', row.to, spec.toKinds],
    ] as const) {
      const kind = kindOf(id);
      if (!kind) {
        err(row, column, `no entity has id "${id}", in the map or in the workbook.`);
        ok = false;
      } else if (!kinds.includes(kind)) {
        err(row, column, `"${id}" is a ${kind}; a ${row.type} link goes ${column === 'from' ? 'from' : 'to'} ${kinds.join(' or ')}.`);
        ok = false;
      }
    }
    checkSources(row, row.values.sources);
    if (!ok) continue;
    const columns = Object.keys(row.values).filter((c) => c !== 'from' && c !== 'to');
    const existing = current.links.get(key);
    const changes = existing ? fieldChanges(comparable(existing, columns), comparable(row.values, columns)) : fieldChanges({}, comparable(row.values, columns));
    links.push({ row, status: !existing ? 'NEW' : changes.length ? 'CHANGED' : 'UNCHANGED', changes });
  }
  errors.push(...shareProblems(links, current));
  return { entities, links, errors };
}

/** The shares of one item's suppliers after the import (the map's, replaced by the workbook's rows) may add up to at most 1. */
function shareProblems(links: readonly PlannedLink[], current: CurrentMap): SheetError[] {
  const type: LinkType = 'SUPPLIED_BY';
  const shares = new Map<string, Map<string, number>>();
  for (const [key, values] of current.links) {
    const [t, from, to] = key.split('|');
    if (t !== type) continue;
    if (!shares.has(from!)) shares.set(from!, new Map());
    shares.get(from!)!.set(to!, Number(values.share ?? 0));
  }
  const rows = links.filter((l) => l.row.type === type && 'share' in l.row.values);
  for (const l of rows) {
    if (!shares.has(l.row.from)) shares.set(l.row.from, new Map());
    shares.get(l.row.from)!.set(l.row.to, Number(l.row.values.share ?? 0));
  }
  const errors: SheetError[] = [];
  for (const l of rows) {
    const total = [...shares.get(l.row.from)!.values()].reduce((a, b) => a + b, 0);
    if (total > 1 + SHARE_TOLERANCE) {
      errors.push({
        sheet: l.row.sheet,
        row: l.row.row,
        column: 'share',
        message: `the shares of ${l.row.from}'s suppliers would add up to ${total.toFixed(3)}, more than 1.`,
      });
    }
  }
  return errors;
}

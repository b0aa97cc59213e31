// Spreadsheets in and out: export the map (or a capability's part) in the layout of map-sheets.layout.ts; import a
// workbook as a dry run (the diff and every error) or applied (one write transaction, through the same entity and link
// write paths as the forms, so history records each row; unchanged rows write nothing, so a re-import is a no-op).
import type { Database } from '../db/database.js';
import type { EntityKind } from '../db/labels.js';
import { createEntity, updateEntity } from '../entity/entity.writes.repository.js';
import type { Actor } from '../history/history.model.js';
import { writeLink } from './link.writes.repository.js';
import { normaliseFields } from './mapping-fields.validation.js';
import { COMMON_FIELDS, KIND_SPEC, LINK_SPEC } from './mapping-model.js';
import { planWorkbook, type PlannedEntity, type PlannedLink, type RowStatus } from './map-sheets.diff.js';
import { SHEETS, parseSheet, toCell, type Cell, type SheetError } from './map-sheets.layout.js';
import { readMap } from './map-sheets.repository.js';
import { readWorkbook, writeWorkbook } from './map-sheets.workbook.js';

export async function exportMap(db: Database, capabilityId?: string | null): Promise<Buffer> {
  const map = await readMap(db, capabilityId);
  const rows = new Map<string, Cell[][]>(SHEETS.map((s) => [s.name, []]));
  for (const [id, { kind, values }] of map.entities) {
    const layout = SHEETS.find((s) => s.kind === kind)!;
    rows.get(layout.name)!.push(layout.columns.map((c) => toCell(c === 'id' ? id : values[c])));
  }
  for (const [key, values] of map.links) {
    const [type, from, to] = key.split('|');
    const layout = SHEETS.find((s) => s.linkType === type)!;
    rows.get(layout.name)!.push(layout.columns.map((c) => toCell(c === 'from' ? from : c === 'to' ? to : values[c])));
  }
  return writeWorkbook(SHEETS, rows);
}

export interface ImportRowReport {
  sheet: string;
  row: number;
  key: string;
  status: RowStatus;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  created: number;
  changed: number;
  unchanged: number;
  /** New and changed rows, in workbook order. */
  rows: ImportRowReport[];
  errors: SheetError[];
}

const count = (plans: { status: RowStatus }[], status: RowStatus) => plans.filter((p) => p.status === status).length;

export async function importMap(db: Database, data: Buffer, fileName: string, dryRun: boolean, actor: Actor, isAdmin: boolean): Promise<ImportReport> {
  const raw = await readWorkbook(data, fileName);
  const parsed = raw.map((s) => parseSheet(s.name, s.cells));
  const plan = planWorkbook(parsed, await readMap(db), isAdmin);
  const all: { status: RowStatus }[] = [...plan.entities, ...plan.links];
  const report: ImportReport = {
    dryRun,
    applied: false,
    created: count(all, 'NEW'),
    changed: count(all, 'CHANGED'),
    unchanged: count(all, 'UNCHANGED'),
    rows: [
      ...plan.entities
        .filter((p) => p.status !== 'UNCHANGED')
        .map((p) => ({ sheet: p.row.sheet, row: p.row.row, key: p.id, status: p.status, changes: p.changes })),
      ...plan.links
        .filter((p) => p.status !== 'UNCHANGED')
        .map((p) => ({ sheet: p.row.sheet, row: p.row.row, key: `${p.row.from} → ${p.row.to}`, status: p.status, changes: p.changes })),
    ],
    errors: plan.errors,
  };
  // A malformed workbook writes nothing: the report says where.
  if (dryRun || plan.errors.length || report.rows.length === 0) return report;
  await db.writeTransaction(async (tx) => {
    for (const p of plan.entities) await applyEntity(tx, p, actor);
    for (const p of plan.links) await applyLink(tx, p, actor);
  });
  return { ...report, applied: true };
}

type Tx = Parameters<Parameters<Database['writeTransaction']>[0]>[0];

function entityProps(kind: EntityKind, values: Record<string, unknown>, partial: boolean): Record<string, unknown> {
  const common = normaliseFields(COMMON_FIELDS, values, partial);
  if ('aliases' in common && Array.isArray(common.aliases) && common.aliases.length === 0) common.aliases = null;
  return { ...common, ...normaliseFields(KIND_SPEC.get(kind)!.fields, values, partial) };
}

async function applyEntity(tx: Tx, p: PlannedEntity, actor: Actor): Promise<void> {
  if (p.status === 'UNCHANGED') return;
  const sources = (p.row.values.sources as string[] | null | undefined) ?? [];
  const comment = `spreadsheet import, ${p.row.sheet} row ${p.row.row}`;
  if (p.status === 'NEW') {
    await createEntity(tx, p.row.kind, p.id, entityProps(p.row.kind, p.row.values, false), sources, actor, {
      comment,
      idField: `${p.row.sheet}!${p.row.row}.id`,
    });
    return;
  }
  const props = entityProps(p.row.kind, p.row.values, true);
  await updateEntity(tx, p.row.kind, p.id, props, 'sources' in p.row.values ? sources : undefined, actor, { comment });
}

async function applyLink(tx: Tx, p: PlannedLink, actor: Actor): Promise<void> {
  if (p.status === 'UNCHANGED') return;
  const spec = LINK_SPEC.get(p.row.type)!;
  const current = (p.row.values.sources as string[] | null | undefined) ?? [];
  await writeLink(
    tx,
    { type: p.row.type, fromId: p.row.from, toId: p.row.to, properties: normaliseFields(spec.properties, p.row.values, false), sourceIds: current },
    actor,
    {
      from: `${p.row.sheet}!${p.row.row}.from`,
      to: `${p.row.sheet}!${p.row.row}.to`,
      sourceIds: `${p.row.sheet}!${p.row.row}.sources`,
      properties: `${p.row.sheet}!${p.row.row}`,
      singleEnds: true,
    },
    { comment: `spreadsheet import, ${p.row.sheet} row ${p.row.row}` },
  );
}

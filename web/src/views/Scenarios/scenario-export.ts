// Comparing up to six saved scenarios (which ones, kept in the link as ?focus=scn:a&select=scn:b,scn:c) and exporting
// a run or a comparison as CSV from the data the view already holds. Pure, unit-tested (tests/scenario-export.test.ts).
import { toCsv } from '../../lib/csv';
import type { Comparison, ScenarioRun } from './scenarios.types';

/** The API compares at most six scenarios: the open one and five others. */
export const MAX_COMPARED = 6;
/** Exports larger than this are refused with a message, rather than building a file no spreadsheet opens comfortably. */
export const CSV_ROW_LIMIT = 50_000;

/** The scenarios compared with the open one, from ?select= (ids, comma-separated): scenario ids only, once each, not the open one, at most five. */
export function comparedIds(select: string | null | undefined, openId: string | null): string[] {
  if (!select) return [];
  const ids = select
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('scn:') && s !== openId);
  return [...new Set(ids)].slice(0, MAX_COMPARED - 1);
}

/** Adds or removes one scenario; adding past the limit changes nothing. Returns the new ?select= value (null when none). */
export function toggleCompared(current: readonly string[], id: string): string | null {
  const next = current.includes(id) ? current.filter((x) => x !== id) : current.length < MAX_COMPARED - 1 ? [...current, id] : [...current];
  return next.length ? next.join(',') : null;
}

export class ExportTooLarge extends Error {
  constructor(rows: number) {
    super(
      `This export would have ${rows.toLocaleString('en')} rows, more than the limit of ${CSV_ROW_LIMIT.toLocaleString('en')}. Narrow it down (fewer events or scenarios) and export again.`,
    );
  }
}

function limited<T>(rows: readonly T[]): readonly T[] {
  if (rows.length > CSV_ROW_LIMIT) throw new ExportTooLarge(rows.length);
  return rows;
}

/** A run's result: one row per capability that changed, then one per other node whose availability changed. */
export function runCsv(run: ScenarioRun, scenarioName: string): string {
  const rows = limited([
    ...run.impacts.map(
      (i) => ['capability', i.capabilityId, i.name, i.before, i.after, i.delta, i.readinessBefore, i.readinessAfter, i.needBefore, i.needAfter] as const,
    ),
    ...run.nodes.map((n) => [n.kind.toLowerCase(), n.id, n.name, n.before, n.after, n.delta, null, null, null, null] as const),
  ]);
  return toCsv(
    ['scenario', 'horizon', 'row', 'id', 'name', 'before', 'after', 'delta', 'readiness_before', 'readiness_after', 'need_before', 'need_after'],
    rows.map((r) => [scenarioName, run.horizon, ...r]),
  );
}

/** A comparison: one row per capability whose change differs, with each scenario's baseline (of its horizon), score and change. */
export function comparisonCsv(comparison: Comparison): string {
  const runs = comparison.runs;
  const header = [
    'capability_id',
    'capability',
    ...runs.flatMap((r) => {
      // A compared run always names its saved scenario; the type allows a draft run's null.
      const name = r.scenario?.name ?? 'scenario';
      return [`${name} ${r.horizon} baseline`, `${name} ${r.horizon} score`, `${name} change`];
    }),
    'spread',
  ];
  const rows = limited(comparison.rows).map((row) => [
    row.capabilityId,
    row.name,
    ...runs.flatMap((r) => {
      const cell = row.cells.find((c) => c.scenarioId === r.scenario?.id);
      return [cell?.before ?? null, cell?.after ?? null, cell?.delta ?? null];
    }),
    row.spread,
  ]);
  return toCsv(header, rows);
}

/** e.g. "scenario-china-cut-off-2035.csv", "scenario-comparison-china-cut-off-drones-mature-early.csv" */
export function csvName(ids: readonly string[], horizon?: number): string {
  const slug = ids.map((id) => id.replace(/^scn:/, '').replace(/[^a-z0-9-]+/gi, '-')).join('-');
  return ids.length > 1 ? `scenario-comparison-${slug}.csv` : `scenario-${slug}${horizon ? `-${horizon}` : ''}.csv`;
}

// A technology's TRL, horizon and EU position as a briefing prints them, with their provenance (issue 19): a value a
// curator estimated from a source is marked "≈ … (estimate: <basis>)" and cites that source, so that a reader of the
// HTML or the PDF never takes a judgement for a published figure. The Explorer marks estimates the same way.
import type { EntityRecord } from '../entity/entity.type.js';
import type { Block, Cell } from './briefing.model.js';

export type ReadinessValue = 'trl' | 'horizon' | 'euPosition';

export const READINESS_LABELS: Record<ReadinessValue, string> = { trl: 'Technology readiness level (TRL)', horizon: 'Horizon', euPosition: 'EU position' };

/** Put before an estimated value; explained by ESTIMATE_LEGEND wherever one is shown. */
export const ESTIMATE_MARK = '≈';
export const ESTIMATE_LEGEND =
  '≈ marks an estimate: a curator’s judgement from the cited source, not a figure the source states. Its basis follows it in brackets.';

const present = (v: unknown) => v !== null && v !== undefined && v !== '';

/** True when the entity's value is given and marked as a curator's estimate. */
export function isEstimate(entity: EntityRecord | undefined, value: ReadinessValue): boolean {
  return !!entity && present(entity[value]) && entity[`${value}Basis`] === 'estimate';
}

/** The source a readiness value names (`trlSource`…), as a citation; empty when it names none. */
function citedSource(entity: EntityRecord, value: ReadinessValue): string[] {
  const source = entity[`${value}Source`];
  return typeof source === 'string' && source ? [source] : [];
}

function plain(entity: EntityRecord, value: ReadinessValue): string {
  const v = entity[value];
  if (value === 'trl') return `TRL ${String(v)}${present(entity.trlYear) ? ` (as of ${String(entity.trlYear)})` : ''}`;
  return String(v);
}

/**
 * One readiness value for a facts list: "unknown", the value as stated, or "≈ value (estimate: basis)". It cites the
 * source the value names, falling back to the entity's own sources for values written before provenance existed.
 */
export function readinessFact(entity: EntityRecord, value: ReadinessValue, fallbackSources: readonly string[]): { value: string; sources: string[] } {
  if (!present(entity[value])) return { value: 'unknown', sources: [] };
  const named = citedSource(entity, value);
  const sources = named.length ? named : [...fallbackSources];
  if (!isEstimate(entity, value)) return { value: `${plain(entity, value)}${entity[`${value}Basis`] === 'stated' ? ' (stated in the source)' : ''}`, sources };
  const note = entity[`${value}Note`];
  return { value: `${ESTIMATE_MARK} ${plain(entity, value)} (estimate${present(note) ? `: ${String(note)}` : ''})`, sources };
}

/** A TRL as a table cell: the number, "≈ n" for an estimate (muted), or "unknown". */
export function trlCell(entity: EntityRecord | undefined, trl: number | null | undefined, fallbackSources: readonly string[]): Cell {
  if (trl === null || trl === undefined) return { text: 'unknown', tone: 'muted' };
  if (!entity || !isEstimate(entity, 'trl'))
    return { text: String(trl), sources: entity ? readinessFact(entity, 'trl', fallbackSources).sources : [...fallbackSources] };
  return { text: `${ESTIMATE_MARK} ${trl}`, sources: readinessFact(entity, 'trl', fallbackSources).sources, tone: 'muted' };
}

/** The legend paragraph, only when something shown is an estimate. */
export function estimateLegend(shown: boolean): Block[] {
  return shown ? [{ type: 'paragraph', text: ESTIMATE_LEGEND }] : [];
}

// What capability and technology briefings share: the sources of the entities and links shown, the signals and the
// analysts' notes on them, and a few formats. Reads go through the owning domains' repositories.
import { admiraltyCode } from '../annotation/annotation.model.js';
import { findAnnotationsOfTargets } from '../annotation/annotation.repository.js';
import type { Database } from '../db/database.js';
import { findEntitiesByIds, findSourcesOfEntities } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { findSignalsOfTargets } from '../signal/signal.repository.js';
import type { AnalystNote, Block, Cell, SourceInfo } from './briefing.model.js';
import { dateOf, pct } from './format.js';

export function toSourceInfo(source: EntityRecord): SourceInfo {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    id: source.id,
    title: source.name,
    publisher: str(source.publisher),
    year: typeof source.year === 'number' ? source.year : null,
    url: str(source.url),
  };
}

export interface GatheredSources {
  sources: Map<string, SourceInfo>;
  /** The SOURCED_FROM sources of an entity shown (empty when none or not asked for). */
  of(ownerId: string): string[];
}

/** The sources of the entities shown (SOURCED_FROM) and those named by the links shown (`sourceIds`), in two reads. */
export async function gatherSources(db: Database, ownerIds: readonly string[], linkSourceIds: readonly string[]): Promise<GatheredSources> {
  const owned = await findSourcesOfEntities(db, [...new Set(ownerIds)]);
  const sources = new Map<string, SourceInfo>();
  const byOwner = new Map<string, string[]>();
  for (const row of owned) {
    sources.set(row.source.id, toSourceInfo(row.source));
    byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row.source.id]);
  }
  const missing = [...new Set(linkSourceIds)].filter((id) => !sources.has(id));
  if (missing.length) {
    for (const found of await findEntitiesByIds(db, missing)) if (found?.kind === 'Source') sources.set(found.id, toSourceInfo(found));
  }
  return { sources, of: (id) => byOwner.get(id) ?? [] };
}

export interface SignalsAndNotes {
  signals: { signal: EntityRecord; target: EntityRecord; relevance: number | null }[];
  notes: { annotation: EntityRecord; about: string }[];
}

/** Signals indicating the entities and the live annotations on them (deleted ones are left out), newest first. */
export async function signalsAndNotes(db: Database, names: ReadonlyMap<string, string>): Promise<SignalsAndNotes> {
  const ids = [...names.keys()];
  const [signals, annotations] = await Promise.all([findSignalsOfTargets(db, ids), findAnnotationsOfTargets(db, ids)]);
  return {
    signals: signals.map(({ signal, target, relevance }) => ({ signal, target, relevance })),
    notes: annotations.filter((a) => a.annotation.deleted !== true).map((a) => ({ annotation: a.annotation, about: names.get(a.key) ?? a.key })),
  };
}

const SIGNALS_SHOWN = 15;

export function signalsBlock(found: SignalsAndNotes, sources: GatheredSources): Block {
  // One row per signal: a signal indicating several of the entities lists them together.
  const bySignal = new Map<string, { signal: EntityRecord; targets: string[]; relevance: number | null }>();
  for (const s of found.signals) {
    const row = bySignal.get(s.signal.id) ?? { signal: s.signal, targets: [], relevance: s.relevance };
    row.targets.push(s.target.name);
    if (s.relevance !== null) row.relevance = Math.max(row.relevance ?? 0, s.relevance);
    bySignal.set(s.signal.id, row);
  }
  const all = [...bySignal.values()];
  const rows: Cell[][] = all
    .slice(0, SIGNALS_SHOWN)
    .map(({ signal, targets, relevance }) => [
      { text: dateOf(signal.publishedAt) || 'undated' },
      { text: signal.name, sources: sources.of(signal.id) },
      { text: typeof signal.publisher === 'string' ? signal.publisher : '' },
      { text: targets.join(', ') },
      relevance === null ? { text: 'unknown', tone: 'muted' } : { text: pct(relevance) },
    ]);
  return {
    type: 'table',
    caption: 'Horizon-scanning signals, newest first',
    columns: ['Published', 'Signal', 'Publisher', 'Indicates', 'Relevance'],
    numeric: [4],
    rows,
    empty: 'No signal is linked to these entities yet (link signals in the Signals view).',
    omitted: Math.max(0, all.length - SIGNALS_SHOWN),
  };
}

export function notesBlock(found: SignalsAndNotes): Block {
  const notes: AnalystNote[] = found.notes.map(({ annotation: a, about }) => {
    const rating = [
      typeof a.impact === 'number' ? `impact ${a.impact}/5` : null,
      typeof a.likelihood === 'number' ? `likelihood ${a.likelihood}/5` : null,
      typeof a.horizonYear === 'number' ? `by ${a.horizonYear}` : null,
      admiraltyCode(a.reliability as string | null, a.credibility as number | null),
    ].filter(Boolean);
    return {
      text: String(a.text ?? ''),
      author: String(a.author ?? 'unknown author'),
      date: dateOf(a.createdAt),
      about,
      rating: rating.length ? rating.join(', ') : null,
      tags: (a.tags as string[]) ?? [],
      references: (a.references as string[]) ?? [],
    };
  });
  return { type: 'notes', notes, empty: 'No analyst has annotated these entities yet.' };
}

/** The signals' own ids: their sources are gathered with the entities'. */
export const signalIds = (found: SignalsAndNotes): string[] => [...new Set(found.signals.map((s) => s.signal.id))];

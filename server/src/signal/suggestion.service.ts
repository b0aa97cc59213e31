// Signal clustering and suggested links: validation first, then one memoised corpus per data version (every signal's
// vectors and clusters, every technology prepared for matching), from which the inbox's groups and each signal's
// suggestions are read without another query. Rejections go through the repository in one transaction.
import type { Database } from '../db/database.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { assertValid } from '../graphql/errors.js';
import { idFormat, problems } from '../graphql/validation.js';
import type { Actor } from '../history/history.model.js';
import { clusterSignals, CLUSTERING, type Clustering } from './clustering.js';
import { listSignalIds } from './signal.repository.js';
import type { SignalFilter } from './signal.type.js';
import { validateFilter } from './signal.validation.js';
import { prepareTechnologies, suggestLinks, type PreparedTechnology, type SuggestionReasonKind } from './suggestions.js';
import { findClusteringCorpus, findTechnologyTexts, rejectSuggestedLink, type CorpusSignal } from './suggestion.repository.js';

/** The newest signals clustered: the similarity matrix is n² (2,000 signals: 32 MB; see docs/clustering.md for timings). */
export const MAX_CLUSTERED_SIGNALS = 2000;

export const MEMO_KEYS = { corpus: 'signal-clustering:corpus' } as const;

interface Corpus {
  clustering: Clustering;
  signals: Map<string, CorpusSignal>;
  technologies: PreparedTechnology[];
  technologyById: Map<string, EntityRecord>;
}

function corpusOf(db: Database): Promise<Corpus> {
  // Pinned and warm like the supply graph: a whole-corpus result, rebuilt in the background after a write so that the
  // inbox and the signal page do not wait for it.
  return db.memo(
    MEMO_KEYS.corpus,
    async () => {
      const [signals, technologies] = await Promise.all([findClusteringCorpus(db, MAX_CLUSTERED_SIGNALS), findTechnologyTexts(db)]);
      const clustering = clusterSignals(signals.map(({ signal }) => ({ id: signal.id, title: signal.name, summary: signal.description ?? null })));
      return {
        clustering,
        signals: new Map(signals.map((s) => [s.signal.id, s])),
        technologies: prepareTechnologies(
          technologies.map((t) => ({ id: t.id, name: t.name, aliases: (t.aliases as string[] | undefined) ?? [], description: t.description ?? null })),
          clustering.idf,
          clustering.documentCount,
        ),
        technologyById: new Map(technologies.map((t) => [t.id, t])),
      };
    },
    { pinned: true, warm: true },
  );
}

function hasConditions(filter: SignalFilter): boolean {
  return Object.values(filter).some((v) => v !== null && v !== undefined && v !== '');
}

/** The inbox by cluster: every cluster with its matching signals (clusters none of whose signals match are left out). */
export async function signalClusters(db: Database, filter: SignalFilter | null) {
  const f = validateFilter(filter);
  const [corpus, matching] = await Promise.all([corpusOf(db), hasConditions(f) ? listSignalIds(db, f).then((ids) => new Set(ids)) : null]);
  const keep = (id: string) => !matching || matching.has(id);
  const signalsOf = (ids: readonly string[]) => ids.filter(keep).map((id) => corpus.signals.get(id)!.signal);
  const clusters = corpus.clustering.clusters
    .map((c) => ({ id: c.id, terms: c.terms, label: c.terms.join(' · '), size: c.signalIds.length, cohesion: c.cohesion, signals: signalsOf(c.signalIds) }))
    .filter((c) => c.signals.length > 0);
  return {
    clusters,
    unclustered: signalsOf(corpus.clustering.unclustered),
    threshold: CLUSTERING.threshold,
    clusteredCount: corpus.clustering.documentCount,
    method: `TF-IDF cosine over title and summary, average-linkage clustering stopped at a mean similarity of ${CLUSTERING.threshold}; the newest ${MAX_CLUSTERED_SIGNALS} signals at most.`,
  };
}

export interface LinkSuggestionAnswer {
  technology: EntityRecord;
  score: number;
  explanation: string;
  reasons: { kind: SuggestionReasonKind; text: string; terms: string[]; signals: EntityRecord[] }[];
}

/** Technologies to link a signal to, with why; none for a signal outside the clustered corpus. */
export async function suggestedLinks(db: Database, signalId: string): Promise<LinkSuggestionAnswer[]> {
  const corpus = await corpusOf(db);
  const entry = corpus.signals.get(signalId);
  if (!entry) return [];
  const clusterId = corpus.clustering.clusterOf.get(signalId);
  const cluster = corpus.clustering.clusters.find((c) => c.id === clusterId);
  const similar = (cluster?.signalIds ?? []).filter((id) => id !== signalId).map((id) => ({ id, technologyIds: corpus.signals.get(id)!.technologyIds }));
  const suggestions = suggestLinks({
    signal: { id: signalId, title: entry.signal.name, summary: entry.signal.description ?? null },
    vector: corpus.clustering.vectors.get(signalId)!,
    linkedIds: new Set(entry.linkedIds),
    rejectedIds: new Set(entry.rejectedIds),
    similar,
    technologies: corpus.technologies,
  });
  return suggestions.map((s) => ({
    technology: corpus.technologyById.get(s.technologyId)!,
    score: s.score,
    explanation: s.reasons.map((r) => r.text).join(' '),
    reasons: s.reasons.map((r) => ({ kind: r.kind, text: r.text, terms: r.terms, signals: r.signalIds.map((id) => corpus.signals.get(id)!.signal) })),
  }));
}

/** Remembers that the technology is not to be suggested for the signal again. */
export async function rejectSuggestion(db: Database, signalId: string, technologyId: string, actor: Actor) {
  assertValid(problems(idFormat('signalId', signalId, 'sig'), idFormat('technologyId', technologyId, 'tech')));
  const { by, at } = await rejectSuggestedLink(db, signalId, technologyId, actor);
  return { signalId, technologyId, by, at };
}

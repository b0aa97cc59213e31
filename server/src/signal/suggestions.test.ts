import { describe, expect, it } from 'vitest';
import { SIGNAL_TOPICS } from '../../../tests/fixtures/signal-topics.js';
import { clusterSignals } from './clustering.js';
import { prepareTechnologies, suggestLinks, type TechnologyText } from './suggestions.js';

const TECHNOLOGIES: TechnologyText[] = [
  {
    id: 'tech:synthetic-opioids',
    name: 'New synthetic opioids (nitazenes, fentanyl analogues)',
    aliases: ['nitazenes', 'fentanyl analogues'],
    description: 'Highly potent synthetic opioids made from precursor chemicals.',
  },
  {
    id: 'tech:counter-drone',
    name: 'Integrated counter-drone systems',
    aliases: ['C-UAS', 'counter-UAS'],
    description: 'Detection, tracking and interception of unauthorised drones near airports, prisons and critical sites.',
  },
  {
    id: 'tech:pqc',
    name: 'Post-quantum cryptography',
    aliases: ['PQC', 'quantum-safe cryptography'],
    description: 'Public-key algorithms that resist quantum computers.',
  },
  { id: 'tech:xray-cargo', name: 'X-ray and CT cargo and container scanning', aliases: ['cargo scanning'], description: null },
  {
    id: 'tech:muon',
    name: 'Muon tomography',
    aliases: ['muography'],
    description: 'Imaging of dense cargo in containers and trucks with cosmic-ray muons, where X-ray scanners cannot see through.',
  },
  { id: 'tech:ml', name: 'Machine learning', aliases: ['ML'], description: 'Statistical learning methods.' },
];

const clustering = clusterSignals(SIGNAL_TOPICS.map(({ id, title, summary }) => ({ id, title, summary })));
const prepared = prepareTechnologies(TECHNOLOGIES, clustering.idf, clustering.documentCount);
/** The fixture's analysts linked each container signal but the second to the cargo scanning technology. */
const LINKED: Record<string, string[]> = Object.fromEntries(
  SIGNAL_TOPICS.filter((s) => s.topic === 'containers' && s.id !== 'sig:t-container-2').map((s) => [s.id, ['tech:xray-cargo']]),
);

function suggestionsFor(id: string, rejected: string[] = []) {
  const signal = SIGNAL_TOPICS.find((s) => s.id === id)!;
  const cluster = clustering.clusters.find((c) => c.signalIds.includes(id));
  return suggestLinks({
    signal,
    vector: clustering.vectors.get(id)!,
    linkedIds: new Set(LINKED[id] ?? []),
    rejectedIds: new Set(rejected),
    similar: (cluster?.signalIds ?? []).filter((x) => x !== id).map((x) => ({ id: x, technologyIds: LINKED[x] ?? [] })),
    technologies: prepared,
  });
}

describe('suggestLinks on the hand-labelled fixture', () => {
  it('finds the name written in the signal, quoting the signal’s words', () => {
    // "…found nitazene synthetic opioids…": the name without its parenthesis, "New synthetic opioids", has the stems
    // synthet + opioid once "new" (a stop word) is dropped; the summary has them in a row.
    const [first] = suggestionsFor('sig:t-opioid-1');
    expect(first?.technologyId).toBe('tech:synthetic-opioids');
    expect(first?.reasons[0]).toMatchObject({ kind: 'NAME_OR_ALIAS', terms: ['synthetic opioids'] });
    expect(first?.reasons[0]?.text).toBe('The signal mentions “synthetic opioids”, its name “New synthetic opioids”.');
  });

  it('finds an alias (nitazenes) when the name is absent', () => {
    const [found] = suggestLinks({
      signal: { id: 'sig:x', title: 'Nitazenes found in heroin samples', summary: null },
      vector: new Map(),
      linkedIds: new Set(),
      rejectedIds: new Set(),
      similar: [],
      technologies: prepared,
    });
    expect(found?.technologyId).toBe('tech:synthetic-opioids');
    expect(found?.reasons[0]?.text).toBe('The signal mentions “nitazenes”, its alias.');
  });

  it('finds the name as a phrase of stems ("post-quantum cryptography" in the title)', () => {
    const found = suggestionsFor('sig:t-pqc-1').find((s) => s.technologyId === 'tech:pqc');
    expect(found?.reasons.map((r) => r.kind)).toContain('NAME_OR_ALIAS');
  });

  it('gives the evidence path: the similar signals that indicate the technology', () => {
    // The container cluster holds all six container signals; the five others each indicate tech:xray-cargo,
    // so "5 of the 5 similar signals indicate it" and the score gets 0.4 × 5/5.
    const found = suggestionsFor('sig:t-container-2').find((s) => s.technologyId === 'tech:xray-cargo');
    const reason = found?.reasons.find((r) => r.kind === 'SIMILAR_SIGNALS');
    expect(reason?.text).toBe('5 of the 5 similar signals indicate it.');
    expect(reason?.signalIds).toHaveLength(5);
    expect(reason?.signalIds).not.toContain('sig:t-container-2');
  });

  it('explains shared terms (muon scanners and dense cargo)', () => {
    const found = suggestionsFor('sig:t-container-6').find((s) => s.technologyId === 'tech:muon');
    expect(found?.reasons[0]?.kind).toBe('NAME_OR_ALIAS');
    const shared = found?.reasons.find((r) => r.kind === 'SHARED_TERMS');
    expect(shared?.terms).toEqual(expect.arrayContaining(['dense', 'cargo']));
  });

  it('never suggests what is linked or was rejected', () => {
    expect(suggestionsFor('sig:t-container-1').map((s) => s.technologyId)).not.toContain('tech:xray-cargo');
    expect(suggestionsFor('sig:t-opioid-1', ['tech:synthetic-opioids']).map((s) => s.technologyId)).not.toContain('tech:synthetic-opioids');
  });

  it('matches a short upper-case alias only as written (ML-KEM names no machine learning)', () => {
    // "ML-KEM and ML-DSA": the tokens are "ML-KEM" and "ML-DSA", not "ML"; "ML" lower-cased is no phrase at all.
    expect(suggestionsFor('sig:t-pqc-1').map((s) => s.technologyId)).not.toContain('tech:ml');
    const pqc = suggestLinks({
      signal: { id: 'sig:x', title: 'Banks plan their PQC migration', summary: null },
      vector: new Map(),
      linkedIds: new Set(),
      rejectedIds: new Set(),
      similar: [],
      technologies: prepared,
    });
    expect(pqc[0]).toMatchObject({ technologyId: 'tech:pqc', score: 0.6 });
    expect(pqc[0]?.reasons[0]?.text).toBe('The signal mentions “PQC”, its alias.');
  });
});

// Synthetic seed graphs with the real model's shape, deterministic from a seed, for the benchmarks (bench/run.ts) and
// the CLI that prints, writes or loads one (bench/generate.ts).
//
// The graph is made in memory as SeedData (graph-seed/seed-data.ts) and loaded only through writeSeed, so the loader's
// validation and its UNWIND/MERGE batches are what the load figures measure.
//
// Shape per technology (T): ~0.25 capabilities, 0.6 components, 0.15 materials, 0.5 suppliers, 0.3 signals, … —
// about 3.1·T entities; ~4 links per entity plus one SOURCED_FROM per entity ≈ 5 relationships per node.
// Technologies sit in four layers (application → system → enabling → base) and components in three tiers; DEPENDS_ON
// points to lower layers/tiers, with a few back-links that close cycles. Targets are drawn with a skew (a few hub components and materials are used by
// many), suppliers' shares of one item add up to at most 1, and a few SUBSTITUTES links exist.
import type { SeedData, SeedRecord } from '../graph-seed/seed-data.js';
import type { EntityKind, RelationshipType } from '../server/src/db/labels.js';
import { CapabilityDomain, EuPosition, Horizon, SCAN_ROLES, SignalStatus, Steep, storedValues, SupplyBasis } from '../server/src/vocabulary/vocabularies.js';

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same graph on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  technologies: number;
  seed: number;
}

export interface GeneratedGraph {
  data: SeedData;
  /** Entities and links per kind/type, and SOURCED_FROM relationships the loader will create. */
  counts: { nodes: number; links: number; sourcedFrom: number; byKind: Record<string, number>; byType: Record<string, number> };
  /** Ids handy for the benchmarks: capabilities, technologies, and the layer of each technology. */
  ids: { capabilities: string[]; technologies: string[]; components: string[]; materials: string[]; suppliers: string[]; countries: string[] };
}

/** Entities per technology: total ≈ NODES_PER_TECHNOLOGY × technologies (+ the fixed KET/critical areas and countries). */
export const NODES_PER_TECHNOLOGY = 3.12;

/** How many technologies give about `nodes` entities. */
export function technologiesForNodes(nodes: number): number {
  return Math.max(20, Math.round((nodes - 62) / NODES_PER_TECHNOLOGY));
}

// The stored words of the vocabularies, in their declared order (the generator draws by index, so the order is part of
// what a seed produces).
const DOMAINS = storedValues(CapabilityDomain);
const HORIZONS = storedValues(Horizon);
const POSITIONS = storedValues(EuPosition);
const STEEP = storedValues(Steep);
const STATUS = storedValues(SignalStatus);
const BASIS = storedValues(SupplyBasis);
const ROLES = SCAN_ROLES;
const WORDS = [
  'quantum',
  'photonic',
  'neural',
  'edge',
  'secure',
  'autonomous',
  'biometric',
  'spectral',
  'distributed',
  'adaptive',
  'cognitive',
  'resilient',
  'sensor',
  'lidar',
  'radar',
  'cryptographic',
  'forensic',
  'acoustic',
  'thermal',
  'synthetic',
];
const NOUNS = [
  'analytics',
  'imaging',
  'fusion',
  'networks',
  'platforms',
  'detection',
  'identification',
  'tracking',
  'modelling',
  'processing',
  'storage',
  'control',
  'navigation',
  'communications',
  'screening',
];

const pad = (n: number, width = 6) => String(n).padStart(width, '0');

export function generate(options: GenerateOptions): GeneratedGraph {
  const T = Math.max(20, Math.floor(options.technologies));
  const rnd = prng(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <X>(list: readonly X[]): X => list[Math.floor(rnd() * list.length)]!;
  /** Skewed index 0..n-1: low indices (hubs) are drawn far more often than high ones. */
  const skewed = (n: number, power = 2.2) => Math.min(n - 1, Math.floor(n * Math.pow(rnd(), power)));
  // Domains (sub-industries of ~300 technologies each, with their components, materials and suppliers): most links
  // stay inside the source's domain, the rest go to global hubs anywhere. Without this, a capability's dependency
  // closure would grow in proportion to the whole graph, which real supply chains do not do.
  const D = Math.max(1, Math.round(T / 300));
  const LOCAL = 0.85;
  /** An index in [start, end): in the same domain (relative position `pos` 0..1) with probability LOCAL, skewed. */
  const within = (start: number, end: number, pos: number, power = 2.2) => {
    const len = end - start;
    if (D === 1 || rnd() >= LOCAL) return start + Math.min(len - 1, Math.floor(len * Math.pow(rnd(), power)));
    const d = Math.min(D - 1, Math.floor(pos * D));
    const a = start + Math.floor((len * d) / D);
    const b = start + Math.floor((len * (d + 1)) / D);
    return Math.min(end - 1, a + Math.min(b - a - 1, Math.floor((b - a) * Math.pow(rnd(), power))));
  };
  const frac = (lo = 0.05, hi = 1) => Math.round((lo + rnd() * (hi - lo)) * 100) / 100;
  /** Poisson-ish small count with the given mean (at least `min`). */
  const count = (mean: number, min = 0) => {
    let k = 0;
    const l = Math.exp(-mean);
    let p = rnd();
    while (p > l) {
      k++;
      p *= rnd();
    }
    return Math.max(min, k);
  };
  const name = (kind: string, i: number) => `${kind} ${pick(WORDS)} ${pick(NOUNS)} ${i}`;

  const nodes = new Map<EntityKind, SeedRecord[]>();
  const links = new Map<RelationshipType, SeedRecord[]>();
  const linkKeys = new Map<RelationshipType, Set<string>>();
  const addNode = (kind: EntityKind, record: SeedRecord) => {
    let list = nodes.get(kind);
    if (!list) nodes.set(kind, (list = []));
    list.push(record);
  };
  const sourceCount = Math.max(20, Math.round(T / 10));
  const sourceIds = Array.from({ length: sourceCount }, (_, i) => `src:s${pad(i)}`);
  const sources = () => (rnd() < 0.15 ? [pick(sourceIds), pick(sourceIds)].filter((s, i, a) => a.indexOf(s) === i) : [pick(sourceIds)]);
  /** Adds a link unless it would duplicate one of the same type or point to its own start. */
  const link = (type: RelationshipType, from: string, to: string, props: SeedRecord = {}): boolean => {
    if (from === to) return false;
    let keys = linkKeys.get(type);
    if (!keys) linkKeys.set(type, (keys = new Set()));
    const key = `${from}>${to}`;
    if (keys.has(key)) return false;
    keys.add(key);
    let list = links.get(type);
    if (!list) links.set(type, (list = []));
    list.push({ from, to, ...props, sources: sources() });
    return true;
  };

  // ---- entities ----------------------------------------------------------------------------------------------
  sourceIds.forEach((id, i) =>
    addNode('Source', { id, title: `Synthetic source ${i}`, publisher: `Publisher ${i % 17}`, year: 2000 + (i % 25), url: `https://example.org/sources/${i}` }),
  );
  const kets = Array.from({ length: 12 }, (_, i) => `ket:k${pad(i, 2)}`);
  kets.forEach((id, i) =>
    addNode('KetArea', {
      id,
      name: `KET area ${i}`,
      description: `Key enabling technology area ${i}.`,
      framework: i < 6 ? 'KET-2009' : 'KET-2018',
      sources: sources(),
    }),
  );
  const ctas = Array.from({ length: 10 }, (_, i) => `cta:a${pad(i, 2)}`);
  ctas.forEach((id, i) => addNode('CriticalTechnologyArea', { id, name: `Critical technology area ${i}`, sources: sources() }));
  const countries = Array.from({ length: 40 }, (_, i) => `country:c${pad(i, 2)}`);
  countries.forEach((id, i) =>
    addNode('Country', { id, name: `Country ${i}`, iso2: String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)), eu: i < 27, sources: sources() }),
  );

  const techs = Array.from({ length: T }, (_, i) => `tech:t${pad(i)}`);
  // Layers: 0 application (40 %), 1 system (30 %), 2 enabling (20 %), 3 base (10 %).
  const layerStart = [0, Math.floor(T * 0.4), Math.floor(T * 0.7), Math.floor(T * 0.9), T];
  const layerOf = (i: number) => (i < layerStart[1]! ? 0 : i < layerStart[2]! ? 1 : i < layerStart[3]! ? 2 : 3);
  // Readiness values carry their provenance (graph-seed/readiness.ts): here each is stated by the technology's first source.
  const statedIn = (source?: string) =>
    Object.fromEntries(
      ['trl', 'horizon', 'euPosition'].flatMap((f) => [
        [`${f}Source`, source],
        [`${f}Basis`, 'stated'],
      ]),
    );
  techs.forEach((id, i) => {
    const cited = sources();
    addNode('Technology', {
      id,
      name: name('Technology', i),
      description: `Synthetic technology ${i} in layer ${layerOf(i)}.`,
      trl: int(1, 9),
      trlYear: int(2015, 2025),
      horizon: pick(HORIZONS),
      euPosition: pick(POSITIONS),
      ...statedIn(cited[0]),
      dualUse: rnd() < 0.3,
      sources: cited,
    });
  });
  const caps = Array.from({ length: Math.max(10, Math.round(T * 0.25)) }, (_, i) => `cap:c${pad(i)}`);
  caps.forEach((id, i) =>
    addNode('Capability', { id, name: name('Capability', i), description: `Synthetic capability ${i}.`, domain: pick(DOMAINS), sources: sources() }),
  );
  const comps = Array.from({ length: Math.max(10, Math.round(T * 0.6)) }, (_, i) => `comp:p${pad(i)}`);
  comps.forEach((id, i) => addNode('Component', { id, name: name('Component', i), description: `Synthetic component ${i}.`, sources: sources() }));
  const mats = Array.from({ length: Math.max(8, Math.round(T * 0.15)) }, (_, i) => `mat:m${pad(i)}`);
  mats.forEach((id, i) =>
    addNode('Material', { id, name: name('Material', i), criticalRawMaterial: rnd() < 0.3, strategicRawMaterial: rnd() < 0.15, sources: sources() }),
  );
  const sups = Array.from({ length: Math.max(10, Math.round(T * 0.5)) }, (_, i) => `sup:s${pad(i)}`);
  sups.forEach((id, i) => addNode('Supplier', { id, name: `Supplier ${i}`, description: `Synthetic supplier ${i}.`, sources: sources() }));
  const cases = Array.from({ length: Math.max(2, Math.round(T * 0.02)) }, (_, i) => `case:c${pad(i)}`);
  cases.forEach((id, i) => addNode('CaseStudy', { id, name: `Case study ${i}`, sources: sources() }));
  const projects = Array.from({ length: Math.max(3, Math.round(T * 0.1)) }, (_, i) => `proj:p${pad(i)}`);
  projects.forEach((id, i) =>
    addNode('Project', { id, name: `Project ${i}`, acronym: `P${i}`, startDate: `20${String(10 + (i % 15)).padStart(2, '0')}-01-01`, sources: sources() }),
  );
  const orgs = Array.from({ length: Math.max(3, Math.round(T * 0.1)) }, (_, i) => `org:o${pad(i)}`);
  orgs.forEach((id, i) => addNode('Organisation', { id, name: `Organisation ${i}`, hubClusterA: rnd() < 0.1, sources: sources() }));
  const signals = Array.from({ length: Math.max(5, Math.round(T * 0.3)) }, (_, i) => `sig:s${pad(i)}`);
  signals.forEach((id, i) =>
    addNode('Signal', {
      id,
      title: `Signal ${i}`,
      summary: `Synthetic weak signal ${i}.`,
      url: `https://example.org/signals/${i}`,
      publishedAt: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      steep: pick(STEEP),
      status: pick(STATUS),
      sources: sources(),
    }),
  );

  // ---- links -------------------------------------------------------------------------------------------------
  for (let i = 0; i < 8; i++) link('KET_RELATED', kets[i]!, kets[(i + 3) % kets.length]!, { relation: pick(['succeeded-by', 'overlaps', 'part-of']) });
  for (let i = 0; i < ctas.length; i++) link('KET_RELATED', ctas[i]!, kets[i % kets.length]!, { relation: 'overlaps' });
  const techIn = (layer: number, pos = rnd()) => within(layerStart[layer]!, layerStart[layer + 1]!, pos);
  const compTierStart = [0, Math.floor(comps.length * 0.4), Math.floor(comps.length * 0.75), comps.length];
  const compTierOf = (i: number) => (i < compTierStart[1]! ? 0 : i < compTierStart[2]! ? 1 : 2);
  const compIn = (tier: number, pos = rnd()) => within(compTierStart[tier]!, compTierStart[tier + 1]!, pos);
  /** Relative position of technology i inside its layer (its domain), and likewise for the other lists. */
  const techPos = (i: number) => {
    const l = layerOf(i);
    return (i - layerStart[l]!) / (layerStart[l + 1]! - layerStart[l]!);
  };
  techs.forEach((id, i) => {
    const layer = layerOf(i);
    const pos = techPos(i);
    for (let k = count(1.3, 1); k > 0; k--) link('IN_KET_AREA', id, kets[skewed(kets.length, 1.3)]!);
    for (let k = count(1.0); k > 0; k--) link('IN_CRITICAL_AREA', id, ctas[skewed(ctas.length, 1.3)]!);
    // A sub-technology of a broader one in the layer below.
    if (layer < 3 && rnd() < 0.3) link('SUB_TECHNOLOGY_OF', id, techs[techIn(layer + 1, pos)]!);
    // Enables capabilities: application technologies most, base technologies least.
    for (let k = count([2.6, 1.2, 0.6, 0.3][layer]!); k > 0; k--) link('ENABLES', id, caps[within(0, caps.length, pos, 1.6)]!, { strength: frac(0.2, 1) });
    // Depends on technologies of lower layers, on components (hubs drawn often).
    if (layer < 3) {
      for (let k = count(1.2); k > 0; k--) {
        const lower = Math.min(3, layer + 1 + (rnd() < 0.3 ? 1 : 0));
        link('DEPENDS_ON', id, techs[techIn(lower, pos)]!, { criticality: frac(0.2, 1), substitutability: frac(0, 0.8) });
      }
    }
    for (let k = count(1.5, 1); k > 0; k--)
      link('DEPENDS_ON', id, comps[compIn(rnd() < 0.7 ? 0 : 1, pos)]!, { criticality: frac(0.2, 1), substitutability: frac(0, 0.8) });
    // Some cycles: a lower-layer technology depending back on a higher one (about 0.5 %).
    if (layer > 0 && rnd() < 0.005)
      link('DEPENDS_ON', id, techs[techIn(layer - 1, pos)]!, { criticality: frac(0.1, 0.5), rationale: 'Feedback dependency (synthetic cycle).' });
  });
  caps.forEach((id) => {
    // Every capability is enabled by at least one technology.
    link('ENABLES', techs[Math.floor(rnd() * layerStart[1]!)]!, id, { strength: frac(0.3, 1) });
    for (let k = count(1.0); k > 0; k--) link('COUNTERS', id, techs[skewed(T)]!, { rationale: 'Counters misuse (synthetic).' });
  });
  // Components sit in three tiers (assemblies 40 %, parts 35 %, sub-parts 25 %): a component depends on components of
  // the next tier (hub parts drawn often) and on materials, so sub-assembly chains stay a few steps deep, as in real
  // bills of materials; a few back-links close cycles.
  comps.forEach((id, i) => {
    const tier = compTierOf(i);
    const pos = (i - compTierStart[tier]!) / (compTierStart[tier + 1]! - compTierStart[tier]!);
    if (tier < 2)
      for (let k = count(0.8); k > 0; k--) link('DEPENDS_ON', id, comps[compIn(tier + 1, pos)]!, { criticality: frac(0.2, 1), substitutability: frac(0, 0.8) });
    for (let k = count(1.5, 1); k > 0; k--)
      link('DEPENDS_ON', id, mats[within(0, mats.length, pos, 1.8)]!, { criticality: frac(0.2, 1), substitutability: frac(0, 0.6) });
    if (tier > 0 && rnd() < 0.003)
      link('DEPENDS_ON', id, comps[compIn(tier - 1, pos)]!, { criticality: frac(0.1, 0.4), rationale: 'Feedback dependency (synthetic cycle).' });
  });
  // Supply: components and materials from 1–5 suppliers with shares adding up to at most 1 (some unknown).
  const supply = (id: string, pos: number) => {
    const k = count(2.5, 1);
    let left = 1;
    for (let s = 0; s < k; s++) {
      const known = rnd() < 0.85;
      const share = known ? Math.floor(left * (s === k - 1 ? rnd() * 0.5 + 0.5 : rnd() * 0.7) * 100) / 100 : undefined;
      const props: SeedRecord = { year: int(2019, 2025), basis: pick(BASIS) };
      if (share !== undefined && share > 0) props.share = share;
      if (link('SUPPLIED_BY', id, sups[within(0, sups.length, pos, 1.5)]!, props) && share) left = Math.max(0, Math.round((left - share) * 100) / 100);
    }
  };
  comps.forEach((id, i) => supply(id, i / comps.length));
  mats.forEach((id, i) => supply(id, i / mats.length));
  // Suppliers sit in countries; a handful of countries host most of them.
  sups.forEach((id) => link('LOCATED_IN', id, countries[skewed(countries.length, 1.7)]!));
  // Substitutes: ~5 % of technologies, some components and materials.
  for (let k = 0; k < Math.round(T * 0.03); k++) link('SUBSTITUTES', techs[int(0, T - 1)]!, techs[int(0, T - 1)]!, { rationale: 'Alternative (synthetic).' });
  for (let k = 0; k < Math.round(comps.length * 0.02); k++) link('SUBSTITUTES', comps[int(0, comps.length - 1)]!, comps[int(0, comps.length - 1)]!);
  for (let k = 0; k < Math.round(mats.length * 0.05); k++) link('SUBSTITUTES', mats[int(0, mats.length - 1)]!, mats[int(0, mats.length - 1)]!);
  // Case studies, projects, organisations, signals.
  cases.forEach((id) => {
    for (let k = count(10, 2); k > 0; k--) link('SCANS', id, techs[skewed(T, 1.4)]!, { role: pick(ROLES) });
    for (let k = count(3, 1); k > 0; k--) link('CONCERNS', id, caps[skewed(caps.length, 1.4)]!);
  });
  projects.forEach((id) => {
    for (let k = count(3, 1); k > 0; k--) link('STUDIES', id, rnd() < 0.8 ? techs[skewed(T, 1.4)]! : caps[skewed(caps.length, 1.4)]!);
  });
  orgs.forEach((id) => {
    link('LEADS', id, projects[int(0, projects.length - 1)]!);
    for (let k = count(3, 1); k > 0; k--) link('PARTICIPATES_IN', id, rnd() < 0.9 ? projects[skewed(projects.length, 1.3)]! : cases[int(0, cases.length - 1)]!);
  });
  signals.forEach((id) => {
    for (let k = count(2, 1); k > 0; k--) {
      const r = rnd();
      link('INDICATES', id, r < 0.75 ? techs[skewed(T, 1.4)]! : r < 0.95 ? caps[skewed(caps.length, 1.4)]! : cases[int(0, cases.length - 1)]!, {
        relevance: frac(0, 1),
      });
    }
  });

  const data: SeedData = {
    nodes: [...nodes].map(([kind, records]) => ({ kind, file: `generated/${kind}`, records })),
    links: [...links].map(([type, records]) => ({ type, file: `generated/${type}`, records })),
  };
  const byKind = Object.fromEntries([...nodes].map(([k, r]) => [k, r.length]));
  const byType = Object.fromEntries([...links].map(([k, r]) => [k, r.length]));
  const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const sourcedFrom = [...nodes].reduce((n, [, records]) => n + records.reduce((m, r) => m + ((r.sources as string[] | undefined)?.length ?? 0), 0), 0);
  return {
    data,
    counts: { nodes: total(byKind), links: total(byType), sourcedFrom, byKind, byType },
    ids: { capabilities: caps, technologies: techs, components: comps, materials: mats, suppliers: sups, countries },
  };
}

// Why a capability moved: the paths that carry a scenario's change from the events up to it.
// Walks down from the capability through links whose far end changed between the baseline and the scenario
// (ENABLES, COUNTERS, DEPENDS_ON, SUBSTITUTES, SUPPLIED_BY, LOCATED_IN) and records a path each time it reaches a
// node an active event targets. No node twice on a path (safe on cycles); bounded; children in a fixed order.
import { deployableIn } from './maturity.js';
import { coversAt, effectiveAt, type IndexedEvaluation } from './propagation.js';
import { EPSILON, eventYear, round9, type ScenarioEventSpec } from './scenario.model.js';
import type { ScenarioGraph } from './scenario-graph.js';

export type LinkType = 'ENABLES' | 'COUNTERS' | 'DEPENDS_ON' | 'SUBSTITUTES' | 'SUPPLIED_BY' | 'LOCATED_IN';

export interface PathStep {
  id: string;
  kind: string;
  name: string;
  /** Availability (capabilities: score) in the baseline and under the scenario. */
  before: number;
  after: number;
  /** The link from this step to the next one (toward the capability); null on the capability. */
  via: LinkType | null;
}

export interface ImpactPath {
  /** From the event's target up to the capability. */
  steps: PathStep[];
  /** The event's magnitude at its target times the weight of every link (strength share, criticality·(1 − substitutability),
   *  supplier share, substitute coverage): how much of the change this path can carry. Paths are ranked by it. */
  weight: number;
  /** Indexes (in the scenario's event list) of the events at the start of the path. */
  eventIndexes: number[];
  /** The path in words, e.g. "China [100%→0%] › Gallium [100%→0%] › … › Border surveillance [100%→72%]". */
  summary: string;
}

/** `capabilities`: only the capabilities that change most get paths (a drawing of thousands explains nothing). */
export const PATH_LIMITS = { capabilities: 200, perCapability: 5, collected: 200, visits: 5000, depth: 24 } as const;

interface Child {
  /** Node index. */
  id: number;
  via: LinkType;
  weight: number;
  /** The events starting a path here (not for SUBSTITUTES, which depend on the parent): undefined = not worked out yet. */
  source?: Source | null;
}

interface Source {
  indexes: number[];
  magnitude: number;
}

const changed = (x: number, y: number) => Math.abs(x - y) > EPSILON;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The path finder of one run: what it learns about a node (which links below it changed, which events start there) is
 * kept for every capability walked after, so each node is examined once per run, not once per path through it.
 */
export function impactPathFinder(
  graph: ScenarioGraph,
  events: readonly ScenarioEventSpec[],
  before: IndexedEvaluation,
  after: IndexedEvaluation,
  thisYear: number,
): (capabilityId: string) => ImpactPath[] {
  const g = graph.supply;
  const c = after.c;
  const year = after.year;
  const a = (e: IndexedEvaluation, i: number) => e.a[i]!;
  const effective = (e: IndexedEvaluation, i: number) => (c.kind[i] === 'Capability' ? 1 : effectiveAt(e, i));
  const active = events.map((e, i) => ({ e, i })).filter(({ e }) => g.nodes.has(e.targetId) && eventYear(e, thisYear) <= year);
  const threats = [...after.active.threat].sort(([x], [y]) => (x < y ? -1 : 1));

  function childrenOf(i: number): Child[] {
    const out: Child[] = [];
    if (c.kind[i] === 'Capability') {
      const en = c.enablers;
      let total = 0;
      for (let k = en.start[i]!; k < en.start[i + 1]!; k++) total += en.strength[k]!;
      for (let k = en.start[i]!; k < en.start[i + 1]!; k++) {
        const from = en.to[k]!;
        if (changed(a(before, from), a(after, from))) out.push({ id: from, via: 'ENABLES', weight: en.strength[k]! / total });
      }
      const id = c.ids[i]!;
      for (const [technologyId] of threats)
        if (graph.counteredBy.get(technologyId)?.includes(id)) out.push({ id: c.index.get(technologyId)!, via: 'COUNTERS', weight: 1 });
    }
    const r = c.requirements;
    for (let k = r.start[i]!; k < r.start[i + 1]!; k++) {
      const to = r.to[k]!;
      if (changed(effective(before, to), effective(after, to)))
        out.push({ id: to, via: 'DEPENDS_ON', weight: r.criticality[k]! * (1 - r.substitutability[k]!) });
    }
    const sh = c.shares;
    let total = 0;
    for (let k = sh.start[i]!; k < sh.start[i + 1]!; k++) total += sh.share[k]!;
    for (let k = sh.start[i]!; k < sh.start[i + 1]!; k++) {
      const s = sh.to[k]!;
      if (changed(a(before, s), a(after, s))) out.push({ id: s, via: 'SUPPLIED_BY', weight: sh.share[k]! / total });
    }
    for (let k = c.countries.start[i]!; k < c.countries.start[i + 1]!; k++) {
      const country = c.countries.to[k]!;
      if (changed(a(before, country), a(after, country))) out.push({ id: country, via: 'LOCATED_IN', weight: 1 });
    }
    // Indexes follow the sorted ids: a tie on weight goes by id.
    out.sort((x, y) => y.weight - x.weight || x.id - y.id);
    if (c.kind[i] !== 'Capability') out.push(...substituteChildren(i));
    return out;
  }

  /** Substitutes of a dependency whose cover changed: they mitigate (or stop mitigating) its loss. */
  function substituteChildren(i: number): Child[] {
    const was = new Map(coversAt(before, i).map((x) => [`${x.from}|${x.fromEvent}`, x.cover]));
    return coversAt(after, i)
      .filter((x) => changed(was.get(`${x.from}|${x.fromEvent}`) ?? 0, x.cover))
      .map((x) => ({ id: x.from, via: 'SUBSTITUTES' as const, weight: Math.abs(x.cover - (was.get(`${x.from}|${x.fromEvent}`) ?? 0)) }));
  }

  /** The events that start a path at `i`, reached over `via` from `parent`; with the change they make there. */
  function sourceAt(i: number, via: LinkType, parent: number): Source | null {
    const id = c.ids[i]!;
    let indexes: number[];
    let magnitude: number;
    if (via === 'COUNTERS') {
      indexes = active.filter(({ e }) => e.type === 'THREAT' && e.targetId === id).map(({ i }) => i);
      magnitude = after.active.threat.get(id) ?? 0;
    } else if (via === 'SUBSTITUTES') {
      indexes = active.filter(({ e }) => e.type === 'SUBSTITUTE' && e.targetId === id && e.replacesId === c.ids[parent]).map(({ i }) => i);
      magnitude = 1;
    } else {
      const matured = deployableIn(before.active.deployment.get(id), year) !== deployableIn(after.active.deployment.get(id), year);
      indexes = active.filter(({ e }) => e.targetId === id && (e.type === 'DISRUPTION' || (e.type === 'MATURATION' && matured))).map(({ i }) => i);
      magnitude = Math.abs(a(after, i) - a(before, i));
    }
    return indexes.length ? { indexes, magnitude } : null;
  }

  const children = new Map<number, Child[]>();
  const onPath = new Uint8Array(c.ids.length);

  return (capabilityId: string) => {
    const root = c.index.get(capabilityId)!;
    const found: { ids: number[]; vias: LinkType[]; weight: number; indexes: number[] }[] = [];
    let visits = 0;
    const stack: number[] = [root];
    const vias: LinkType[] = [];
    onPath[root] = 1;

    const walk = (i: number, weight: number): void => {
      if (found.length >= PATH_LIMITS.collected || visits >= PATH_LIMITS.visits || stack.length > PATH_LIMITS.depth) return;
      visits++;
      let list = children.get(i);
      if (!list) children.set(i, (list = childrenOf(i)));
      for (const child of list) {
        if (onPath[child.id]) continue;
        stack.push(child.id);
        vias.push(child.via);
        onPath[child.id] = 1;
        let source: Source | null;
        if (child.via === 'SUBSTITUTES') source = sourceAt(child.id, child.via, i);
        else source = child.source === undefined ? (child.source = sourceAt(child.id, child.via, i)) : child.source;
        if (source) found.push({ ids: [...stack], vias: [...vias], weight: weight * child.weight * source.magnitude, indexes: source.indexes });
        // A substitute's own change is what matters, not what lies below it; threats have nothing below them.
        if (child.via !== 'COUNTERS' && !(child.via === 'SUBSTITUTES' && source)) walk(child.id, weight * child.weight);
        onPath[child.id] = 0;
        vias.pop();
        stack.pop();
      }
    };
    walk(root, 1);
    onPath[root] = 0;

    const value = (e: IndexedEvaluation, i: number) => (c.kind[i] === 'Capability' ? e.score[i]! : a(e, i));
    return found
      .map((p) => ({
        p,
        weight: round9(p.weight),
        key: [...p.ids]
          .reverse()
          .map((i) => c.ids[i]!)
          .join('>'),
      }))
      .sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .slice(0, PATH_LIMITS.perCapability)
      .map(({ p, weight }) => {
        const ids = [...p.ids].reverse();
        const linkTypes = [...p.vias].reverse();
        const steps: PathStep[] = ids.map((i, k) => {
          const node = g.nodes.get(c.ids[i]!)!;
          return { id: node.id, kind: node.kind, name: node.name, before: round9(value(before, i)), after: round9(value(after, i)), via: linkTypes[k] ?? null };
        });
        const summary = steps.map((s) => `${s.name} [${pct(s.before)}→${pct(s.after)}]`).join(' › ');
        return { steps, weight, eventIndexes: p.indexes, summary };
      });
  };
}

// Why a capability moved: the paths that carry a scenario's change from the events up to it.
// Walks down from the capability through links whose far end changed between the baseline and the scenario
// (ENABLES, COUNTERS, DEPENDS_ON, SUBSTITUTES, SUPPLIED_BY, LOCATED_IN) and records a path each time it reaches a
// node an active event targets. No node twice on a path (safe on cycles); bounded; children in a fixed order.
import { compile } from './compiled-graph.js';
import { deployableIn } from './maturity.js';
import { threatsCountered, type Evaluation } from './propagation.js';
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

export const PATH_LIMITS = { perCapability: 5, collected: 200, visits: 5000, depth: 24 } as const;

interface Child {
  id: string;
  via: LinkType;
  weight: number;
}

const changed = (x: number, y: number) => Math.abs(x - y) > EPSILON;
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function impactPaths(
  graph: ScenarioGraph,
  events: readonly ScenarioEventSpec[],
  before: Evaluation,
  after: Evaluation,
  capabilityId: string,
  thisYear: number,
): ImpactPath[] {
  const g = graph.supply;
  const c = compile(graph);
  const year = after.year;
  const a = (e: Evaluation, id: string) => e.availability.get(id) ?? 1;
  const eff = (e: Evaluation, id: string) => e.effective.get(id) ?? 1;
  const active = events.map((e, i) => ({ e, i })).filter(({ e }) => g.nodes.has(e.targetId) && eventYear(e, thisYear) <= year);

  function childrenOf(id: string): Child[] {
    const out: Child[] = [];
    if (c.kind.get(id) === 'Capability') {
      const enablers = c.enablers.get(id)!;
      const total = enablers.reduce((s, e) => s + e.strength, 0);
      for (const e of enablers) if (changed(a(before, e.from), a(after, e.from))) out.push({ id: e.from, via: 'ENABLES', weight: e.strength / total });
      for (const t of threatsCountered(graph, after.active, id)) out.push({ id: t.technologyId, via: 'COUNTERS', weight: 1 });
    }
    for (const r of c.requirements.get(id) ?? []) {
      if (changed(eff(before, r.to), eff(after, r.to))) out.push({ id: r.to, via: 'DEPENDS_ON', weight: r.criticality * (1 - r.substitutability) });
    }
    const shares = c.shares.get(id) ?? [];
    const total = shares.reduce((s, x) => s + x.share, 0);
    for (const s of shares) if (changed(a(before, s.supplier), a(after, s.supplier))) out.push({ id: s.supplier, via: 'SUPPLIED_BY', weight: s.share / total });
    for (const country of c.countries.get(id) ?? []) if (changed(a(before, country), a(after, country))) out.push({ id: country, via: 'LOCATED_IN', weight: 1 });
    return out.sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }

  /** Substitutes of a dependency whose cover changed: they mitigate (or stop mitigating) its loss. */
  function substituteChildren(id: string): Child[] {
    const was = new Map((before.covers.get(id) ?? []).map((x) => [`${x.from}|${x.fromEvent}`, x.cover]));
    return (after.covers.get(id) ?? [])
      .filter((x) => changed(was.get(`${x.from}|${x.fromEvent}`) ?? 0, x.cover))
      .map((x) => ({ id: x.from, via: 'SUBSTITUTES' as const, weight: Math.abs(x.cover - (was.get(`${x.from}|${x.fromEvent}`) ?? 0)) }));
  }

  /** The events that start a path at `id`, reached over `via` from `parent`; with the change they make there. */
  function sourceAt(id: string, via: LinkType, parent: string): { indexes: number[]; magnitude: number } | null {
    let indexes: number[];
    let magnitude: number;
    if (via === 'COUNTERS') {
      indexes = active.filter(({ e }) => e.type === 'THREAT' && e.targetId === id).map(({ i }) => i);
      magnitude = after.active.threat.get(id) ?? 0;
    } else if (via === 'SUBSTITUTES') {
      indexes = active.filter(({ e }) => e.type === 'SUBSTITUTE' && e.targetId === id && e.replacesId === parent).map(({ i }) => i);
      magnitude = 1;
    } else {
      const matured = deployableIn(before.active.deployment.get(id), year) !== deployableIn(after.active.deployment.get(id), year);
      indexes = active
        .filter(({ e }) => e.targetId === id && (e.type === 'DISRUPTION' || (e.type === 'MATURATION' && matured)))
        .map(({ i }) => i);
      magnitude = Math.abs(a(after, id) - a(before, id));
    }
    return indexes.length ? { indexes, magnitude } : null;
  }

  const found: { ids: string[]; vias: LinkType[]; weight: number; indexes: number[] }[] = [];
  let visits = 0;
  const stack: string[] = [capabilityId];
  const vias: LinkType[] = [];
  const onPath = new Set([capabilityId]);

  function walk(id: string, weight: number): void {
    if (found.length >= PATH_LIMITS.collected || visits >= PATH_LIMITS.visits || stack.length > PATH_LIMITS.depth) return;
    visits++;
    const children = childrenOf(id);
    if (g.nodes.get(id)!.kind !== 'Capability') children.push(...substituteChildren(id));
    for (const child of children) {
      if (onPath.has(child.id)) continue;
      stack.push(child.id);
      vias.push(child.via);
      onPath.add(child.id);
      const source = sourceAt(child.id, child.via, id);
      if (source) found.push({ ids: [...stack], vias: [...vias], weight: weight * child.weight * source.magnitude, indexes: source.indexes });
      // A substitute's own change is what matters, not what lies below it; threats have nothing below them.
      if (child.via !== 'COUNTERS' && !(child.via === 'SUBSTITUTES' && source)) walk(child.id, weight * child.weight);
      onPath.delete(child.id);
      vias.pop();
      stack.pop();
    }
  }
  walk(capabilityId, 1);

  const value = (e: Evaluation, id: string) => (g.nodes.get(id)!.kind === 'Capability' ? e.score.get(id)! : a(e, id));
  return found
    .map((p) => {
      const ids = [...p.ids].reverse();
      const linkTypes = [...p.vias].reverse();
      const steps: PathStep[] = ids.map((id, k) => {
        const node = g.nodes.get(id)!;
        return { id, kind: node.kind, name: node.name, before: round9(value(before, id)), after: round9(value(after, id)), via: linkTypes[k] ?? null };
      });
      const summary = steps.map((s) => `${s.name} [${pct(s.before)}→${pct(s.after)}]`).join(' › ');
      return { steps, weight: round9(p.weight), eventIndexes: p.indexes, summary, key: ids.join('>') };
    })
    .sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .slice(0, PATH_LIMITS.perCapability)
    .map(({ key: _key, ...path }) => path);
}

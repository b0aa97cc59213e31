// The dependency tree as supply flows (the "Supply flow" tab): countries → suppliers → materials and components →
// technologies → capability. Each complete chain from the capability down carries the product of its links'
// weights — enabling strength × dependency criticality × supply share — and adds it to every link on the way, so a
// link's width is the weight of all chains through it. An unknown weight counts as 1 (the chain is not thinned by
// what nobody measured); substitutes are alternatives, not supply, and carry nothing. Pure: tests/dependency-view.test.ts.
import type { EntityKind } from '../../lib/graphql/types';
import type { DependencyViewData } from './dependencies.types';
import { drawnEnds } from './dependency-graph';

export interface FlowNode {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface FlowLink {
  /** Upstream end (e.g. the country), as the Sankey draws left to right towards the capability. */
  source: string;
  target: string;
  value: number;
}

function weightOf(e: { type: string; strength: number | null; criticality: number | null; share: number | null }): number | null {
  switch (e.type) {
    case 'ENABLES':
      return e.strength ?? 1;
    case 'DEPENDS_ON':
      return e.criticality ?? 1;
    case 'SUPPLIED_BY':
      return e.share ?? 1;
    case 'LOCATED_IN':
      return 1;
    default:
      return null; // SUBSTITUTES and anything else: not a supply flow
  }
}

export function supplyFlows(data: DependencyViewData, visible: ReadonlySet<string>): { nodes: FlowNode[]; links: FlowLink[] } {
  const weight = new Map<string, number | null>();
  for (const e of data.dependencyTree.edges) {
    const { source, target } = drawnEnds(e);
    const key = `${source}>${target}`;
    const w = weightOf(e);
    // Two links between the same pair: the stronger one carries the flow.
    if (!weight.has(key) || (w ?? -1) > (weight.get(key) ?? -1)) weight.set(key, w);
  }
  const paths = data.dependencyTree.paths.filter((p) => !p.cycle && p.nodeIds.every((id) => visible.has(id)));
  const extended = new Set(paths.map((p) => p.nodeIds.slice(0, -1).join('|')));
  const totals = new Map<string, number>();
  for (const p of paths) {
    if (p.nodeIds.length < 2 || extended.has(p.nodeIds.join('|'))) continue; // only complete chains
    let value = 1;
    const steps: string[] = [];
    for (let i = 1; i < p.nodeIds.length; i++) {
      const w = weight.get(`${p.nodeIds[i - 1]}>${p.nodeIds[i]}`);
      if (w === null || w === undefined) {
        value = 0;
        break;
      }
      value *= w;
      steps.push(`${p.nodeIds[i]}>${p.nodeIds[i - 1]}`); // reversed: supply flows towards the capability
    }
    if (value <= 0) continue;
    for (const s of steps) totals.set(s, (totals.get(s) ?? 0) + value);
  }
  const links: FlowLink[] = [...totals].map(([key, value]) => {
    const [source, target] = key.split('>') as [string, string];
    return { source, target, value: Math.round(value * 1e6) / 1e6 };
  });
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = data.dependencyTree.nodes.filter((n) => used.has(n.id)).map((n) => ({ id: n.id, name: n.name, kind: n.kind }));
  return { nodes, links };
}

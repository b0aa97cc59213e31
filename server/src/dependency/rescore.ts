/**
 * Which criticality scores a write can change (issue #17: the first ranking after a write rescored every node below
 * the root, ~0.4 s for the hub at 100k). A node's score (scores.ts) reads its own fields and lists, its neighbours
 * (substitutes' names, dependants' substitutability, its suppliers and their countries, a supplier's items and its
 * country, a country's suppliers), and, along supply links only, up to three steps further: an item reads its
 * suppliers' countries; a supplier reads the shares of its items' other suppliers; a country reads the items of its
 * suppliers and their other suppliers. So from every node the write changed (supply-graph.delta.ts `lineageOf`), the
 * nodes within one step of any link, then up to two more SUPPLIED_BY / LOCATED_IN steps, must be scored again; a
 * country reached on the way is scored again but not walked through (none of its other suppliers reads it).
 * Every other node keeps its score, if its reach (capability-reach.ts) is the same list as before.
 */
import { differs, listDiffers } from '../supply-graph/supply-graph.delta.js';
import type { SupplyEdge, SupplyGraph } from '../supply-graph/supply-graph.js';

const SUPPLY_LINKS = new Set(['SUPPLIED_BY', 'LOCATED_IN']);

export function scoresToRedo(g: SupplyGraph, prior: SupplyGraph, changed: ReadonlySet<string>): Set<string> {
  const redo = new Set<string>(changed);
  // One step from every change; further only from a node whose fields or supply links changed (a new DEPENDS_ON into a
  // component is read by the component, not by its suppliers' countries).
  const near = [...changed].filter((id) => !readFurther(g, prior, id));
  const far = [...changed].filter((id) => readFurther(g, prior, id));
  spread(g, prior, near, 1, redo);
  spread(g, prior, far, 3, redo);
  return redo;
}

function spread(g: SupplyGraph, prior: SupplyGraph, from: string[], steps: number, redo: Set<string>): void {
  const seen = new Set(from);
  let frontier = from;
  for (let step = 1; step <= steps && frontier.length; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      const kind = (g.nodes.get(id) ?? prior.nodes.get(id))?.kind;
      if (step > 1 && kind === 'Country') continue;
      for (const graph of [g, prior]) {
        for (const e of [...(graph.out.get(id) ?? []), ...(graph.in.get(id) ?? [])]) {
          if (step > 1 && !SUPPLY_LINKS.has(e.type)) continue;
          const other = e.from === id ? e.to : e.from;
          if (seen.has(other)) continue;
          seen.add(other);
          redo.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
}

const supplyLinks = (list: readonly SupplyEdge[] | undefined) => (list ?? []).filter((e) => SUPPLY_LINKS.has(e.type));

/** True when what is read beyond one step changed: the node's own fields, or its SUPPLIED_BY / LOCATED_IN links. */
function readFurther(g: SupplyGraph, prior: SupplyGraph, id: string): boolean {
  return (
    differs(g.nodes.get(id), prior.nodes.get(id)) ||
    listDiffers(supplyLinks(g.out.get(id)), supplyLinks(prior.out.get(id))) ||
    listDiffers(supplyLinks(g.in.get(id)), supplyLinks(prior.in.get(id)))
  );
}

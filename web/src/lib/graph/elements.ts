// Pure mapping from what the API returns (entities and links) to Cytoscape element JSON, and the small set
// operations the views need on it (merge on expand, counts per kind, the links of one entity).
// No DOM and no Cytoscape instance here, so all of it is unit-tested headlessly (tests/web/elements.test.ts).
import type { EntityKind, MapEntity, MapLink, Neighbourhood } from '../graphql/types';
import { linkLabel } from './styles';

export interface EntityNodeData {
  id: string;
  /** The entity's name, as drawn under the node. */
  label: string;
  kind: EntityKind;
  /** A colour replacing the kind's, for views that colour by a measure of their own (e.g. criticality). */
  fill?: string;
}

export interface LinkEdgeData {
  id: string;
  source: string;
  target: string;
  /** The API's link type (ENABLES, DEPENDS_ON, …), used by the stylesheet. */
  type: string;
  /** The type in plain words, as drawn along the edge. */
  label: string;
}

export interface EntityNode {
  group: 'nodes';
  data: EntityNodeData;
  /** Space-separated Cytoscape classes, e.g. "centre". */
  classes?: string;
}

export interface LinkEdge {
  group: 'edges';
  data: LinkEdgeData;
}

export type MapElement = EntityNode | LinkEdge;

export function entityToNode(entity: MapEntity, options: { centre?: boolean } = {}): EntityNode {
  const node: EntityNode = { group: 'nodes', data: { id: entity.id, label: entity.name, kind: entity.kind } };
  if (options.centre) node.classes = 'centre';
  return node;
}

export function linkToEdge(link: MapLink): LinkEdge {
  return {
    group: 'edges',
    data: { id: link.id, source: link.from, target: link.to, type: link.type, label: linkLabel(link.type) },
  };
}

/**
 * Elements for a neighbourhood: nodes first (Cytoscape needs both ends before an edge), each id once, and no edge
 * whose end is missing (the API can cut a neighbourhood short at its limit).
 */
export function neighbourhoodToElements(neighbourhood: Neighbourhood): MapElement[] {
  const nodes = new Map<string, EntityNode>();
  for (const entity of [neighbourhood.centre, ...neighbourhood.entities]) {
    if (!nodes.has(entity.id)) nodes.set(entity.id, entityToNode(entity, { centre: entity.id === neighbourhood.centre.id }));
  }
  const edges = new Map<string, LinkEdge>();
  for (const link of neighbourhood.links) {
    if (nodes.has(link.from) && nodes.has(link.to) && !edges.has(link.id)) edges.set(link.id, linkToEdge(link));
  }
  return [...nodes.values(), ...edges.values()];
}

/**
 * Adds what is new in `incoming` to `existing` (expanding an entity). Existing elements keep their place and
 * classes, so the centre of the first drawing stays the centre. Returns `existing` itself when nothing is new,
 * so a view can skip a redraw by identity.
 */
export function mergeElements(existing: readonly MapElement[], incoming: readonly MapElement[]): { elements: readonly MapElement[]; added: MapElement[] } {
  const ids = new Set(existing.map((e) => e.data.id));
  const addedNodes: EntityNode[] = [];
  const addedEdges: LinkEdge[] = [];
  for (const element of incoming) {
    if (ids.has(element.data.id)) continue;
    ids.add(element.data.id);
    if (element.group === 'nodes') addedNodes.push({ group: 'nodes', data: { ...element.data } });
    else addedEdges.push(element);
  }
  const nodeIds = new Set([...existing, ...addedNodes].filter((e) => e.group === 'nodes').map((e) => e.data.id));
  const edges = addedEdges.filter((e) => nodeIds.has(e.data.source) && nodeIds.has(e.data.target));
  const added: MapElement[] = [...addedNodes, ...edges];
  if (added.length === 0) return { elements: existing, added };
  // Nodes before edges overall, as Cytoscape adds them in order.
  const existingNodes = existing.filter((e) => e.group === 'nodes');
  const existingEdges = existing.filter((e) => e.group === 'edges');
  return { elements: [...existingNodes, ...addedNodes, ...existingEdges, ...edges], added };
}

/** How many entities of each kind are on the map, for the legend. Kinds absent from the map are absent here. */
export function countByKind(elements: readonly MapElement[]): Map<EntityKind, number> {
  const counts = new Map<EntityKind, number>();
  for (const e of elements) if (e.group === 'nodes') counts.set(e.data.kind, (counts.get(e.data.kind) ?? 0) + 1);
  return counts;
}

export function entityCount(elements: readonly MapElement[]): number {
  let n = 0;
  for (const e of elements) if (e.group === 'nodes') n++;
  return n;
}

export interface LinkOnMap {
  /** 'out' when the entity is the link's source (e.g. it enables the other). */
  direction: 'out' | 'in';
  type: string;
  label: string;
  other: EntityNodeData;
}

/**
 * The links of one entity that are drawn on the map, in plain words, sorted by the other entity's name: the
 * keyboard-reachable way to walk the map (the canvas itself is not focusable).
 */
export function linksOnMap(elements: readonly MapElement[], id: string): LinkOnMap[] {
  const nodes = new Map<string, EntityNodeData>();
  for (const e of elements) if (e.group === 'nodes') nodes.set(e.data.id, e.data);
  const result: LinkOnMap[] = [];
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    const { source, target, type, label } = e.data;
    if (source === id && nodes.has(target)) result.push({ direction: 'out', type, label, other: nodes.get(target)! });
    else if (target === id && nodes.has(source)) result.push({ direction: 'in', type, label, other: nodes.get(source)! });
  }
  return result.sort((a, b) => a.other.label.localeCompare(b.other.label) || a.type.localeCompare(b.type));
}

/** Ids of the entities hidden by the kind filter, and of the links touching them. */
export function hiddenElementIds(elements: readonly MapElement[], hiddenKinds: ReadonlySet<EntityKind>): Set<string> {
  const hidden = new Set<string>();
  if (hiddenKinds.size === 0) return hidden;
  for (const e of elements) if (e.group === 'nodes' && hiddenKinds.has(e.data.kind)) hidden.add(e.data.id);
  for (const e of elements) if (e.group === 'edges' && (hidden.has(e.data.source) || hidden.has(e.data.target))) hidden.add(e.data.id);
  return hidden;
}

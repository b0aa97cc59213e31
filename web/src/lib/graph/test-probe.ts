// A read-only window into the drawn graph for end-to-end tests, which cannot read a canvas:
// window.__atlasGraph.nodeCount(), hasNode(id)… It changes nothing and costs nothing when unused.
import type { Core } from 'cytoscape';

export interface AtlasGraphProbe {
  /** Entities drawn (hidden kinds included). */
  nodeCount(): number;
  edgeCount(): number;
  hasNode(id: string): boolean;
  /** Ids of the entities drawn, with their kind. */
  nodes(): { id: string; kind: string }[];
  /** Entities currently visible (not hidden by the kind filter). */
  visibleNodeCount(): number;
  /** The id of the chosen entity, or null. */
  selectedId(): string | null;
  /** True while a layout is still moving entities. */
  isLayoutRunning(): boolean;
  renderer(): 'canvas' | 'webgl';
  /** Where an entity is drawn, in page coordinates (for clicking it), or null when not drawn. */
  pagePositionOf(id: string): { x: number; y: number } | null;
}

export function installProbe(cy: Core, state: { layoutRunning(): boolean; webgl: boolean }): () => void {
  const probe: AtlasGraphProbe = {
    nodeCount: () => cy.nodes().length,
    edgeCount: () => cy.edges().length,
    hasNode: (id) => cy.getElementById(id).nonempty() && cy.getElementById(id).isNode(),
    nodes: () => cy.nodes().map((n) => ({ id: n.id(), kind: String(n.data('kind')) })),
    visibleNodeCount: () => cy.nodes().not('.atlas-hidden').length,
    selectedId: () => cy.nodes('.chosen').first()?.id() ?? null,
    isLayoutRunning: () => state.layoutRunning(),
    renderer: () => (state.webgl ? 'webgl' : 'canvas'),
    pagePositionOf: (id) => {
      const node = cy.getElementById(id);
      if (node.empty()) return null;
      const box = cy.container()!.getBoundingClientRect();
      const at = node.renderedPosition();
      return { x: box.left + at.x, y: box.top + at.y };
    },
  };
  window.__atlasGraph = probe;
  return () => {
    if (window.__atlasGraph === probe) delete window.__atlasGraph;
  };
}

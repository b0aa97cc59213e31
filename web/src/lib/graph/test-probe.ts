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
  /** The current zoom (1 = model pixels are screen pixels). */
  zoom(): number;
  /**
   * Every visible entity's label as drawn: its size on screen in CSS pixels (font size × zoom; 0 when the label is
   * not drawn at this zoom) and the rendered box of the entity with its label.
   */
  labels(): LabelOnScreen[];
}

export interface LabelOnScreen {
  id: string;
  fontPx: number;
  box: { x1: number; y1: number; x2: number; y2: number };
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
    zoom: () => cy.zoom(),
    labels: () =>
      cy
        .nodes(':visible')
        .filter((n) => !n.hasClass('atlas-hidden'))
        .map((n) => {
          const font = parseFloat(String(n.style('font-size'))) * cy.zoom();
          const minZoomed = parseFloat(String(n.style('min-zoomed-font-size'))) || 0;
          const text = String(n.style('label') ?? '');
          const drawn = text.length > 0 && font >= minZoomed;
          const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
          return { id: n.id(), fontPx: drawn ? font : 0, box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } };
        }),
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

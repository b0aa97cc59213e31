// Level of detail for large maps: zoomed out, a map of thousands of elements is an overview in which no name is
// legible anyway (labels need 8 px, see styles.ts), so it is drawn as plain coloured shapes without borders, names
// or links — except the links around the selection. Links are most of a large map's elements and, unlike nodes,
// Cytoscape redraws each one every frame; dropping them is what keeps pan and zoom near 30 frames per second on a
// machine without a GPU. Zooming back in brings everything back.
import type { Core } from 'cytoscape';
import { buildStylesheet } from './styles';

/** Below this zoom a large map is drawn as an overview (at 0.5 an 11 px name would be 5.5 px). */
export const OVERVIEW_BELOW_ZOOM = 0.5;
/** The overview ends only above this zoom, so a zoom hovering around the threshold does not restyle every frame. */
export const OVERVIEW_UNTIL_ZOOM = 0.6;

/** Whether a map drawn at `zoom` should be an overview, given whether it is one now (the band between keeps it). */
export function overviewAt(zoom: number, now: boolean): boolean {
  return now ? zoom <= OVERVIEW_UNTIL_ZOOM : zoom < OVERVIEW_BELOW_ZOOM;
}

/**
 * Switches a large map's stylesheet between overview and detail as the zoom crosses the thresholds (by the
 * analyst or by a view's animation). Returns the function that stops it.
 */
export function attachLevelOfDetail(cy: Core): () => void {
  let overview = false;
  const update = () => {
    const next = overviewAt(cy.zoom(), overview);
    if (next === overview) return;
    overview = next;
    cy.style(buildStylesheet({ large: true, overview }));
  };
  cy.on('zoom', update);
  update();
  return () => cy.off('zoom', update);
}

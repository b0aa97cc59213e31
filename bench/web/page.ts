// The benchmark page: the graph views' own drawing path without Svelte — the instance options and stylesheet of
// instanceOptions() (cy-sync.ts), the same renderer choice (WebGL above WEBGL_THRESHOLD elements when the browser
// has a hardware WebGL 2), the level of detail of large maps (level-of-detail.ts), and syncElements() with the app's layout defaults, so fcose runs in the same layout
// worker as in the app. web-bench.ts calls window.__bench.render() and the frame counters below.
import cytoscape from 'cytoscape';
import { LARGE_THRESHOLD, WEBGL_THRESHOLD, instanceOptions, syncElements, webglSupported } from '../../web/src/lib/graph/cy-sync';
import type { MapElement } from '../../web/src/lib/graph/elements';
import { registerLayouts, type LayoutName } from '../../web/src/lib/graph/layouts';
import { attachLevelOfDetail } from '../../web/src/lib/graph/level-of-detail';

registerLayouts(cytoscape);

export interface RenderResult {
  /** Data handed over → drawn (two animation frames) and a tap on an entity handled. */
  interactive: number;
  /** Data handed over → the layout's final positions applied (the worker's, for fcose) and drawn. */
  final: number;
  renderer: 'canvas' | 'webgl';
  nodes: number;
  edges: number;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
let cy: cytoscape.Core | null = null;

async function render(elements: MapElement[], layout: LayoutName): Promise<RenderResult> {
  cy?.destroy();
  const container = document.getElementById('cy')!;
  const t0 = performance.now();
  const webgl = elements.length > WEBGL_THRESHOLD && webglSupported();
  const instance = cytoscape(instanceOptions(container, { large: elements.length > LARGE_THRESHOLD, webgl }));
  if (elements.length > LARGE_THRESHOLD) attachLevelOfDetail(instance);
  cy = instance;
  const stopped = new Promise<void>((resolve) => {
    syncElements(instance, elements, layout, () => {
      resolve();
    });
  });
  await frame();
  await frame();
  let tapped = false;
  instance.one('tap', 'node', () => (tapped = true));
  instance.nodes().first().emit('tap');
  if (!tapped) throw new Error('the graph did not handle a tap');
  const interactive = performance.now() - t0;
  await stopped;
  await frame();
  const final = Math.max(interactive, performance.now() - t0);
  return { interactive, final, renderer: webgl ? 'webgl' : 'canvas', nodes: instance.nodes().length, edges: instance.edges().length };
}

interface FrameStats {
  fps: number;
  longest: number;
}

/** Frames per second over `ms` of scripted pan and zoom: every frame pans a little and zooms in or out by 1 %. */
function scriptedPanZoom(ms = 2000): Promise<FrameStats> {
  const instance = cy!;
  return new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    let frames = 0;
    let longest = 0;
    const step = (now: number) => {
      longest = Math.max(longest, now - last);
      last = now;
      frames++;
      const outward = frames % 60 < 30;
      instance.panBy({ x: outward ? 8 : -8, y: 4 * Math.sin(frames / 8) });
      instance.zoom({ level: instance.zoom() * (outward ? 1.01 : 1 / 1.01), renderedPosition: { x: instance.width() / 2, y: instance.height() / 2 } });
      if (now - start < ms) requestAnimationFrame(step);
      else resolve({ fps: frames / ((now - start) / 1000), longest });
    };
    requestAnimationFrame(step);
  });
}

// Frame counting while web-bench.ts drives the mouse (drag-pan and wheel-zoom as an analyst would).
let counting: { start: number; last: number; frames: number; longest: number; on: boolean } | null = null;
function startFrameCount(): void {
  const c = { start: performance.now(), last: performance.now(), frames: 0, longest: 0, on: true };
  counting = c;
  const step = (now: number) => {
    if (!c.on) return;
    c.longest = Math.max(c.longest, now - c.last);
    c.last = now;
    c.frames++;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
function stopFrameCount(): FrameStats {
  const c = counting!;
  c.on = false;
  return { fps: c.frames / ((c.last - c.start) / 1000), longest: c.longest };
}

(window as unknown as { __bench: unknown }).__bench = {
  core: () => cy,
  render,
  scriptedPanZoom,
  startFrameCount,
  stopFrameCount,
  webglSupported,
  WEBGL_THRESHOLD,
  LARGE_THRESHOLD,
};

// The complete technology radar as one SVG string: title and date, rings and sectors with their labels, numbered blips
// with their markers (dual use, new, moved in or out), and the key and numbered legend. Pure (no DOM, no Svelte) so the
// view, the exports and a server-side briefing can all draw the same picture; unit-tested in tests/web/radar-svg.test.ts.
import { layoutRadar, polar, type RadarLayout } from './radar-layout';

export interface RadarDrawingBlip {
  id: string;
  name: string;
  /** Index into rings / sectors. */
  ring: number;
  sector: number;
  /** 0–1, relative to the largest on the radar. */
  weight: number;
  dualUse: boolean;
  isNew: boolean;
  /** Moved since the chosen date: towards the centre ("in") or away from it ("out"). */
  moved: 'in' | 'out' | null;
  /** Extra words for the tooltip (ring, size measure…). */
  detail?: string;
}

export interface RadarDrawing {
  title: string;
  /** The day it shows, YYYY-MM-DD. */
  date: string;
  rings: { label: string; unknown?: boolean }[];
  sectors: { name: string }[];
  blips: RadarDrawingBlip[];
  /** Lines of the key under the title: the ring rule, the size measure, the unknown-readiness rule. */
  notes: string[];
}

export interface RenderOptions {
  /** Include the numbered list of every blip (exports); the view shows its own list beside the drawing. */
  legend?: boolean;
  /** Blips focusable (tabindex, role link, data-id) for the view; exports leave it off. */
  interactive?: boolean;
  /** Title, date and notes on top (default); the view shows them in the page instead. */
  frame?: boolean;
}

export const SECTOR_COLOURS = [
  '#1f77b4',
  '#d6604d',
  '#2ca02c',
  '#8c564b',
  '#9467bd',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#ff7f0e',
  '#393b79',
  '#637939',
];

/** Legend order: by sector, then ring inside out, then name. Numbers follow it, from 1. */
export function numberBlips<T extends Pick<RadarDrawingBlip, 'id' | 'name' | 'ring' | 'sector'>>(blips: readonly T[]): (T & { number: number })[] {
  return [...blips]
    .sort((a, b) => a.sector - b.sector || a.ring - b.ring || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((b, i) => ({ ...b, number: i + 1 }));
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Splits a label into lines of at most `max` characters at spaces (a longer word stays whole). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const PAD_X = 180;
const PAD_Y = 56;
const HEADER = 74;
const LEGEND_COLUMN = 250;
const LEGEND_ROW = 17;
const f = (n: number) => String(Math.round(n * 10) / 10);

function annularSector(inner: number, outer: number, a0: number, a1: number): string {
  const full = a1 - a0 >= 2 * Math.PI - 1e-9;
  if (full) {
    const ring = (r: number) => (r <= 0 ? '' : `M ${f(r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(-r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(r)} 0 Z`);
    return `${ring(outer)} ${ring(inner)}`;
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const p = (r: number, a: number) => polar(r, a);
  const o0 = p(outer, a0),
    o1 = p(outer, a1),
    i1 = p(inner, a1),
    i0 = p(inner, a0);
  return `M ${f(o0.x)} ${f(o0.y)} A ${f(outer)} ${f(outer)} 0 ${large} 1 ${f(o1.x)} ${f(o1.y)} L ${f(i1.x)} ${f(i1.y)} ${inner > 0 ? `A ${f(inner)} ${f(inner)} 0 ${large} 0 ${f(i0.x)} ${f(i0.y)}` : ''} Z`;
}

/** The marker of movement: a small triangle on the blip's upper right, pointing to the centre (in) or away (out). */
function movedMarker(x: number, y: number, r: number, moved: 'in' | 'out'): string {
  const d = Math.hypot(x, y) || 1;
  const ux = x / d,
    uy = y / d; // outwards
  const cx = x + (r + 1) * Math.SQRT1_2 * (ux - uy),
    cy = y + (r + 1) * Math.SQRT1_2 * (uy + ux);
  const dir = moved === 'out' ? 1 : -1;
  const tip = { x: cx + dir * ux * 4, y: cy + dir * uy * 4 };
  const b1 = { x: cx - dir * ux * 2 - uy * 3.5, y: cy - dir * uy * 2 + ux * 3.5 };
  const b2 = { x: cx - dir * ux * 2 + uy * 3.5, y: cy - dir * uy * 2 - ux * 3.5 };
  return `<path d="M ${f(tip.x)} ${f(tip.y)} L ${f(b1.x)} ${f(b1.y)} L ${f(b2.x)} ${f(b2.y)} Z" fill="#111827"/>`;
}

export interface RenderedRadar {
  svg: string;
  width: number;
  height: number;
  layout: RadarLayout;
}

export function renderRadarSvg(drawing: RadarDrawing, options: RenderOptions = {}): RenderedRadar {
  const numbered = numberBlips(drawing.blips);
  const layout = layoutRadar(
    numbered.map((b) => ({ id: b.id, ring: b.ring, sector: b.sector, weight: b.weight })),
    drawing.rings.length,
    drawing.sectors.length,
    { axisGap: 40 },
  );
  const R = layout.radius;
  const frame = options.frame ?? true;
  // Labels grow with a large radar, so they stay legible when it is shown shrunk to fit a screen.
  const k = Math.max(1, Math.min(2.2, R / 380));
  const width = Math.max(2 * (R + PAD_X * k), 640);
  const cx = width / 2;
  const cy = (frame ? HEADER + 14 * drawing.notes.length : 0) + PAD_Y * k + R;
  const radarBottom = cy + R + PAD_Y * k;
  const columns = Math.max(1, Math.floor((width - 40) / LEGEND_COLUMN));
  const legendRows = options.legend ? legendLayout(numbered, drawing.sectors, columns) : [];
  const legendHeight = options.legend ? Math.max(...legendRows.map((r) => r.row), 0) * LEGEND_ROW + LEGEND_ROW + 70 : 0;
  const height = Math.ceil(radarBottom + legendHeight);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f(width)} ${height}" width="${f(width)}" height="${height}" ${FONT} role="img" aria-labelledby="radar-title">`,
  );
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  if (frame) {
    out.push(`<text id="radar-title" x="20" y="32" font-size="22" font-weight="700" fill="#111827">${escapeXml(drawing.title)}</text>`);
    out.push(`<text x="20" y="54" font-size="13" fill="#374151">${escapeXml(`As of ${drawing.date} · ${drawing.blips.length} technologies`)}</text>`);
    drawing.notes.forEach((note, i) => out.push(`<text x="20" y="${74 + 14 * i}" font-size="11.5" fill="#4b5563">${escapeXml(note)}</text>`));
  } else out.push(`<title id="radar-title">${escapeXml(`${drawing.title}, as of ${drawing.date}`)}</title>`);

  out.push(`<g transform="translate(${f(cx)} ${f(cy)})">`);
  // Rings: alternating greys, the unknown-readiness band hatched-looking (dashed edge, warm tint).
  drawing.rings.forEach((ring, i) => {
    const fill = ring.unknown ? '#fff7ed' : i % 2 ? '#f3f4f6' : '#e5e7eb';
    out.push(
      `<path d="${annularSector(layout.bounds[i]!, layout.bounds[i + 1]!, 0, 2 * Math.PI)}" fill="${fill}" fill-rule="evenodd" stroke="${ring.unknown ? '#c2410c' : '#ffffff'}" stroke-width="${ring.unknown ? 1.2 : 2}" ${ring.unknown ? 'stroke-dasharray="5 4"' : ''}/>`,
    );
  });
  // Sector boundaries.
  for (const a of layout.angles.slice(0, -1)) {
    const p = polar(R, a);
    out.push(`<line x1="0" y1="0" x2="${f(p.x)}" y2="${f(p.y)}" stroke="#ffffff" stroke-width="3"/>`);
  }
  // Sector labels outside the rings, in the sector's colour.
  drawing.sectors.forEach((s, i) => {
    const mid = (layout.angles[i]! + layout.angles[i + 1]!) / 2;
    const p = polar(R + 14 * k, mid);
    const anchor = Math.abs(p.x) < R * 0.2 ? 'middle' : p.x > 0 ? 'start' : 'end';
    const lines = wrap(s.name, 17);
    const lh = 14 * k;
    const y0 = p.y < -R * 0.5 ? p.y - lh * (lines.length - 1) : p.y > R * 0.5 ? p.y + 10 * k : p.y - (lh / 2) * (lines.length - 1) + 4 * k;
    out.push(
      `<text x="${f(p.x)}" y="${f(y0)}" text-anchor="${anchor}" font-size="${f(13 * k)}" font-weight="600" fill="${SECTOR_COLOURS[i % SECTOR_COLOURS.length]}">` +
        lines.map((l, n) => `<tspan x="${f(p.x)}" dy="${n ? f(lh) : 0}">${escapeXml(l)}</tspan>`).join('') +
        `</text>`,
    );
  });
  // Ring labels on the twelve o'clock axis (the layout keeps blips clear of it).
  drawing.rings.forEach((ring, i) => {
    const mid = (layout.bounds[i]! + layout.bounds[i + 1]!) / 2;
    const lines = wrap(ring.label, 9);
    out.push(
      `<text x="0" y="${f(-mid - 5.5 * k * (lines.length - 1) + 4 * k)}" text-anchor="middle" font-size="${f(11 * k)}" font-weight="700" fill="${ring.unknown ? '#9a3412' : '#374151'}" stroke="#ffffff" stroke-width="3" paint-order="stroke">` +
        lines.map((l, n) => `<tspan x="0" dy="${n ? f(11 * k) : 0}">${escapeXml(l)}</tspan>`).join('') +
        `</text>`,
    );
  });
  // Blips.
  const placed = new Map(layout.blips.map((p) => [p.id, p]));
  for (const b of numbered) {
    const p = placed.get(b.id)!;
    const colour = SECTOR_COLOURS[b.sector % SECTOR_COLOURS.length];
    const label = `${b.number}. ${b.name}${b.dualUse ? ' (dual use)' : ''}${b.isNew ? ' (new)' : ''}${b.moved ? ` (moved ${b.moved})` : ''}${b.detail ? ` — ${b.detail}` : ''}`;
    const attrs = options.interactive ? ` tabindex="0" role="link" data-id="${escapeXml(b.id)}" aria-label="${escapeXml(label)}" class="blip"` : '';
    out.push(`<g${attrs}><title>${escapeXml(label)}</title>`);
    if (b.isNew)
      out.push(`<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(p.r + 2.5)}" fill="none" stroke="#111827" stroke-width="1.5" stroke-dasharray="2 1.5"/>`);
    out.push(
      `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(b.isNew ? p.r - 0.5 : p.r)}" fill="${colour}" stroke="${b.dualUse ? '#111827' : '#ffffff'}" stroke-width="${b.dualUse ? 2.5 : 1}"/>`,
    );
    out.push(
      `<text x="${f(p.x)}" y="${f(p.y + 3.2)}" text-anchor="middle" font-size="${b.number > 99 ? 7.5 : 9}" font-weight="700" fill="#ffffff" pointer-events="none">${b.number}</text>`,
    );
    if (b.moved) out.push(movedMarker(p.x, p.y, p.r, b.moved));
    out.push(`</g>`);
  }
  out.push(`</g>`);

  if (options.legend) out.push(renderLegend(legendRows, radarBottom));
  out.push(`</svg>`);
  return { svg: out.join(''), width, height, layout };
}

interface LegendEntry {
  kind: 'sector' | 'blip';
  column: number;
  row: number;
  text: string;
  colour: string;
}

/** The numbered list in columns: each sector's heading then its blips, flowing down then across. */
function legendLayout(numbered: readonly (RadarDrawingBlip & { number: number })[], sectors: RadarDrawing['sectors'], columns: number): LegendEntry[] {
  const entries: Omit<LegendEntry, 'column' | 'row'>[] = [];
  sectors.forEach((s, i) => {
    const inSector = numbered.filter((b) => b.sector === i);
    if (!inSector.length) return;
    const colour = SECTOR_COLOURS[i % SECTOR_COLOURS.length]!;
    entries.push({ kind: 'sector', text: s.name, colour });
    for (const b of inSector)
      entries.push({
        kind: 'blip',
        text: `${b.number}. ${b.name}${b.dualUse ? ' ◆' : ''}${b.isNew ? ' (new)' : ''}${b.moved ? ` (moved ${b.moved})` : ''}`,
        colour,
      });
  });
  const perColumn = Math.ceil(entries.length / columns);
  return entries.map((e, i) => ({ ...e, column: Math.floor(i / perColumn), row: i % perColumn }));
}

function renderLegend(rows: LegendEntry[], top: number): string {
  const out: string[] = [];
  out.push(`<text x="20" y="${f(top)}" font-size="15" font-weight="700" fill="#111827">Legend</text>`);
  out.push(
    `<text x="20" y="${f(top + 20)}" font-size="11.5" fill="#374151">Dark outline / ◆: dual use · dashed ring: new since the date · triangle: moved in (towards the centre) or out since the date · number: the list below</text>`,
  );
  const y0 = top + 46;
  const colWidth = LEGEND_COLUMN;
  for (const e of rows) {
    const x = 20 + e.column * colWidth;
    const y = y0 + e.row * LEGEND_ROW;
    // Column width 250: about 32 bold heading characters or 36 list characters fit.
    const max = e.kind === 'sector' ? 32 : 36;
    const text = e.text.length > max ? `${e.text.slice(0, max - 1)}…` : e.text;
    const full = text === e.text ? '' : `<title>${escapeXml(e.text)}</title>`;
    out.push(
      e.kind === 'sector'
        ? `<text x="${x}" y="${y}" font-size="12" font-weight="700" fill="${e.colour}">${full}${escapeXml(text)}</text>`
        : `<text x="${x + 8}" y="${y}" font-size="11.5" fill="#111827">${full}${escapeXml(text)}</text>`,
    );
  }
  return out.join('');
}

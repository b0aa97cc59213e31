// Exports that stand on their own in a briefing: the map with a title, the date, its legend and a source line,
// as PNG (composed on a canvas) or SVG (the same frame in vector, the map itself embedded as an image).
// frameText is pure and unit-tested (tests/web/export-frame.test.ts); the rest draws.

export interface ExportFrame {
  title: string;
  legend: readonly { colour: string; label: string }[];
  /** The day of the export, e.g. "2026-12-02" (injected, so tests need no clock). */
  date: string;
}

const SOURCE = 'Foresight Atlas · sources: see the briefing and each entity’s sources in the Atlas';
const HEADER = 56;
const LEGEND_ROW = 22;
const MARGIN = 20;

/** The words of the frame: the title, the subtitle with the date, and the source line. */
export function frameText(frame: ExportFrame): { title: string; subtitle: string; source: string } {
  return { title: frame.title || 'Foresight Atlas map', subtitle: `Exported ${frame.date}`, source: `${SOURCE} · data as of ${frame.date}` };
}

/** Legend entries laid out in rows across `width`: position of each swatch. */
export function legendRows(legend: ExportFrame['legend'], width: number, charWidth = 7): { x: number; row: number; colour: string; label: string }[] {
  const placed: { x: number; row: number; colour: string; label: string }[] = [];
  let x = 0;
  let row = 0;
  for (const item of legend) {
    const w = 18 + item.label.length * charWidth + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    placed.push({ x, row, ...item });
    x += w;
  }
  return placed;
}

function footerHeight(frame: ExportFrame, width: number): number {
  const rows = frame.legend.length ? Math.max(...legendRows(frame.legend, width - 2 * MARGIN).map((p) => p.row)) + 1 : 0;
  return rows * LEGEND_ROW + 34;
}

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The map image could not be read for the export.'));
    img.src = URL.createObjectURL(blob);
  });
}

/** The map image framed: title and date above, legend and source line below. */
export async function framePng(map: Blob, frame: ExportFrame, scale: number): Promise<Blob> {
  const img = await loadImage(map);
  const width = Math.max(img.width, 900 * scale);
  const footer = footerHeight(frame, width / scale) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = HEADER * scale + img.height + footer;
  const ctx = canvas.getContext('2d')!;
  const text = frameText(frame);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1f2933';
  ctx.font = `bold ${18 * scale}px system-ui, sans-serif`;
  ctx.fillText(text.title, MARGIN * scale, 26 * scale);
  ctx.fillStyle = '#52606d';
  ctx.font = `${12 * scale}px system-ui, sans-serif`;
  ctx.fillText(text.subtitle, MARGIN * scale, 44 * scale);
  ctx.drawImage(img, Math.round((width - img.width) / 2), HEADER * scale);
  URL.revokeObjectURL(img.src);
  const top = HEADER * scale + img.height + 8 * scale;
  for (const p of legendRows(frame.legend, width / scale - 2 * MARGIN)) {
    const x = (MARGIN + p.x) * scale;
    const y = top + p.row * LEGEND_ROW * scale;
    ctx.fillStyle = p.colour;
    ctx.fillRect(x, y, 12 * scale, 12 * scale);
    ctx.fillStyle = '#1f2933';
    ctx.fillText(p.label, x + 18 * scale, y + 11 * scale);
  }
  ctx.fillStyle = '#52606d';
  ctx.fillText(text.source, MARGIN * scale, canvas.height - 12 * scale);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The export could not be encoded.'))), 'image/png'));
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The same frame as an SVG document: title, date, legend and source as text, the map as an embedded PNG. */
export function frameSvg(mapDataUrl: string, mapWidth: number, mapHeight: number, frame: ExportFrame): string {
  const width = Math.max(mapWidth, 900);
  const footer = footerHeight(frame, width);
  const height = HEADER + mapHeight + footer;
  const text = frameText(frame);
  const top = HEADER + mapHeight + 8;
  const legend = legendRows(frame.legend, width - 2 * MARGIN)
    .map(
      (p) =>
        `<rect x="${MARGIN + p.x}" y="${top + p.row * LEGEND_ROW}" width="12" height="12" fill="${escapeXml(p.colour)}"/><text ` +
        `x="${MARGIN + p.x + 18}" y="${top + p.row * LEGEND_ROW + 11}">${escapeXml(p.label)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<title>${escapeXml(text.title)}</title>`,
    `<text x="${MARGIN}" y="26" font-size="18" font-weight="bold" fill="#1f2933">${escapeXml(text.title)}</text>`,
    `<text x="${MARGIN}" y="44" fill="#52606d">${escapeXml(text.subtitle)}</text>`,
    `<image x="${(width - mapWidth) / 2}" y="${HEADER}" width="${mapWidth}" height="${mapHeight}" xlink:href="${mapDataUrl}"/>`,
    `<g fill="#1f2933">${legend}</g>`,
    `<text x="${MARGIN}" y="${height - 12}" fill="#52606d">${escapeXml(text.source)}</text>`,
    `</svg>`,
  ].join('\n');
}

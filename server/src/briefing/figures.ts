// Figures of the briefings as inline SVG, drawn on the server: horizontal bar charts (one or several series, negative
// values to the left of a zero line) and a dependency diagram in columns. Pure: data in, an SVG string out, no DOM.
// Text is escaped; sizes are in CSS pixels, the SVG scales to the page width (viewBox).

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Colours that print on white and stay apart in greyscale (dark to light). */
export const SERIES_COLOURS = ['#1f4e79', '#c0504d', '#4f8a3c', '#8064a2', '#d98c1f', '#4bacc6'] as const;
const INK = '#1a1a1a';
const GRID = '#b0b0b0';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Cuts a label to `max` characters with an ellipsis; the whole label stays in a <title>. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export interface BarRow {
  label: string;
  /** One value per series; null draws no bar and prints "unknown". */
  values: (number | null)[];
}

export interface BarChartInput {
  title: string;
  rows: BarRow[];
  /** Series names (a legend is drawn when there are two or more). */
  series: string[];
  /** How a value is printed next to its bar, e.g. as a percentage. */
  format: (value: number) => string;
  /** The value axis; by default from min(0, smallest) to max(0, largest). */
  domain?: [number, number];
  width?: number;
}

export interface BarGeometry {
  x: number;
  width: number;
}

/** Where a bar of `value` starts and how wide it is, on an axis of `plotWidth` pixels from `left` over `domain`. */
export function barGeometry(value: number, domain: [number, number], left: number, plotWidth: number): BarGeometry {
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  const at = (v: number) => left + ((Math.min(hi, Math.max(lo, v)) - lo) / span) * plotWidth;
  const zero = at(Math.min(hi, Math.max(lo, 0)));
  const end = at(value);
  return { x: round1(Math.min(zero, end)), width: round1(Math.abs(end - zero)) };
}

export function barChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const labelWidth = 200;
  const valueWidth = 64;
  const series = Math.max(1, input.series.length);
  const barHeight = series > 1 ? 12 : 16;
  const rowHeight = series * barHeight + 10;
  const legendHeight = input.series.length > 1 ? 20 * Math.ceil(input.series.length / 3) : 0;
  const top = 8 + legendHeight;
  const values = input.rows.flatMap((r) => r.values).filter((v): v is number => v !== null);
  const domain: [number, number] = input.domain ?? [Math.min(0, ...values), Math.max(0, ...values, 0.0001)];
  // Room for the printed value on each side that has bars: losses print theirs to the left of the bar.
  const plotLeft = labelWidth + 8 + (domain[0] < 0 ? valueWidth : 0);
  const plotWidth = width - plotLeft - valueWidth;
  const height = top + rowHeight * input.rows.length + 24;
  const zero = barGeometry(0, domain, plotLeft, plotWidth);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(input.title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(input.title)}</title>`,
  );
  if (input.series.length > 1)
    input.series.forEach((name, i) => {
      const x = 8 + (i % 3) * Math.floor((width - 16) / 3);
      const y = 6 + Math.floor(i / 3) * 20;
      parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/>`);
      parts.push(`<text x="${x + 18}" y="${y + 10}" fill="${INK}">${escapeXml(clip(name, 34))}</text>`);
    });
  input.rows.forEach((row, r) => {
    const y = top + r * rowHeight + 5;
    parts.push(
      `<text x="${labelWidth}" y="${y + (series * barHeight) / 2 + 4}" text-anchor="end" fill="${INK}"><title>${escapeXml(row.label)}</title>${escapeXml(clip(row.label, 30))}</text>`,
    );
    row.values.forEach((value, s) => {
      const by = y + s * barHeight;
      if (value === null) {
        parts.push(`<text x="${zero.x + 4}" y="${by + barHeight - 4}" fill="#666" font-style="italic">unknown</text>`);
        return;
      }
      const bar = barGeometry(value, domain, plotLeft, plotWidth);
      parts.push(
        `<rect x="${bar.x}" y="${by}" width="${Math.max(bar.width, 0.5)}" height="${barHeight - 2}" fill="${SERIES_COLOURS[s % SERIES_COLOURS.length]}"/>`,
      );
      const after = value < 0 ? bar.x - 4 : bar.x + bar.width + 4;
      parts.push(
        `<text x="${round1(after)}" y="${by + barHeight - 4}" text-anchor="${value < 0 ? 'end' : 'start'}" fill="${INK}">${escapeXml(input.format(value))}</text>`,
      );
    });
  });
  const axisY = top + rowHeight * input.rows.length;
  parts.push(`<line x1="${zero.x}" y1="${top}" x2="${zero.x}" y2="${axisY}" stroke="${GRID}"/>`);
  parts.push(`<line x1="${plotLeft}" y1="${axisY}" x2="${plotLeft + plotWidth}" y2="${axisY}" stroke="${GRID}"/>`);
  parts.push(`<text x="${plotLeft}" y="${axisY + 16}" fill="#555">${escapeXml(input.format(domain[0]))}</text>`);
  parts.push(`<text x="${plotLeft + plotWidth}" y="${axisY + 16}" text-anchor="end" fill="#555">${escapeXml(input.format(domain[1]))}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

export interface DiagramNode {
  id: string;
  label: string;
  /** Index into `columns`. */
  column: number;
  emphasis?: 'root' | 'risk';
}

export interface DiagramInput {
  title: string;
  /** Column headings, left to right (e.g. Capability, Technology, …, Country). */
  columns: string[];
  /** Drawn top to bottom in each column in the order given. */
  nodes: DiagramNode[];
  edges: { from: string; to: string }[];
  width?: number;
}

export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const BOX = { height: 30, gap: 8, header: 28 } as const;

/** A label on at most two lines of `max` characters, broken between words; the rest is cut with an ellipsis. */
export function twoLines(label: string, max: number): [string] | [string, string] {
  if (label.length <= max) return [label];
  const words = label.split(/\s+/);
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= max) first = `${first} ${words.shift()}`.trim();
  if (!first) return [clip(label, max)];
  return [first, clip(words.join(' '), max)];
}

/** Where each node's box goes: columns evenly across the width, boxes stacked from the top of their column. */
export function diagramLayout(input: DiagramInput): { boxes: Map<string, NodeBox>; width: number; height: number } {
  const width = input.width ?? 760;
  const columns = Math.max(1, input.columns.length);
  const pitch = width / columns;
  const boxWidth = Math.floor(pitch - 22);
  const filled = new Array<number>(columns).fill(0);
  const boxes = new Map<string, NodeBox>();
  for (const node of input.nodes) {
    if (boxes.has(node.id)) continue;
    const column = Math.min(columns - 1, Math.max(0, node.column));
    const row = filled[column]!++;
    boxes.set(node.id, { id: node.id, x: round1(column * pitch + 11), y: BOX.header + row * (BOX.height + BOX.gap), width: boxWidth, height: BOX.height });
  }
  const rows = Math.max(1, ...filled);
  return { boxes, width, height: BOX.header + rows * (BOX.height + BOX.gap) + 4 };
}

export function dependencyDiagram(input: DiagramInput): string {
  const { boxes, width, height } = diagramLayout(input);
  const pitch = width / Math.max(1, input.columns.length);
  const charWidth = 5.4;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(input.title)}" font-family="Helvetica, Arial, sans-serif" font-size="10">`,
    `<title>${escapeXml(input.title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#777"/></marker></defs>',
  ];
  input.columns.forEach((heading, i) => {
    parts.push(`<text x="${round1(i * pitch + pitch / 2)}" y="16" text-anchor="middle" font-weight="bold" fill="${INK}">${escapeXml(heading)}</text>`);
  });
  for (const edge of input.edges) {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!a || !b) continue;
    const ay = a.y + a.height / 2;
    const by = b.y + b.height / 2;
    if (b.x > a.x) {
      const x1 = a.x + a.width;
      const x2 = b.x;
      const mid = round1((x1 + x2) / 2);
      parts.push(`<path d="M${x1},${ay} C${mid},${ay} ${mid},${by} ${x2},${by}" fill="none" stroke="#777" marker-end="url(#arrow)"/>`);
    } else {
      // Same column (a technology on a technology, a component on a component): a loop on the left side.
      const x = Math.min(a.x, b.x);
      parts.push(`<path d="M${x},${ay} C${x - 10},${ay} ${x - 10},${by} ${x},${by}" fill="none" stroke="#777" marker-end="url(#arrow)"/>`);
    }
  }
  const nodes = new Map(input.nodes.map((n) => [n.id, n]));
  for (const box of boxes.values()) {
    const node = nodes.get(box.id)!;
    const fill = node.emphasis === 'risk' ? '#fbe3e2' : node.emphasis === 'root' ? '#dce6f2' : '#ffffff';
    const stroke = node.emphasis === 'risk' ? '#c0504d' : node.emphasis === 'root' ? '#1f4e79' : '#555';
    const lines = twoLines(node.label, Math.max(4, Math.floor((box.width - 8) / charWidth)));
    const text =
      lines.length === 1
        ? `<text x="${round1(box.x + 4)}" y="${box.y + 19}" fill="${INK}">${escapeXml(lines[0])}</text>`
        : `<text x="${round1(box.x + 4)}" y="${box.y + 13}" fill="${INK}">${escapeXml(lines[0])}<tspan x="${round1(box.x + 4)}" dy="12">${escapeXml(lines[1])}</tspan></text>`;
    parts.push(
      `<g><title>${escapeXml(node.label)}</title><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="${node.emphasis ? 1.6 : 1}"/>`,
      `${text}</g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

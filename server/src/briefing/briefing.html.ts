// The briefing page: one self-contained HTML document (inline CSS and SVG, no script, nothing fetched), laid out for
// the screen and for A4 print, so the PDF is this same page printed by Chromium. Pure: a Briefing in, a string out.
// Sources are numbered in the order they are first cited ([n] markers) and listed, numbered, at the end.
import type { AnalystNote, Block, Briefing, Cell, Cited, Section, SourceInfo } from './briefing.model.js';
import { escapeXml as esc } from './figures.js';

/** Numbers sources on first citation. */
export class Citations {
  readonly order: string[] = [];
  private readonly number = new Map<string, number>();

  cite(ids: Cited | undefined): string {
    if (!ids || ids.length === 0) return '';
    const numbers = [...new Set(ids)].map((id) => {
      let n = this.number.get(id);
      if (n === undefined) {
        this.order.push(id);
        n = this.order.length;
        this.number.set(id, n);
      }
      return n;
    });
    return `<span class="cite">${numbers
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('')}</span>`;
  }
}

export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #f3f4f6; margin: 0; }
.page { max-width: 880px; margin: 0 auto; background: #fff; padding: 28px 40px 40px; }
.toolbar { max-width: 880px; margin: 0 auto; padding: 10px 40px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
.toolbar a { color: #1f4e79; font-weight: 600; }
.toolbar .hint { color: #555; font-size: 12px; }
header.brief { border-bottom: 3px solid #1f4e79; padding-bottom: 10px; margin-bottom: 18px; }
.eyebrow { text-transform: uppercase; letter-spacing: .06em; font-size: 11px; color: #1f4e79; font-weight: 700; margin: 0; }
h1 { font-size: 26px; margin: 4px 0 4px; line-height: 1.2; }
.subtitle { margin: 0; color: #333; }
.dated { margin: 6px 0 0; color: #555; font-size: 12px; }
h2 { font-size: 18px; color: #1f4e79; border-bottom: 1px solid #c8d3e0; padding-bottom: 3px; margin: 26px 0 10px; break-after: avoid; }
p { margin: 6px 0 10px; }
.cite { font-size: 10px; color: #1f4e79; vertical-align: super; line-height: 0; margin-left: 1px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 6px 0 12px; }
dl.facts dt { font-weight: 600; color: #333; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 2px 0 6px; color: #333; }
th, td { border-bottom: 1px solid #d9dee5; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num .cite { white-space: normal; word-break: break-all; } /* a long run of [n] markers wraps instead of widening the table past the page */
td.risk { color: #9c2b27; font-weight: 600; }
td.good { color: #2f6b25; }
td.muted, .muted { color: #666; font-style: italic; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.omitted, .empty { color: #555; font-style: italic; font-size: 12.5px; margin: 4px 0 10px; }
figure { margin: 10px 0 14px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #444; margin-top: 4px; }
ul.items { margin: 4px 0 10px; padding-left: 20px; }
.note { border-left: 3px solid #8064a2; padding: 4px 10px; margin: 8px 0; break-inside: avoid; background: #faf8fc; }
.note .meta { font-size: 11.5px; color: #555; margin: 0 0 2px; }
.note p { margin: 2px 0; white-space: pre-wrap; }
ol.sources { padding-left: 26px; font-size: 12px; }
ol.sources li { margin: 3px 0; break-inside: avoid; overflow-wrap: anywhere; }
.missing { color: #9c2b27; }
footer.method { margin-top: 26px; font-size: 11.5px; color: #555; border-top: 1px solid #d9dee5; padding-top: 8px; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .screen-only { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h1 { font-size: 20pt; }
}
@media (max-width: 720px) { .page { padding: 18px; } dl.facts { grid-template-columns: 1fr; } }
`;

function cellHtml(cell: Cell, numeric: boolean, c: Citations): string {
  const classes = [numeric ? 'num' : '', cell.tone ?? ''].filter(Boolean).join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}>${esc(cell.text)}${c.cite(cell.sources)}</td>`;
}

function noteHtml(note: AnalystNote): string {
  const meta = [note.author, note.date, `on ${note.about}`, note.rating, note.tags.length ? `tags: ${note.tags.join(', ')}` : null].filter(Boolean).join(' · ');
  const refs = note.references.length ? `<p class="meta">References: ${note.references.map(esc).join('; ')}</p>` : '';
  return `<div class="note"><p class="meta">${esc(meta)}</p><p>${esc(note.text)}</p>${refs}</div>`;
}

function blockHtml(block: Block, c: Citations): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${esc(block.text)}${c.cite(block.sources)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}${c.cite(f.sources)}</dd>`).join('')}</dl>`;
    case 'table': {
      if (block.rows.length === 0) return `<p class="empty"><strong>${esc(block.caption)}:</strong> ${esc(block.empty)}</p>`;
      const numeric = new Set(block.numeric ?? []);
      const head = block.columns.map((col, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${esc(col)}</th>`).join('');
      const body = block.rows.map((row) => `<tr>${row.map((cell, i) => cellHtml(cell, numeric.has(i), c)).join('')}</tr>`).join('');
      const omitted = block.omitted ? `<p class="omitted">${block.omitted} more not shown.</p>` : '';
      return `<table><caption>${esc(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${omitted}`;
    }
    case 'figure':
      // The SVG comes from figures.ts, which escapes every text it draws.
      return `<figure>${block.svg}<figcaption>${esc(block.caption)}${c.cite(block.sources)}</figcaption></figure>`;
    case 'list':
      if (block.items.length === 0) return `<p class="empty">${esc(block.empty)}</p>`;
      return `<ul class="items">${block.items.map((i) => `<li>${esc(i.text)}${c.cite(i.sources)}</li>`).join('')}</ul>`;
    case 'notes':
      if (block.notes.length === 0) return `<p class="empty">${esc(block.empty)}</p>`;
      return block.notes.map(noteHtml).join('');
  }
}

function sectionHtml(section: Section, c: Citations): string {
  return `<section id="${esc(section.id)}"><h2>${esc(section.title)}</h2>${section.blocks.map((b) => blockHtml(b, c)).join('')}</section>`;
}

function sourceHtml(id: string, info: SourceInfo | undefined): string {
  if (!info) return `<li id="src-${esc(id)}"><span class="missing">${esc(id)} — this source is no longer on the map.</span></li>`;
  const parts = [esc(info.title), info.publisher ? esc(info.publisher) : null, info.year ? String(info.year) : null].filter(Boolean).join('. ');
  const url = info.url ? ` <a href="${esc(info.url)}">${esc(info.url)}</a>` : '';
  return `<li id="src-${esc(id)}">${parts}.${url} <span class="muted">(${esc(id)})</span></li>`;
}

/** The PDF address of a briefing: the same path with .pdf. */
export function briefingPath(kind: string, id: string, format: 'html' | 'pdf'): string {
  return `/briefs/${encodeURIComponent(kind)}/${id.split(',').map(encodeURIComponent).join(',')}.${format}`;
}

export function renderBriefing(b: Briefing): string {
  const c = new Citations();
  const sections = b.sections.map((s) => sectionHtml(s, c)).join('');
  const sources = c.order.length
    ? `<ol class="sources">${c.order.map((id) => sourceHtml(id, b.sources.get(id))).join('')}</ol>`
    : '<p class="empty">No figure shown here cites a source.</p>';
  const kindLabel = { capability: 'Capability briefing', technology: 'Technology briefing', scenario: 'Scenario briefing', comparison: 'Scenario comparison' }[
    b.kind
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(b.title)} — ${kindLabel} — Foresight Atlas</title><style>${STYLE}</style></head>
<body>
<nav class="toolbar screen-only" aria-label="Briefing"><a href="${esc(b.view.href)}">← Back to ${esc(b.view.label)}</a>
<a href="${esc(briefingPath(b.kind, b.id, 'pdf'))}" download>Download PDF</a><span class="hint">The PDF is printed by headless Chromium on the server; it takes a few seconds.</span></nav>
<main class="page">
<header class="brief"><p class="eyebrow">Foresight Atlas · ${kindLabel}</p><h1>${esc(b.title)}</h1><p class="subtitle">${esc(b.subtitle)}</p>
<p class="dated">Generated ${esc(formatDate(b.generatedAt))} from the current map. Numbers in brackets cite the sources listed at the end.</p></header>
${sections}
<section id="sources"><h2>Sources</h2>${sources}</section>
<footer class="method">Figures are computed by the Foresight Atlas from the map as it stood when this briefing was generated: availability and single
points of failure as in docs/dependency-analysis.md, scenario impact as in docs/scenarios.md. Unknown values are shown as unknown, never as zero.</footer>
</main></body></html>`;
}

/** A short page for a briefing that cannot be made (unknown id, unknown kind, not signed in, no Chromium). */
export function renderProblemPage(p: { status: number; title: string; message: string; back: { href: string; label: string } }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} — Foresight Atlas</title><style>${STYLE}</style></head>
<body><main class="page"><header class="brief"><p class="eyebrow">Foresight Atlas · Briefings · ${p.status}</p><h1>${esc(p.title)}</h1></header>
<p>${esc(p.message)}</p><p><a href="${esc(p.back.href)}">← ${esc(p.back.label)}</a></p></main></body></html>`;
}

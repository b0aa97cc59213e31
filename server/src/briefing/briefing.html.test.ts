import { describe, expect, it } from 'vitest';
import { briefingPath, Citations, renderBriefing, renderProblemPage } from './briefing.html.js';
import type { Briefing } from './briefing.model.js';

const briefing = (): Briefing => ({
  kind: 'capability',
  id: 'cap:border-surveillance',
  title: 'Border surveillance',
  subtitle: 'What it depends on.',
  generatedAt: new Date('2026-12-02T06:30:00Z'),
  view: { href: '/?view=dependencies&focus=cap:border-surveillance', label: 'Dependencies' },
  sections: [
    {
      id: 'single-points',
      title: 'Single points of failure',
      blocks: [
        { type: 'paragraph', text: 'Two <points>.', sources: ['src:b'] },
        {
          type: 'table',
          caption: 'Points',
          columns: ['Node', 'Share'],
          numeric: [1],
          rows: [
            [
              { text: 'Gallium', tone: 'risk' },
              { text: '98%', sources: ['src:a', 'src:b'] },
            ],
          ],
          empty: 'None.',
          omitted: 2,
        },
        { type: 'table', caption: 'Countries', columns: ['Country'], rows: [], empty: 'No country is mapped.' },
        {
          type: 'notes',
          notes: [{ text: 'Watch gallium.', author: 'Ana', date: '2026-11-30', about: 'Gallium', rating: 'impact 4/5', tags: ['supply'], references: [] }],
          empty: '',
        },
        { type: 'list', items: [{ text: 'Gone', sources: ['src:gone'] }], empty: '' },
      ],
    },
  ],
  sources: new Map([
    ['src:a', { id: 'src:a', title: 'USGS Gallium 2024', publisher: 'USGS', year: 2024, url: 'https://usgs.gov/ga' }],
    ['src:b', { id: 'src:b', title: 'CRM Study', publisher: null, year: 2023, url: null }],
  ]),
});

describe('citations', () => {
  it('numbers sources in the order they are first cited and reuses numbers', () => {
    const c = new Citations();
    expect(c.cite(['src:x'])).toContain('[1]');
    expect(c.cite(['src:y', 'src:x'])).toContain('[1][2]');
    expect(c.cite(['src:x', 'src:x'])).toBe('<span class="cite">[1]</span>');
    expect(c.cite([])).toBe('');
    expect(c.order).toEqual(['src:x', 'src:y']);
  });
});

describe('briefing page', () => {
  it('is dated, escapes text, cites with [n] and lists the sources in citation order', () => {
    const html = renderBriefing(briefing());
    expect(html).toContain('<h1>Border surveillance</h1>');
    expect(html).toContain('Generated 2026-12-02 06:30 UTC');
    expect(html).toContain('Two &lt;points&gt;.<span class="cite">[1]</span>');
    // src:b was cited first (the paragraph), so it is [1] and src:a is [2].
    expect(html).toContain('98%<span class="cite">[1][2]</span>');
    const list = html.slice(html.indexOf('<ol class="sources">'));
    expect(list.indexOf('CRM Study')).toBeLessThan(list.indexOf('USGS Gallium 2024'));
    expect(list).toContain('<a href="https://usgs.gov/ga">');
    expect(list).toContain('src:gone — this source is no longer on the map.');
    expect(html).toContain('<td class="risk">Gallium</td>');
    expect(html).toContain('<td class="num">98%');
    expect(html).toContain('2 more not shown.');
    expect(html).toContain('<strong>Countries:</strong> No country is mapped.');
    expect(html).toContain('Watch gallium.');
    expect(html).toContain('Ana · 2026-11-30 · on Gallium · impact 4/5 · tags: supply');
    expect(html).toContain('href="/briefs/capability/cap%3Aborder-surveillance.pdf"');
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toContain('<script');
  });

  it('says when nothing is cited', () => {
    const b = briefing();
    b.sections = [];
    expect(renderBriefing(b)).toContain('No figure shown here cites a source.');
  });

  it('problem pages say what went wrong and link back', () => {
    const html = renderProblemPage({
      status: 404,
      title: 'No capability “cap:x”',
      message: 'Pick it <again>.',
      back: { href: '/?view=dependencies', label: 'Back to Dependencies' },
    });
    expect(html).toContain('<h1>No capability “cap:x”</h1>');
    expect(html).toContain('Pick it &lt;again&gt;.');
    expect(html).toContain('<a href="/?view=dependencies">← Back to Dependencies</a>');
  });
});

describe('briefing addresses', () => {
  it('encode each id and keep the commas of a comparison', () => {
    expect(briefingPath('comparison', 'scn:a,scn:b', 'pdf')).toBe('/briefs/comparison/scn%3Aa,scn%3Ab.pdf');
  });
});

// The overview of large maps: when it starts and ends as the zoom changes, and what it draws.
import { describe, expect, it } from 'vitest';
import { OVERVIEW_BELOW_ZOOM, OVERVIEW_UNTIL_ZOOM, overviewAt } from '../../web/src/lib/graph/level-of-detail';
import { buildStylesheet } from '../../web/src/lib/graph/styles';

describe('level of detail', () => {
  it('starts below 0.5 and ends only above 0.6, so a zoom around the threshold does not restyle every frame', () => {
    expect([OVERVIEW_BELOW_ZOOM, OVERVIEW_UNTIL_ZOOM]).toEqual([0.5, 0.6]);
    expect(overviewAt(0.49, false)).toBe(true);
    expect(overviewAt(0.5, false)).toBe(false);
    expect(overviewAt(0.55, true)).toBe(true);
    expect(overviewAt(0.6, true)).toBe(true);
    expect(overviewAt(0.61, true)).toBe(false);
    expect(overviewAt(1, false)).toBe(false);
  });

  it('draws the overview without names or links, except the border of the selection and the links around it', () => {
    type Rule = { selector: string; style: Record<string, unknown> };
    const sheet = (options: Parameters<typeof buildStylesheet>[0]) => buildStylesheet(options) as unknown as Rule[];
    const rule = (rules: Rule[], selector: string) => rules.filter((r) => r.selector === selector).at(-1)?.style;
    const overview = sheet({ large: true, overview: true });
    expect(rule(overview, 'node')).toMatchObject({ label: '', 'border-width': 0 });
    expect(rule(overview, 'edge')).toMatchObject({ display: 'none' });
    expect(rule(overview, 'edge.near-selection, edge.on-path')).toMatchObject({ display: 'element' });
    expect(rule(overview, 'node.chosen')).toMatchObject({ 'border-width': 4 });
    // Zoomed in (and on every map that is not large) nothing of the overview applies.
    for (const rules of [sheet({ large: true }), sheet({})]) expect(rules.some((r) => r.selector === 'edge' && r.style.display === 'none')).toBe(false);
  });
});

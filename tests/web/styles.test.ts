// The stylesheet's performance-relevant choices (web/src/lib/graph/styles.ts): Cytoscape measures every label it
// is given, so edge labels exist only around the selection; a large map drops ellipsis and curved edges.
import { describe, expect, it } from 'vitest';
import { buildStylesheet } from '../../web/src/lib/graph/styles';

type Rule = { selector: string; style: Record<string, unknown> };
const rules = (large: boolean) => buildStylesheet({ large }) as unknown as Rule[];
/** The value a property ends up with for a selector, later rules winning (as in Cytoscape). */
const last = (rs: Rule[], selector: string, prop: string) => rs.filter((r) => r.selector === selector && prop in r.style).at(-1)?.style[prop];

describe('buildStylesheet', () => {
  it('gives edges a label only around the selection', () => {
    for (const large of [false, true]) {
      const rs = rules(large);
      expect(last(rs, 'edge', 'label')).toBeUndefined();
      expect(last(rs, 'edge.near-selection', 'label')).toBe('data(label)');
    }
  });

  it('draws a large map with cheap edges and unwrapped labels, keeping the selection directed', () => {
    const small = rules(false);
    const large = rules(true);
    expect(last(small, 'edge', 'curve-style')).toBe('bezier');
    expect(last(large, 'edge', 'curve-style')).toBe('haystack');
    expect(last(large, 'edge.near-selection', 'curve-style')).toBe('straight');
    expect(last(small, 'node', 'text-wrap')).toBe('ellipsis');
    expect(last(large, 'node', 'text-wrap')).toBe('none');
    // Boxed names are broken into lines by layered.ts: unwrapped they would run past their boxes.
    expect(last(large, 'node.boxed', 'text-wrap')).toBe('wrap');
  });
});

// Unit tests of the pure parts of the web app: API entities/links → Cytoscape elements, and the URL state codec.
import { describe, expect, it } from 'vitest';
import {
  countByKind,
  entityToNode,
  hiddenElementIds,
  linksOnMap,
  linkToEdge,
  mergeElements,
  neighbourhoodToElements,
  type MapElement,
} from '../../web/src/lib/graph/elements';
import { KIND_STYLES, buildStylesheet, kindStyle } from '../../web/src/lib/graph/styles';
import { ENTITY_KINDS, type MapLink, type Neighbourhood } from '../../web/src/lib/graphql/types';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../../web/src/lib/state/url-codec';

const facial = { id: 'tech:facial-recognition', name: 'Facial recognition', kind: 'Technology' as const };
const border = { id: 'cap:border-surveillance', name: 'Border surveillance', kind: 'Capability' as const };
const chip = { id: 'comp:gpu', name: 'GPU', kind: 'Component' as const };

function link(from: string, type: string, to: string): MapLink {
  return { id: `${from}|${type}|${to}`, type, from, to, attributes: [{ key: 'strength', value: '0.9' }] };
}

const neighbourhood: Neighbourhood = {
  centre: facial,
  entities: [facial, border, chip],
  links: [link(facial.id, 'ENABLES', border.id), link(facial.id, 'DEPENDS_ON', chip.id)],
  truncated: false,
};

describe('elements', () => {
  it('maps an entity to a node with its name as label and its kind', () => {
    expect(entityToNode(border)).toEqual({ group: 'nodes', data: { id: border.id, label: 'Border surveillance', kind: 'Capability' } });
    expect(entityToNode(facial, { centre: true }).classes).toBe('centre');
  });

  it('maps a link to an edge from → to with a plain-words label', () => {
    expect(linkToEdge(link(facial.id, 'DEPENDS_ON', chip.id))).toEqual({
      group: 'edges',
      data: { id: 'tech:facial-recognition|DEPENDS_ON|comp:gpu', source: facial.id, target: chip.id, type: 'DEPENDS_ON', label: 'depends on' },
    });
    expect(linkToEdge(link('a', 'FUNDED_BY', 'b')).data.label).toBe('funded by');
  });

  it('lists each entity once, nodes before edges, and marks only the centre', () => {
    const elements = neighbourhoodToElements(neighbourhood);
    expect(elements.map((e) => e.data.id)).toEqual([facial.id, border.id, chip.id, neighbourhood.links[0]!.id, neighbourhood.links[1]!.id]);
    expect(elements.filter((e) => e.group === 'nodes' && e.classes === 'centre').map((e) => e.data.id)).toEqual([facial.id]);
  });

  it('drops links whose other end was cut off by the limit', () => {
    const cut = { ...neighbourhood, entities: [facial, border], links: [...neighbourhood.links], truncated: true };
    const ids = neighbourhoodToElements(cut).map((e) => e.data.id);
    expect(ids).toContain(neighbourhood.links[0]!.id);
    expect(ids).not.toContain(neighbourhood.links[1]!.id);
  });

  it('merges new entities and links without duplicates and keeps the first centre', () => {
    const first = neighbourhoodToElements({ centre: facial, entities: [facial, border], links: [neighbourhood.links[0]!], truncated: false });
    const expansion = neighbourhoodToElements({
      centre: border,
      entities: [border, facial, chip],
      links: [neighbourhood.links[0]!, link(chip.id, 'ENABLES', border.id)],
      truncated: false,
    });
    const { elements, added } = mergeElements(first, expansion);
    expect(added.map((e) => e.data.id)).toEqual([chip.id, `${chip.id}|ENABLES|${border.id}`]);
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(3);
    // The entity that was the centre stays the only centre; the expanded one is not re-marked.
    expect(elements.find((e) => e.data.id === facial.id)).toMatchObject({ classes: 'centre' });
    expect(elements.find((e) => e.data.id === border.id)).not.toHaveProperty('classes');
    // Nodes still come before edges.
    const firstEdge = elements.findIndex((e) => e.group === 'edges');
    expect(elements.slice(firstEdge).every((e) => e.group === 'edges')).toBe(true);
  });

  it('returns the same array when an expansion adds nothing', () => {
    const elements = neighbourhoodToElements(neighbourhood);
    const merged = mergeElements(elements, neighbourhoodToElements(neighbourhood));
    expect(merged.elements).toBe(elements);
    expect(merged.added).toEqual([]);
  });

  it('counts entities per kind', () => {
    expect([...countByKind(neighbourhoodToElements(neighbourhood))]).toEqual([
      ['Technology', 1],
      ['Capability', 1],
      ['Component', 1],
    ]);
  });

  it('describes an entity’s links on the map in both directions', () => {
    const elements = neighbourhoodToElements(neighbourhood);
    expect(linksOnMap(elements, border.id)).toEqual([
      { direction: 'in', type: 'ENABLES', label: 'enables', other: { id: facial.id, label: 'Facial recognition', kind: 'Technology' } },
    ]);
    expect(linksOnMap(elements, facial.id).map((l) => [l.direction, l.other.label])).toEqual([
      ['out', 'Border surveillance'],
      ['out', 'GPU'],
    ]);
  });

  it('hides the entities of filtered kinds and the links touching them', () => {
    const elements: MapElement[] = neighbourhoodToElements(neighbourhood);
    expect([...hiddenElementIds(elements, new Set(['Component']))].sort()).toEqual([chip.id, neighbourhood.links[1]!.id].sort());
    expect(hiddenElementIds(elements, new Set()).size).toBe(0);
  });
});

describe('styles', () => {
  it('gives every kind of the schema a distinct colour and a distinct shape', () => {
    const styles = ENTITY_KINDS.map((k) => KIND_STYLES[k]);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(ENTITY_KINDS.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(ENTITY_KINDS.length);
  });

  it('styles each kind in the Cytoscape stylesheet and tolerates an unknown kind', () => {
    const selectors = buildStylesheet().map((b) => b.selector);
    for (const kind of ENTITY_KINDS) expect(selectors).toContain(`node[kind = "${kind}"]`);
    expect(kindStyle('Hypothesis').label).toBe('Hypothesis');
  });
});

describe('URL state', () => {
  it('reads every parameter', () => {
    expect(parseUrlState('?view=explorer&focus=tech:facial-recognition&depth=2&kinds=Capability,Technology&q=facial+rec')).toEqual({
      view: 'explorer',
      focus: 'tech:facial-recognition',
      depth: 2,
      // In the schema's order, whatever the link's order.
      kinds: ['Technology', 'Capability'],
      q: 'facial rec',
    });
  });

  it('falls back to defaults for missing or malformed values', () => {
    expect(parseUrlState('')).toEqual(DEFAULT_STATE);
    expect(parseUrlState('?depth=9').depth).toBe(3);
    expect(parseUrlState('?depth=0').depth).toBe(1);
    expect(parseUrlState('?depth=two').depth).toBe(1);
    expect(parseUrlState('?view=<script>').view).toBe('explorer');
    expect(parseUrlState('?focus=%20%20').focus).toBeNull();
    expect(parseUrlState('?kinds=Technology,Unicorn,Technology').kinds).toEqual(['Technology']);
    // Every kind listed is the same as no filter.
    expect(parseUrlState(`?kinds=${ENTITY_KINDS.join(',')}`).kinds).toBeNull();
    // An empty list is a filter that hides every kind.
    expect(parseUrlState('?kinds=').kinds).toEqual([]);
  });

  it('writes short, readable links that omit defaults', () => {
    expect(formatUrlState(DEFAULT_STATE)).toBe('');
    expect(formatUrlState({ ...DEFAULT_STATE, focus: 'tech:facial-recognition', q: 'facial rec & co' })).toBe(
      '?focus=tech:facial-recognition&q=facial+rec+%26+co',
    );
    expect(formatUrlState({ ...DEFAULT_STATE, view: 'signals', depth: 3, kinds: ['Technology', 'Signal'] })).toBe(
      '?view=signals&depth=3&kinds=Technology,Signal',
    );
  });

  it('reads back what it writes', () => {
    const state = {
      view: 'dependencies',
      focus: 'mat:gallium',
      depth: 2 as const,
      kinds: ['Material' as const, 'Supplier' as const],
      q: 'gallium, “arsenide”',
    };
    expect(parseUrlState(formatUrlState(state))).toEqual(state);
  });
});

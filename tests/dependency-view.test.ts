// The dependency view's pure logic (web/src/views/Dependencies/dependency-view.ts) on a small hand-made answer.
import { describe, expect, it } from 'vitest';
import type { DependencyViewData } from '../web/src/views/Dependencies/dependencies.types';
import { bandOf, buildElements, buildRows, rowsToCsv, sortRows, visibleIds } from '../web/src/views/Dependencies/dependency-view';

const node = (id: string, kind: any, level: number, name = id) => ({
  id,
  kind,
  name,
  level,
  trl: null,
  eu: null,
  iso2: null,
  criticalRawMaterial: kind === 'Material' ? true : null,
});
const edge = (type: string, from: string, to: string) => ({
  id: `${from}|${type}|${to}`,
  type,
  from,
  to,
  strength: null,
  criticality: null,
  substitutability: null,
  share: null,
  year: null,
  basis: null,
  rationale: null,
  sources: [],
});
const item = (id: string, score: number, extra: Record<string, unknown> = {}) => ({
  node: { id },
  score,
  capabilityCount: 1,
  capabilities: [],
  hhi: null,
  euShare: null,
  nonEuShare: null,
  unknownOriginShare: null,
  substitutability: null,
  hasSubstitute: false,
  trl: null,
  unknownSupply: false,
  components: [],
  suppliers: [],
  ...extra,
});

// cap ◀ tech → comp → mat → sup (CN);  tech → other (a harmless component with an EU supplier)
const data: DependencyViewData = {
  dependencyTree: {
    root: node('cap:a', 'Capability', 0, 'Capability A'),
    nodes: [
      node('cap:a', 'Capability', 0, 'Capability A'),
      node('tech:t', 'Technology', 1, 'Tech'),
      node('comp:c', 'Component', 2, 'Chip'),
      node('comp:other', 'Component', 2, 'Other, "safe" part'),
      node('mat:m', 'Material', 3, '=Gallium'),
      node('sup:s', 'Supplier', 4, 'Supplier'),
      node('country:cn', 'Country', 5, 'China'),
    ],
    edges: [
      edge('ENABLES', 'tech:t', 'cap:a'),
      edge('DEPENDS_ON', 'tech:t', 'comp:c'),
      edge('DEPENDS_ON', 'tech:t', 'comp:other'),
      edge('DEPENDS_ON', 'comp:c', 'mat:m'),
      edge('SUPPLIED_BY', 'mat:m', 'sup:s'),
      edge('LOCATED_IN', 'sup:s', 'country:cn'),
    ],
    paths: [
      ['cap:a', 'tech:t'],
      ['cap:a', 'tech:t', 'comp:c'],
      ['cap:a', 'tech:t', 'comp:c', 'mat:m'],
      ['cap:a', 'tech:t', 'comp:c', 'mat:m', 'sup:s'],
      ['cap:a', 'tech:t', 'comp:c', 'mat:m', 'sup:s', 'country:cn'],
      ['cap:a', 'tech:t', 'comp:other'],
    ].map((nodeIds) => ({ nodeIds, cycle: false })),
    cycles: [],
    truncated: false,
  },
  criticalDependencies: {
    items: [
      item('tech:t', 0.5, { trl: 7 }),
      item('comp:c', 0.45, { unknownSupply: true }),
      item('comp:other', 0.2, { hhi: 0.5, nonEuShare: 0 }),
      item('mat:m', 0.8, { hhi: 1, nonEuShare: 1 }),
      item('sup:s', 0.7),
      item('country:cn', 0.7),
    ],
    totalCount: 6,
    pageInfo: { hasNextPage: false, endCursor: null },
  },
  singlePointsOfFailure: {
    status: 'AVAILABLE',
    enablers: [{ technology: { id: 'tech:t', name: 'Tech' }, status: 'AVAILABLE' }],
    points: [
      {
        node: { id: 'mat:m' },
        reason: 'Tech needs =Gallium, with no substitute mapped.',
        capabilityLost: true,
        unknownSupply: false,
        technologies: [{ id: 'tech:t', name: 'Tech' }],
      },
    ],
  },
};

describe('dependency view rows', () => {
  const rows = buildRows(data);
  it('has one row per node below the root, joined with its score and single-point status', () => {
    expect(rows.map((r) => r.id)).toEqual(['tech:t', 'comp:c', 'comp:other', 'mat:m', 'sup:s', 'country:cn']);
    expect(rows.find((r) => r.id === 'mat:m')).toMatchObject({ score: 0.8, spof: true, takesCapability: true, criticalRawMaterial: true });
  });

  it('sorts by any column, unknown values last in both directions', () => {
    expect(sortRows(rows, 'score', 'desc').map((r) => r.id)).toEqual(['mat:m', 'country:cn', 'sup:s', 'tech:t', 'comp:c', 'comp:other']);
    expect(
      sortRows(rows, 'hhi', 'asc')
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['comp:other', 'mat:m']);
    expect(
      sortRows(rows, 'hhi', 'desc')
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['mat:m', 'comp:other']);
    expect(sortRows(rows, 'spof', 'desc')[0]!.id).toBe('mat:m');
  });

  it('bands scores for colour', () => {
    expect([0.8, 0.75, 0.6, 0.59, 0.1].map((s) => bandOf(s).band)).toEqual(['critical', 'critical', 'high', 'medium', 'low']);
  });
});

describe('what is drawn', () => {
  const rows = buildRows(data);
  it('collapses below a level', () => {
    expect([...visibleIds(data, rows, { maxLevel: 2, onlyCritical: false })].sort()).toEqual(['cap:a', 'comp:c', 'comp:other', 'tech:t']);
  });

  it('shows only critical nodes and the paths to them', () => {
    // Critical: mat:m (0.8, SPOF), sup:s and country:cn (0.7); the path to them keeps tech:t and comp:c; comp:other goes.
    expect([...visibleIds(data, rows, { maxLevel: Infinity, onlyCritical: true })].sort()).toEqual([
      'cap:a',
      'comp:c',
      'country:cn',
      'mat:m',
      'sup:s',
      'tech:t',
    ]);
  });

  it('draws every edge downward, colours by band, badges the single point of failure, marks unknown supply', () => {
    const elements = buildElements(data, rows, visibleIds(data, rows, { maxLevel: Infinity, onlyCritical: false }));
    const byId = new Map(elements.map((e) => [e.data.id, e] as const));
    expect(byId.get('tech:t|ENABLES|cap:a')!.data).toMatchObject({ source: 'cap:a', target: 'tech:t', label: 'enabled by' });
    expect(byId.get('mat:m')).toMatchObject({ classes: 'boxed badged', data: { label: '⚠ =Gallium', fill: bandOf(0.8).colour } });
    expect(byId.get('cap:a')).toMatchObject({ classes: 'boxed centre' });
    expect(byId.get('comp:c')!.data).toMatchObject({ label: 'Chip (?)' });
    // Deepest item: the material at depth 3, so its supplier edge spans 1 layer; countries one below suppliers.
    expect(byId.get('mat:m|SUPPLIED_BY|sup:s')!.data).toMatchObject({ minLen: 1 });
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(7);
  });

  it('summarises a large tree: levels below 2 fold into a count, opened entities show what lies below', () => {
    const visible = visibleIds(data, rows, { maxLevel: Infinity, onlyCritical: false });
    const folded = buildElements(data, rows, visible, { group: true });
    // Shown: cap:a, tech:t (level 1), comp:c and comp:other (level 2); below comp:c: mat:m, sup:s, country:cn.
    expect(
      folded
        .filter((e) => e.group === 'nodes')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual(['cap:a', 'comp:c', 'comp:other', 'tech:t']);
    const chip = folded.find((e) => e.data.id === 'comp:c')!;
    expect(chip.data.label).toBe('Chip (?) +3 ▸');
    expect((chip as { classes?: string }).classes).toContain('group');

    // Opening the chip and the material shows the material and folds its supplier into China.
    const opened = buildElements(data, rows, visible, { group: true, expanded: new Set(['comp:c', 'mat:m']) });
    const ids = opened.map((e) => e.data.id);
    expect(ids).toContain('mat:m');
    expect(ids).not.toContain('sup:s');
    expect(opened.find((e) => e.data.id === 'country:cn')!.data.label).toBe('China · 1 supplier ▸');
    // The supply link goes straight to the country; material at column 3, countries in column 4.
    expect(opened.find((e) => e.data.id === 'mat:m|SUPPLIED_FROM|country:cn')!.data).toMatchObject({ source: 'mat:m', target: 'country:cn', minLen: 1 });

    // Opening China as well shows its supplier again, between the material and the country.
    const all = buildElements(data, rows, visible, { group: true, expanded: new Set(['comp:c', 'mat:m', 'country:cn']) });
    expect(all.map((e) => e.data.id)).toEqual(expect.arrayContaining(['sup:s', 'mat:m|SUPPLIED_BY|sup:s', 'sup:s|LOCATED_IN|country:cn']));
    expect(all.find((e) => e.data.id === 'country:cn')!.data.label).toBe('China ▾');

    // Choosing the supplier (in the table) opens the way to it: chip, material and its country.
    const revealed = buildElements(data, rows, visible, { group: true, reveal: 'sup:s' });
    expect(
      revealed
        .filter((e) => e.group === 'nodes')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual(['cap:a', 'comp:c', 'comp:other', 'country:cn', 'mat:m', 'sup:s', 'tech:t']);
  });
});

describe('CSV export', () => {
  it('writes a header and one line per row, quoting commas and quotes and defusing formulas', () => {
    const csv = rowsToCsv(sortRows(buildRows(data), 'score', 'desc'));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'rank,id,name,kind,level,score,single point of failure,takes the capability,capabilities,HHI,non-EU share,EU ' +
        'share,unknown origin share,substitutability,TRL,unknown supply,critical raw material,reason',
    );
    expect(lines[1]).toBe('1,mat:m,\'=Gallium,Material,3,0.8,true,true,1,1,1,,,,,false,true,"Tech needs =Gallium, with no substitute mapped."');
    expect(lines.find((l) => l.includes('comp:other'))).toContain('"Other, ""safe"" part"');
    expect(lines).toHaveLength(8); // header, 6 rows, trailing empty
  });
});

// The documents of dependencies.operations.ts are validated against schema.graphql by tests/web-operations.test.ts.

describe('supply flows', () => {
  it('weights each complete chain by strength × criticality × share and adds it to every link on the way', async () => {
    const { supplyFlows } = await import('../web/src/views/Dependencies/supply-flow');
    const weighted: DependencyViewData = {
      ...data,
      dependencyTree: {
        ...data.dependencyTree,
        edges: data.dependencyTree.edges.map((e) =>
          e.type === 'ENABLES'
            ? { ...e, strength: 0.5 }
            : e.id === 'comp:c|DEPENDS_ON|mat:m'
              ? { ...e, criticality: 0.8 }
              : e.type === 'SUPPLIED_BY'
                ? { ...e, share: 0.5 }
                : e,
        ),
      },
    };
    const all = visibleIds(weighted, rows(weighted), { maxLevel: Infinity, onlyCritical: false });
    const { nodes, links } = supplyFlows(weighted, all);
    const value = (s: string, t: string) => links.find((l) => l.source === s && l.target === t)?.value;
    // Chain to China: 0.5 (enables) × 1 (tech→chip, unknown) × 0.8 × 0.5 (share) × 1 = 0.2; chain to the other
    // part: 0.5 × 1 = 0.5. The technology carries both: 0.7.
    expect(value('country:cn', 'sup:s')).toBe(0.2);
    expect(value('mat:m', 'comp:c')).toBe(0.2);
    expect(value('comp:other', 'tech:t')).toBe(0.5);
    expect(value('tech:t', 'cap:a')).toBe(0.7);
    expect(links).toHaveLength(6);
    expect(nodes.map((n) => n.id).sort()).toEqual(['cap:a', 'comp:c', 'comp:other', 'country:cn', 'mat:m', 'sup:s', 'tech:t']);
  });
});

function rows(d: DependencyViewData) {
  return buildRows(d);
}

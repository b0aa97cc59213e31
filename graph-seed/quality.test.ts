import { describe, expect, it } from 'vitest';
import { smallSeed } from '../tests/fixtures/small-seed.js';
import { readSeedDir, SEED_DIR } from './index.js';
import { checkSeedQuality } from './quality.js';

const group = (data: ReturnType<typeof smallSeed>, kind: string) =>
  [...data.nodes, ...data.links].find((g) => ('kind' in g ? g.kind : g.type) === kind)!.records;

describe('checkSeedQuality on hand-made graphs', () => {
  it('finds nothing in a clean small seed but tech:b, which enables nothing', () => {
    expect(checkSeedQuality(smallSeed()).map((f) => [f.rule, f.id])).toEqual([
      ['orphan', 'tech:b'],
      ['enables-nothing', 'tech:b'],
    ]);
  });

  it('counts a technology that an enabling technology depends on', () => {
    const data = smallSeed();
    group(data, 'DEPENDS_ON').push({ from: 'tech:a', to: 'tech:b', criticality: 0.5, sources: ['src:doc'] });
    expect(checkSeedQuality(data)).toEqual([]);
  });

  it('flags a capability nothing enables, a duplicate name and a material without supply data', () => {
    const data = smallSeed();
    group(data, 'DEPENDS_ON').push({ from: 'tech:a', to: 'tech:b', criticality: 0.5, sources: ['src:doc'] });
    group(data, 'Capability').push({ id: 'cap:y', name: 'capability x ', domain: 'law enforcement', sources: ['src:doc'] });
    group(data, 'Material').push({ id: 'mat:n', name: 'Material N', sources: ['src:doc'] });
    group(data, 'DEPENDS_ON').push({ from: 'tech:b', to: 'mat:n', criticality: 1, sources: ['src:doc'] });
    const findings = checkSeedQuality(data).map((f) => [f.severity, f.rule, f.id]);
    expect(findings).toEqual([
      ['error', 'duplicate-name', 'cap:y'],
      ['error', 'orphan', 'cap:y'],
      ['error', 'enabled-by-nothing', 'cap:y'],
      ['warning', 'no-supply-data', 'mat:n'],
    ]);
  });

  it('warns about a depended-on material whose suppliers all lack a share, and not once one has a share', () => {
    const data = smallSeed();
    group(data, 'DEPENDS_ON').push({ from: 'tech:a', to: 'tech:b', criticality: 0.5, sources: ['src:doc'] });
    // mat:m (which tech:a depends on in the small seed) is supplied by sup:s with share 0.9: no warning.
    expect(checkSeedQuality(data)).toEqual([]);
    const supplied = group(data, 'SUPPLIED_BY');
    delete supplied[0]!.share;
    expect(checkSeedQuality(data).map((f) => [f.severity, f.rule, f.id])).toEqual([['warning', 'no-share', 'mat:m']]);
    // A second supplier with a share is enough: the first one's share is then the equal split of what is left.
    group(data, 'Supplier').push({ id: 'sup:t', name: 'Supplier T', sources: ['src:doc'] });
    supplied.push({ from: 'mat:m', to: 'sup:t', share: 0.4, sources: ['src:doc'] });
    expect(checkSeedQuality(data)).toEqual([]);
  });
});

describe('missing acronyms', () => {
  it('warns about a technology whose name has a common acronym that neither the name nor an alias holds', () => {
    const data = smallSeed();
    group(data, 'DEPENDS_ON').push({ from: 'tech:a', to: 'tech:b', criticality: 0.5, sources: ['src:doc'] });
    const techs = group(data, 'Technology');
    techs[0]!.name = 'Large language models';
    techs[1]!.name = 'Uncrewed aircraft systems';
    techs[1]!.aliases = ['UAVs', 'UAS'];
    // tech:a: LLM missing. tech:b: "UAVs" is not the word UAV, so UAV is missing; UAS is there.
    expect(checkSeedQuality(data).map((f) => [f.rule, f.id, f.message])).toEqual([
      ['missing-acronym', 'tech:a', 'Technology tech:a ("Large language models") has no alias "LLM", which analysts search for.'],
      ['missing-acronym', 'tech:b', 'Technology tech:b ("Uncrewed aircraft systems") has no alias "UAV", which analysts search for.'],
    ]);
    techs[0]!.aliases = ['LLM'];
    techs[1]!.aliases = ['UAV', 'UAS'];
    expect(checkSeedQuality(data)).toEqual([]);
  });
});

describe('the curated seed in graph-seed/data', () => {
  it('gives every technology whose name has a common acronym that acronym as an alias', () => {
    expect(checkSeedQuality(readSeedDir(SEED_DIR)).filter((f) => f.rule === 'missing-acronym')).toEqual([]);
  });

  it('passes the data-quality check with no errors', () => {
    const errors = checkSeedQuality(readSeedDir(SEED_DIR)).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toEqual([]);
  });
});

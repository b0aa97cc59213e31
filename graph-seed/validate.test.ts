import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeedDir, SeedError, type SeedData } from './seed-data.js';
import { smallSeed } from '../tests/fixtures/small-seed.js';
import { validateSeed } from './validate.js';

function records(data: SeedData, file: string) {
  return [...data.nodes, ...data.links].find((g) => g.file === file)!.records;
}

describe('validateSeed', () => {
  it('accepts a valid seed', () => {
    expect(validateSeed(smallSeed())).toEqual([]);
  });

  it('names file, record and field for a TRL outside 1–9', () => {
    const data = smallSeed();
    records(data, 'nodes/technologies.json')[0]!.trl = 10;
    expect(validateSeed(data)).toEqual([
      { file: 'nodes/technologies.json', record: '#1 (tech:a)', field: 'trl', message: 'must be a whole number from 1 to 9 (got 10).' },
    ]);
  });

  it('accepts aliases on any kind, and names the entry that is not text or repeats another', () => {
    const data = smallSeed();
    records(data, 'nodes/technologies.json')[0]!.aliases = ['UAV', 'UAS'];
    records(data, 'nodes/capabilities.json')[0]!.aliases = ['CD'];
    expect(validateSeed(data)).toEqual([]);
    records(data, 'nodes/technologies.json')[0]!.aliases = ['UAV', 'uav'];
    records(data, 'nodes/capabilities.json')[0]!.aliases = ['CD', ''];
    records(data, 'nodes/materials.json')[0]!.aliases = 'gallium';
    expect(validateSeed(data).map((p) => [p.file, p.field, p.message])).toEqual([
      ['nodes/technologies.json', 'aliases', 'lists "uav" twice; remove the repeat.'],
      ['nodes/capabilities.json', 'aliases', 'entry 2 must be non-empty text.'],
      ['nodes/materials.json', 'aliases', 'must be a list of texts (got "gallium").'],
    ]);
  });

  it('rejects a duplicate id, even across kinds', () => {
    const data = smallSeed();
    records(data, 'nodes/capabilities.json').push({ id: 'cap:x', name: 'Again', domain: 'law enforcement', sources: ['src:doc'] });
    const problems = validateSeed(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'nodes/capabilities.json', record: '#2 (cap:x)', field: 'id' });
    expect(problems[0]!.message).toContain('duplicates');
  });

  it('rejects a reference to an unknown id and a link to the wrong kind', () => {
    const data = smallSeed();
    records(data, 'links/ENABLES.json').push({ from: 'tech:b', to: 'cap:missing', strength: 0.5, sources: ['src:doc'] });
    records(data, 'links/ENABLES.json').push({ from: 'tech:b', to: 'mat:m', strength: 0.5, sources: ['src:doc'] });
    const problems = validateSeed(data);
    expect(problems.map((p) => [p.record, p.field])).toEqual([
      ['#2 (tech:b → cap:missing)', 'to'],
      ['#3 (tech:b → mat:m)', 'to'],
    ]);
    expect(problems[0]!.message).toContain('"cap:missing" is not the id of any record');
    expect(problems[1]!.message).toContain('is a Material; ENABLES ends at Capability');
  });

  it('requires a source on every node and link, and the source must exist', () => {
    const data = smallSeed();
    delete records(data, 'nodes/materials.json')[0]!.sources;
    records(data, 'links/LOCATED_IN.json')[0]!.sources = ['src:nowhere'];
    const problems = validateSeed(data);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['nodes/materials.json', 'sources'],
      ['links/LOCATED_IN.json', 'sources[0]'],
    ]);
  });

  it('rejects unknown fields (typos) and supplier shares adding up to more than 1', () => {
    const data = smallSeed();
    records(data, 'nodes/technologies.json')[1]!.tlr = 4;
    records(data, 'links/SUPPLIED_BY.json').push({ from: 'mat:m', to: 'sup:s2', share: 0.2, sources: ['src:doc'] });
    records(data, 'nodes/suppliers.json').push({ id: 'sup:s2', name: 'Supplier S2', sources: ['src:doc'] });
    const problems = validateSeed(data);
    expect(problems.map((p) => p.field)).toEqual(['tlr', 'share']);
    expect(problems[1]!.message).toContain('1.100');
  });

  it('refuses a supplier share of 0 (a supplier holding nothing is no supplier), but accepts a share left out', () => {
    const data = smallSeed();
    records(data, 'nodes/suppliers.json').push(
      { id: 'sup:s2', name: 'Supplier S2', sources: ['src:doc'] },
      { id: 'sup:s3', name: 'Supplier S3', sources: ['src:doc'] },
    );
    records(data, 'links/SUPPLIED_BY.json').push(
      { from: 'mat:m', to: 'sup:s2', share: 0, sources: ['src:doc'] },
      { from: 'mat:m', to: 'sup:s3', sources: ['src:doc'] },
    );
    expect(validateSeed(data)).toEqual([
      { file: 'links/SUPPLIED_BY.json', record: '#2 (mat:m → sup:s2)', field: 'share', message: 'must be above 0 (got 0); leave it out when unknown.' },
    ]);
  });
});

describe('readSeedDir', () => {
  it('reads node and link files and reports a malformed file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    mkdirSync(join(dir, 'nodes'));
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'nodes/sources.json'), '[{"id":"src:a","title":"T","publisher":"P","year":2020,"url":"https://x.org"}]');
    writeFileSync(join(dir, 'nodes/technologies.json'), '[{"id": "tech:a",');
    writeFileSync(join(dir, 'links/MADE_UP.json'), '[]');
    try {
      readSeedDir(dir);
      expect.unreachable('a malformed seed must not load');
    } catch (error) {
      expect(error).toBeInstanceOf(SeedError);
      const problems = (error as SeedError).problems;
      expect(problems.map((p) => p.file)).toEqual(['nodes/technologies.json', 'links/MADE_UP.json']);
      expect(problems[0]!.message).toContain('not valid JSON');
    }
  });
});

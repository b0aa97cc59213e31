// Search on a hand-made graph in a real Neo4j: stemming, aliases, typos, prefixes, exact-match ranking, totals and
// paging. Each expectation is worked out from the fixture below and the rules in lucene-query.ts (server/src/fulltext) / search.analysis.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import type { SeedData } from '../../../graph-seed/seed-data.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import type { Database } from '../db/database.js';
import { applySchema, FULLTEXT_INDEX } from '../db/indexes-and-constraints.repository.js';
import { MAP_KINDS } from '../db/labels.js';
import { searchMap } from './search.service.js';

const src = ['src:doc'];
const radar = Array.from({ length: 12 }, (_, i) => ({ id: `tech:radar-${i + 1}`, name: `Radar sensor ${String(i + 1).padStart(2, '0')}`, sources: src }));

function fixture(): SeedData {
  return {
    nodes: [
      {
        kind: 'Source',
        file: 'nodes/sources.json',
        records: [{ id: 'src:doc', title: 'A report', publisher: 'JRC', year: 2023, url: 'https://example.org/r' }],
      },
      {
        kind: 'Technology',
        file: 'nodes/technologies.json',
        records: [
          {
            id: 'tech:uas',
            name: 'Uncrewed aircraft systems',
            aliases: ['UAV', 'UAS', 'drones'],
            description: 'Remotely piloted aircraft for border surveillance.',
            sources: src,
          },
          { id: 'tech:counter', name: 'Counter-drone systems', aliases: ['C-UAS'], description: 'Detect and stop hostile UAV flights.', sources: src },
          { id: 'tech:bio', name: 'Biometric identification', description: 'Matching faces and fingerprints.', sources: src },
          { id: 'tech:multi', name: 'Multimodal biometrics', description: 'Fusing several traits.', sources: src },
          { id: 'tech:llm', name: 'Large language models', aliases: ['LLM'], description: 'Generative text models.', sources: src },
          { id: 'tech:border', name: 'Border surveillance', sources: src },
          ...radar,
        ],
      },
      {
        kind: 'Capability',
        file: 'nodes/capabilities.json',
        records: [
          { id: 'cap:border', name: 'Border surveillance', domain: 'border management', sources: src },
          { id: 'cap:radar', name: 'Radar sensor networks', domain: 'border management', sources: src },
        ],
      },
      {
        kind: 'Supplier',
        file: 'nodes/suppliers.json',
        records: [{ id: 'sup:ga-cn', name: 'Gallium producers in China', description: 'Primary refiners.', sources: src }],
      },
      { kind: 'Country', file: 'nodes/countries.json', records: [{ id: 'country:cn', name: 'China', iso2: 'CN', eu: false, sources: src }] },
    ],
    links: [],
  };
}

let db: Database;
const ids = async (text: string, first = 20) => (await searchMap(db, text, first, null, null)).hits.map((h) => h.entity.id);

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, fixture());
});
afterAll(closeTestDatabase);

describe('search on a hand-made graph', () => {
  it('stems English words: biometric and biometrics give the same list', async () => {
    // Both names hold the stem "biometr"; nothing else does.
    expect((await ids('biometric ')).sort()).toEqual(['tech:bio', 'tech:multi']);
    expect(await ids('biometrics ')).toEqual(await ids('biometric '));
  });

  it('matches aliases and says which field matched', async () => {
    const uav = await searchMap(db, 'UAV', 20, null, null);
    // tech:uas by its alias (exact, so first); tech:counter by "UAV flights" in its description.
    expect(uav.hits.map((h) => [h.entity.id, h.exact, h.matchedField, h.matchedText])).toEqual([
      ['tech:uas', true, 'ALIAS', 'UAV'],
      ['tech:counter', false, 'DESCRIPTION', null],
    ]);
    expect(uav.hits[0]!.entity.aliases).toEqual(['UAV', 'UAS', 'drones']);
    expect(await ids('llm')).toEqual(['tech:llm']);
  });

  it('tolerates one typo in words of 5 letters or more, none in shorter ones', async () => {
    // "uncrewd" (7) is one edit from the indexed stem "uncrew"; "chinq" (5) one edit from "china".
    expect(await ids('uncrewd ')).toEqual(['tech:uas']);
    // The country's one-word name scores above the supplier's four words; Country also precedes Supplier in kind order.
    expect(await ids('chinq ')).toEqual(['country:cn', 'sup:ga-cn']);
    // "chna" (4) and "uaf" (3) are one edit away too, but too short for typo tolerance.
    expect(await ids('chna ')).toEqual([]);
    expect(await ids('uaf ')).toEqual([]);
  });

  it('matches the word being typed as a prefix, also past its stem, but not after a space', async () => {
    expect((await ids('biom')).sort()).toEqual(['tech:bio', 'tech:multi']);
    expect(await ids('biom ')).toEqual([]);
    // "surveilla" goes past the stem "surveil": the shorter form matches. Names (weight 0.5) before the description
    // (0.2, longer field); the two equal names tie and Technology precedes Capability.
    expect(await ids('surveilla')).toEqual(['tech:border', 'cap:border', 'tech:uas']);
  });

  it('ranks an exact name or alias first, then by score, then by kind', async () => {
    // "China" equals the country's name; the supplier only holds the word.
    expect(await ids('China')).toEqual(['country:cn', 'sup:ga-cn']);
    // "drones" equals an alias of tech:uas; tech:counter has the stem in its name, yet comes second.
    expect(await ids('drones')).toEqual(['tech:uas', 'tech:counter']);
    // Two exact names with equal scores: Technology before Capability; then the description match.
    const border = await searchMap(db, 'Border surveillance', 20, null, null);
    expect(border.hits.map((h) => [h.entity.id, h.exact, h.matchedField])).toEqual([
      ['tech:border', true, 'NAME'],
      ['cap:border', true, 'NAME'],
      ['tech:uas', false, 'DESCRIPTION'],
    ]);
  });

  it('counts every hit, pages beyond the first page and gives facets by kind', async () => {
    // 12 "Radar sensor NN" technologies and one capability "Radar sensor networks": equal three-word names, equal
    // scores, so Technology first and then by name; the capability comes last.
    const page1 = await searchMap(db, 'radar sensor', 5, null, null);
    expect(page1.total).toBe(13);
    expect(page1.facets).toEqual([
      { kind: 'Technology', count: 12 },
      { kind: 'Capability', count: 1 },
    ]);
    expect(page1.hits.map((h) => h.entity.id)).toEqual(['tech:radar-1', 'tech:radar-2', 'tech:radar-3', 'tech:radar-4', 'tech:radar-5']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await searchMap(db, 'radar sensor', 5, page1.pageInfo.endCursor, null);
    expect(page2.hits.map((h) => h.entity.id)).toEqual(['tech:radar-6', 'tech:radar-7', 'tech:radar-8', 'tech:radar-9', 'tech:radar-10']);
    const page3 = await searchMap(db, 'radar sensor', 5, page2.pageInfo.endCursor, null);
    expect(page3.hits.map((h) => h.entity.id)).toEqual(['tech:radar-11', 'tech:radar-12', 'cap:radar']);
    expect(page3.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    // A kind filter narrows the total and the hits; the facets still count every kind.
    const caps = await searchMap(db, 'radar sensor', 5, null, ['Capability']);
    expect([caps.total, caps.hits.map((h) => h.entity.id), caps.facets.length]).toEqual([1, ['cap:radar'], 2]);
  });

  it('keeps Lucene syntax typed by a user inert, and refuses a cursor it did not give out', async () => {
    // Words: radar, "or" (a stop word, dropped), name; no entity holds "name", so nothing matches, and nothing fails.
    expect(await searchMap(db, 'radar" OR name:*', 20, null, null)).toMatchObject({ total: 0, hits: [] });
    expect(await searchMap(db, '*** ~~ ', 20, null, null)).toMatchObject({ total: 0, hits: [], facets: [] });
    await expect(searchMap(db, 'radar', 5, 'not-a-cursor', null)).rejects.toMatchObject({ extensions: { field: 'after' } });
  });
});

describe('the full-text index definition', () => {
  it('drops an index from an older version (no aliases, standard analyzer) and builds the current one', async () => {
    await db.schema(`DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`);
    await db.schema(`CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} FOR (n:${MAP_KINDS.join('|')}) ON EACH [n.name, n.description]`);
    const lines: string[] = [];
    await applySchema(db, (line) => lines.push(line));
    expect(lines[0]).toContain('outdated');
    const [index] = await db.read<{ properties: string[]; analyzer: string }>(
      'SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = $name RETURN properties, options.indexConfig.`fulltext.analyzer` AS analyzer',
      { name: FULLTEXT_INDEX },
    );
    expect(index).toEqual({ properties: ['name', 'aliases', 'description'], analyzer: 'english' });
    // Rebuilt over the existing data: aliases are found again. A second apply leaves the index alone.
    expect(await ids('UAV')).toEqual(['tech:uas', 'tech:counter']);
    const again: string[] = [];
    await applySchema(db, (line) => again.push(line));
    expect(again.some((l) => l.includes('outdated'))).toBe(false);
  });
});

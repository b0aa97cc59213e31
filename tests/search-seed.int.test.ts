// The words analysts type (issues 13 and 19) against the real seed graph-seed/data: each finds its entity first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../graph-seed/index.js';
import type { Database } from '../server/src/db/database.js';
import { searchMap } from '../server/src/explorer/search.service.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';

let db: Database;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await loadSeedDir(db);
});
afterAll(closeTestDatabase);

const FIRST: [text: string, id: string][] = [
  ['China', 'country:cn'],
  ['UAV', 'tech:uncrewed-aircraft-systems'],
  ['UAS', 'tech:uncrewed-aircraft-systems'],
  ['RPAS', 'tech:uncrewed-aircraft-systems'],
  ['unmanned', 'tech:uncrewed-aircraft-systems'],
  ['uncrewed', 'tech:uncrewed-aircraft-systems'],
  ['drone', 'tech:uncrewed-aircraft-systems'],
  ['LLM', 'tech:large-language-models'],
  ['large language model', 'tech:large-language-models'],
  ['hypersonic', 'tech:hypersonic-propulsion'],
  ['fentanyl', 'cap:nps-early-warning'],
  ['natural language processing', 'tech:speech-language-processing'],
  ['NLP', 'tech:speech-language-processing'],
  ['face recognition', 'tech:facial-recognition'],
  ['facial recognition', 'tech:facial-recognition'],
  ['PQC', 'tech:post-quantum-cryptography'],
  ['HPC', 'tech:high-performance-computing'],
  ['SAR', 'tech:sar-satellite-imagery'],
  ['GNSS', 'tech:gnss-positioning'],
  ['PNT', 'tech:gnss-positioning'],
  ['CBRN', 'cap:cbrn-detection'],
  ['OSINT', 'cap:osint'],
  ['AIS', 'tech:satellite-ais'],
  ['3D printing', 'tech:additive-manufacturing'],
];

describe('search on the real seed', () => {
  it.each(FIRST)('"%s" finds %s first', async (text, id) => {
    const { hits } = await searchMap(db, text, 5, null, null);
    expect(hits[0]?.entity.id).toBe(id);
  });

  it('biometric and biometrics give the same list, and the total counts past the first page', async () => {
    const one = await searchMap(db, 'biometric ', 100, null, null);
    const many = await searchMap(db, 'biometrics ', 100, null, null);
    expect(many.hits.map((h) => h.entity.id)).toEqual(one.hits.map((h) => h.entity.id));
    const page = await searchMap(db, 'drone', 5, null, null);
    expect(page.hits).toHaveLength(5);
    expect(page.total).toBe(page.facets.reduce((n, f) => n + f.count, 0));
    expect(page.total).toBeGreaterThan(20);
  });
});

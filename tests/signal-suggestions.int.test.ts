// Signal clustering and suggested links on the real seed (graph-seed/data) through the API in process: the seed's
// topics come out as clusters, seed signals get the technologies an analyst would expect (with reasons), accepting goes
// through linkSignal (history, status), and a rejection is remembered (REJECTED_SUGGESTION) and never suggested again.
// Bad input is refused naming the field, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../graph-seed/index.js';
import type { Database } from '../server/src/db/database.js';
import { createUserWithToken, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { inProcessApi, type InProcessApi } from './support/in-process.js';

const DRUG_REPORT = 'sig:2024-06-11-european-drug-report-2024';
const DRONE_STRATEGY = 'sig:2022-11-29-drone-strategy-2';
const NIST_PQC = 'sig:2024-08-13-nist-pqc-standards';

let db: Database;
let api: InProcessApi;
let analyst: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await loadSeedDir(db);
  analyst = await createUserWithToken(db, 'analyst', { name: 'Ana Lyst' });
  viewer = await createUserWithToken(db, 'viewer');
  api = await inProcessApi(db);
});
afterAll(async () => {
  await api.stop();
  await closeTestDatabase();
});

const SUGGESTIONS = `query($id: ID!) { signal(id: $id) { suggestedLinks { technology { id } score explanation reasons { kind terms signals { id } } } } }`;
const REJECT = `mutation($s: ID!, $t: ID!) { rejectSuggestedLink(signalId: $s, technologyId: $t) { signalId technologyId by at } }`;

async function suggestions(id: string) {
  const { data, errors } = await api.execute(SUGGESTIONS, { id }, analyst.user);
  expect(errors).toBeUndefined();
  return data.signal.suggestedLinks as {
    technology: { id: string };
    score: number;
    explanation: string;
    reasons: { kind: string; terms: string[]; signals: { id: string }[] }[];
  }[];
}

describe('clusters of the seed', () => {
  it('groups the seed’s topics', async () => {
    const { data, errors } = await api.execute(
      '{ signalClusters { threshold clusters { id terms size signals { id } } unclustered { id } } }',
      {},
      analyst.user,
    );
    expect(errors).toBeUndefined();
    const clusterOf = (id: string) => data.signalClusters.clusters.find((c: any) => c.signals.some((s: any) => s.id === id))?.id;
    // China's export controls on gallium/germanium and on rare earths: one topic.
    expect(clusterOf('sig:2023-07-03-china-gallium-germanium-export-controls')).toBeDefined();
    expect(clusterOf('sig:2023-07-03-china-gallium-germanium-export-controls')).toBe(clusterOf('sig:2025-04-04-china-rare-earth-export-controls'));
    // The takedowns of encrypted criminal phone networks: another.
    expect(clusterOf('sig:2020-07-02-encrochat-dismantled')).toBe(clusterOf('sig:2021-03-10-sky-ecc-intervention'));
    expect(clusterOf('sig:2020-07-02-encrochat-dismantled')).not.toBe(clusterOf('sig:2023-07-03-china-gallium-germanium-export-controls'));
    // Every signal is in exactly one group (the seed's 120 signals).
    const all = [...data.signalClusters.clusters.flatMap((c: any) => c.signals), ...data.signalClusters.unclustered].map((s: any) => s.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(120);
  });

  it('keeps only the signals the filter matches', async () => {
    const { data } = await api.execute(
      '{ signalClusters(filter: { text: "encrypted" }) { clusters { size signals { id } } unclustered { id } } }',
      {},
      analyst.user,
    );
    const shown = [...data.signalClusters.clusters.flatMap((c: any) => c.signals), ...data.signalClusters.unclustered].map((s: any) => s.id);
    expect(shown).toContain('sig:2020-07-02-encrochat-dismantled');
    expect(shown).not.toContain('sig:2023-07-03-china-gallium-germanium-export-controls');
  });
});

describe('suggested links on seed signals', () => {
  it('names the expected technologies, with reasons', async () => {
    // The drug report says "…new synthetic opioids…": the name of the synthetic opioids technology (not yet linked).
    const drug = await suggestions(DRUG_REPORT);
    expect(drug[0]?.technology.id).toBe('tech:synthetic-opioid-synthesis');
    expect(drug[0]?.reasons[0]).toMatchObject({ kind: 'NAME_OR_ALIAS', terms: ['synthetic opioids'] });

    // Drone Strategy 2.0 shares "drone", "countering"… with the counter-drone systems, which similar signals indicate.
    const drone = (await suggestions(DRONE_STRATEGY)).find((s) => s.technology.id === 'tech:counter-uas-systems');
    expect(drone?.reasons.map((r) => r.kind)).toEqual(['SHARED_TERMS', 'SIMILAR_SIGNALS']);
    expect(drone?.reasons[1]?.signals.length).toBeGreaterThanOrEqual(2);
    expect(drone?.explanation).toMatch(/similar signals indicate it\.$/);

    // NIST's post-quantum standards: quantum key distribution (its alias "quantum cryptography") and hybrid key exchange.
    const nist = (await suggestions(NIST_PQC)).map((s) => s.technology.id);
    expect(nist).toEqual(expect.arrayContaining(['tech:quantum-key-distribution', 'tech:hybrid-pq-key-exchange']));
    // Never what it already indicates.
    expect(nist).not.toContain('tech:post-quantum-cryptography');
  });

  it('accepting is linkSignal: the link is made, recorded in history, and no longer suggested', async () => {
    const { errors } = await api.execute(
      'mutation($input: IndicatesInput!) { linkSignal(input: $input) { relevance } }',
      { input: { signalId: DRUG_REPORT, targetId: 'tech:synthetic-opioid-synthesis', relevance: 0.5 } },
      analyst.user,
    );
    expect(errors).toBeUndefined();
    expect((await suggestions(DRUG_REPORT)).map((s) => s.technology.id)).not.toContain('tech:synthetic-opioid-synthesis');
    const { data } = await api.execute('query($id: ID!) { history(id: $id, first: 5) { changes { kind toId byName } } }', { id: DRUG_REPORT }, analyst.user);
    expect(data.history.changes[0]).toEqual({ kind: 'LINK', toId: 'tech:synthetic-opioid-synthesis', byName: 'Ana Lyst' });
  });

  it('remembers a rejection: never suggested again, once only', async () => {
    const first = await api.execute(REJECT, { s: NIST_PQC, t: 'tech:quantum-key-distribution' }, analyst.user);
    expect(first.errors).toBeUndefined();
    expect(first.data.rejectSuggestedLink).toMatchObject({ signalId: NIST_PQC, technologyId: 'tech:quantum-key-distribution', by: 'Ana Lyst' });
    const after = (await suggestions(NIST_PQC)).map((s) => s.technology.id);
    expect(after).not.toContain('tech:quantum-key-distribution');
    expect(after).toContain('tech:hybrid-pq-key-exchange');
    // A second rejection keeps the first (who and when) and adds no relationship.
    const again = await api.execute(REJECT, { s: NIST_PQC, t: 'tech:quantum-key-distribution' }, analyst.user);
    expect(again.data.rejectSuggestedLink.at).toBe(first.data.rejectSuggestedLink.at);
    const [row] = await db.read<{ n: number }>('MATCH (:Signal {id: $s})-[r:REJECTED_SUGGESTION]->(:Technology) RETURN count(r) AS n', { s: NIST_PQC });
    expect(row?.n).toBe(1);
    // It is not a link: the signal indicates what it did before.
    const { data } = await api.execute('query($id: ID!) { signal(id: $id) { indicates { target { id } } } }', { id: NIST_PQC }, analyst.user);
    expect(data.signal.indicates.map((l: any) => l.target.id)).not.toContain('tech:quantum-key-distribution');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () => (await db.read<{ n: number }>('MATCH ()-[r:REJECTED_SUGGESTION]->() RETURN count(r) AS n'))[0]!.n;
    const before = await count();
    const unknown = await api.execute(REJECT, { s: NIST_PQC, t: 'tech:no-such-thing' }, analyst.user);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'technologyId' });
    const capability = await api.execute(REJECT, { s: NIST_PQC, t: 'cap:post-quantum-migration' }, analyst.user);
    expect(capability.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'technologyId' });
    const badSignal = await api.execute(REJECT, { s: 'tech:quantum-key-distribution', t: 'tech:quantum-key-distribution' }, analyst.user);
    expect(badSignal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signalId' });
    const asViewer = await api.execute(REJECT, { s: NIST_PQC, t: 'tech:hybrid-pq-key-exchange' }, viewer.user);
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });
});

// Briefings over HTTP on the seed graph and a real Neo4j: the Border surveillance briefing as PDF read back with
// pdftotext (title, single points of failure, sources), a comparison of "Taiwan cut off" with a second scenario, 404 and
// 400 pages, the API's read rules, and the 503 that says what to install when Chromium is missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../graph-seed/index.js';
import { startServer, type RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
let noChromium: RunningServer;
let publicRead: RunningServer;
let ana: TestUser;
let vic: TestUser;
const scratch = mkdtempSync(join(tmpdir(), 'atlas-briefings-'));

const CREATE = `mutation($input: ScenarioInput!) { createScenario(input: $input) { id } }`;

beforeAll(async () => {
  // A fresh clone has no tests/artifacts yet (it is git-ignored): the copies to look at go there.
  mkdirSync('tests/artifacts', { recursive: true });
  db = await testDatabase();
  await resetDatabase(db);
  await loadSeedDir(db);
  server = await startServer({ db, port: 0, limits: { mutationBurst: 1000 } });
  noChromium = await startServer({ db, port: 0, chromiumPath: join(scratch, 'no-chromium-here') });
  publicRead = await startServer({ db, port: 0, auth: { publicRead: true } });
  ana = await createUserWithToken(db, 'analyst', { name: 'Ana Analyst' });
  vic = await createUserWithToken(db, 'viewer', { name: 'Vic Viewer' });
  for (const input of [
    {
      id: 'scn:taiwan-cut-off',
      name: 'Taiwan cut off',
      horizon: 2030,
      assumptions: ['No chip made in Taiwan reaches the EU.'],
      events: [{ type: 'DISRUPTION', targetId: 'country:tw', fraction: 1 }],
    },
    { id: 'scn:china-cut-off', name: 'China cut off', horizon: 2030, events: [{ type: 'DISRUPTION', targetId: 'country:cn', fraction: 1 }] },
  ]) {
    const { errors } = await postGraphQL(server.url, CREATE, { input }, authHeaders(ana.token));
    expect(errors).toBeUndefined();
  }
}, 120_000);
afterAll(async () => {
  await server?.close();
  await noChromium?.close();
  await publicRead?.close();
  await closeTestDatabase();
  rmSync(scratch, { recursive: true, force: true });
});

const get = (path: string, token: string | null = ana.token, base = server.url) => fetch(`${base}${path}`, { headers: token ? authHeaders(token) : {} });

async function pdfText(path: string, name: string): Promise<string> {
  const response = await get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="atlas-briefing-.+\.pdf"$/);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  // -raw: text in the order Chromium painted it, so a name that wraps inside a table cell stays one phrase (the default
  // reading order interleaves the cells of a row); tests/artifacts keeps a copy to look at.
  writeFileSync(join('tests/artifacts', name), bytes);
  return execFileSync('/usr/bin/pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('capability briefing', () => {
  it('downloads as a PDF whose text holds the title, every single point of failure and the numbered sources', async () => {
    const { data } = await postGraphQL(
      server.url,
      `{ singlePointsOfFailure(capabilityId: "cap:border-surveillance") { points { node { name } } } }`,
      {},
      authHeaders(ana.token),
    );
    const points: string[] = data.singlePointsOfFailure.points.map((p: { node: { name: string } }) => p.node.name);
    expect(points.length).toBeGreaterThan(0);
    const text = await pdfText('/briefs/capability/cap:border-surveillance.pdf', 'briefing-border-surveillance.pdf');
    expect(text).toContain('Border surveillance');
    expect(text.toLowerCase()).toContain('capability briefing');
    expect(text).toMatch(/Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(text).toContain('Single points of failure');
    for (const name of points) expect(text).toContain(name);
    // Its enablers' ENABLES links all cite Recommendation (EU) 2023/2113 (graph-seed/data/links/ENABLES.json).
    expect(text).toContain('Sources');
    expect(text).toContain('Commission Recommendation (EU) 2023/2113');
    expect(text).toMatch(/\[1\]/);
    expect(text).toMatch(/Page 1 of \d+/);
  }, 120_000);

  it('serves the same briefing as HTML, dated, with its figures inline and a link to the PDF', async () => {
    const response = await get('/briefs/capability/cap:border-surveillance.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const html = await response.text();
    writeFileSync('tests/artifacts/briefing-border-surveillance.html', html);
    expect(html).toContain('<h1>Border surveillance</h1>');
    expect(html).toContain('Thermal infrared imaging');
    expect(html).toContain('<svg');
    expect(html).toContain('<ol class="sources">');
    expect(html).toContain('href="/briefs/capability/cap%3Aborder-surveillance.pdf"');
    // Its enablers' TRLs are curator estimates (e.g. thermal imaging, TRL 9 judged from its routine use): marked, with the legend.
    expect(html).toMatch(/<td class="num muted">≈ 9<span class="cite">/);
    expect(html).toContain('≈ marks an estimate: a curator’s judgement from the cited source');
  });
});

describe('technology and scenario briefings', () => {
  it('a technology briefing shows its readiness and the capabilities it enables', async () => {
    const html = await (await get('/briefs/technology/tech:thermal-imaging.html')).text();
    expect(html).toContain('<h1>Thermal infrared imaging</h1>');
    expect(html).toContain('Technology readiness level (TRL)');
    expect(html).toContain('Border surveillance');
  });

  it('marks estimated readiness values in HTML and PDF, and says which are stated (graph-seed/data/nodes/technologies.json)', async () => {
    // Thermal imaging: TRL 9 (2023), horizon now and EU position competitive, all three curator estimates.
    const html = await (await get('/briefs/technology/tech:thermal-imaging.html')).text();
    expect(html).toContain('<dd>≈ TRL 9 (as of 2023) (estimate: Standard border-surveillance equipment; judged TRL 9.)<span class="cite">');
    expect(html).toContain('<dd>≈ now (estimate:');
    expect(html).toContain('<dd>≈ competitive (estimate:');
    expect(html).toContain('≈ marks an estimate');
    // Dark-web crawlers: TRL 7 stated by the ANITA project (2021); the horizon 2030 is an estimate.
    const text = await pdfText('/briefs/technology/tech:darkweb-crawlers.pdf', 'briefing-darkweb-crawlers.pdf');
    expect(text).toContain('TRL 7 (as of 2021) (stated in the source)');
    expect(text).toContain('≈ 2030 (estimate:');
    expect(text).toContain('≈ marks an estimate');
    expect(text).toContain('ANITA');
  }, 120_000);

  it('a comparison of "Taiwan cut off" with a second scenario downloads as a PDF with both, side by side', async () => {
    const text = await pdfText('/briefs/comparison/scn:taiwan-cut-off,scn:china-cut-off.pdf', 'briefing-taiwan-vs-china.pdf');
    expect(text).toContain('Taiwan cut off vs China cut off');
    expect(text).toContain('Impact side by side');
    expect(text).toContain('Taiwan cut off — event 1: Taiwan loses 100% of its supply or use');
  }, 120_000);

  it('a scenario briefing lists events, assumptions and impact', async () => {
    const response = await get('/briefs/scenario/scn:taiwan-cut-off.html');
    expect(response.status).toBe(200);
    const html = await response.text();
    writeFileSync('tests/artifacts/briefing-taiwan-cut-off.html', html);
    expect(html).toContain('No chip made in Taiwan reaches the EU.');
    expect(html).toContain('Taiwan loses 100% of its supply or use');
    expect(html).toContain('Impact on capabilities');
  });
});

describe('bad addresses', () => {
  it('an unknown id gives a 404 page that names it and links back', async () => {
    const response = await get('/briefs/capability/cap:no-such-thing.html');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('No capability “cap:no-such-thing”');
    expect(html).toContain('<a href="/?view=dependencies">');
    // A technology id is not a capability.
    expect((await get('/briefs/capability/tech:thermal-imaging.pdf')).status).toBe(404);
    expect(await (await get('/briefs/scenario/scn:gone.pdf')).text()).toContain('No saved scenario “scn:gone”');
    expect(await (await get('/briefs/comparison/scn:taiwan-cut-off,scn:gone.html')).text()).toContain('No saved scenario “scn:gone”');
  });

  it('an unknown kind or format is a 404 page; a comparison of one scenario a 400 page', async () => {
    const kind = await get('/briefs/radar/x.html');
    expect(kind.status).toBe(404);
    expect(await kind.text()).toContain('Briefings exist for: capability, technology, scenario, comparison');
    expect((await get('/briefs/capability/cap:border-surveillance.docx')).status).toBe(404);
    expect((await get('/briefs')).status).toBe(404);
    const one = await get('/briefs/comparison/scn:taiwan-cut-off.html');
    expect(one.status).toBe(400);
    expect(await one.text()).toContain('must name 2 to 6 scenarios (got 1)');
  });
});

describe('access', () => {
  it('follows the API: anonymous readers are refused with a sign-in page, any signed-in role may read', async () => {
    const anonymous = await get('/briefs/capability/cap:border-surveillance.pdf', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Sign in to read briefings');
    expect((await get('/briefs/capability/cap:border-surveillance.html', vic.token)).status).toBe(200);
  });

  it('lets anonymous readers in where the API does (ATLAS_PUBLIC_READ)', async () => {
    const response = await get('/briefs/capability/cap:border-surveillance.html', null, publicRead.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Border surveillance</h1>');
  });

  it('answers 503 saying what to install when Chromium is missing; the HTML still works', async () => {
    const pdf = await get('/briefs/technology/tech:thermal-imaging.pdf', ana.token, noChromium.url);
    expect(pdf.status).toBe(503);
    expect(await pdf.text()).toContain('apt-get install -y chromium');
    expect((await get('/briefs/technology/tech:thermal-imaging.html', ana.token, noChromium.url)).status).toBe(200);
  });
});

// A two-round Delphi in real Chromium: a lead opens round 1 on five seed technologies for three analysts, each
// analyst answers in their own browser context (blind: no group figures while the round is open), the lead closes
// it and opens round 2 with feedback, an analyst outside the IQR is asked for a rationale, round 2 closes with
// consensus and the medians are written to the ratings (read back over the API). Screenshots of each state at
// 1440×900 and 1024×768 go to tests/artifacts/.
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtlas, type TestAtlas } from '../support/atlas.js';
import { authHeaders, signInThroughPage } from '../support/auth.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser.js';
import { postGraphQL } from '../support/graphql.js';
import { shoot } from '../support/screenshots.js';

const WAIT = { timeout: 30_000 };
const ITEMS = [
  { id: 'tech:facial-recognition', name: 'Facial recognition', search: 'Facial recognition' },
  { id: 'tech:deepfake-detection', name: 'Synthetic media and deepfake detection', search: 'deepfake' },
  { id: 'tech:quantum-computing', name: 'Quantum computing', search: 'Quantum computing' },
  { id: 'tech:counter-uas-systems', name: 'Integrated counter-drone systems', search: 'counter-drone' },
  { id: 'tech:rapid-dna-analysis', name: 'Rapid DNA analysis', search: 'Rapid DNA' },
];

interface Person {
  name: string;
  email: string;
  password: string;
  page?: Page;
}

let atlas: TestAtlas;
let browser: Browser;
const suffix = randomUUID().slice(0, 4);
const lead: Person = { name: `Lea Lead ${suffix}`, email: '', password: '' };
const panel: Person[] = ['Ana', 'Ben', 'Cara'].map((n) => ({ name: `${n} Panel ${suffix}`, email: '', password: '' }));
const [ana, ben, cara] = panel as [Person, Person, Person];
let studyUrl = '';

async function makeAnalyst(person: Person): Promise<void> {
  person.email = `${person.name.toLowerCase().replace(/\W+/g, '.')}@atlas.test`;
  person.password = `pw-${randomUUID()}`;
  const made = await postGraphQL(
    atlas.url,
    'mutation($i: UserInput!) { createUser(input: $i) { user { id } } }',
    { i: { email: person.email, name: person.name, role: 'ANALYST', password: person.password } },
    authHeaders(atlas.admin.token),
  );
  expect(made.errors).toBeUndefined();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  person.page = await context.newPage();
  await signInThroughPage(person.page, atlas.url, person);
}

/** Fills one item's answer: the radio buttons of the two 1–5 groups and the year. */
async function fill(page: Page, itemId: string, impact: number, likelihood: number, year: number, rationale?: string): Promise<void> {
  const item = page.getByTestId(`answer-${itemId}`);
  await item
    .getByRole('group', { name: 'Impact', exact: true })
    .getByRole('radio', { name: String(impact), exact: true })
    .check();
  await item
    .getByRole('group', { name: 'Likelihood', exact: true })
    .getByRole('radio', { name: String(likelihood), exact: true })
    .check();
  await item.getByLabel('Horizon year', { exact: true }).fill(String(year));
  if (rationale !== undefined) await item.getByLabel(/Rationale/).fill(rationale);
}

async function answerAll(person: Person, impact: number, likelihood: number, year: number): Promise<void> {
  const page = person.page!;
  await page.goto(studyUrl);
  await page.getByRole('button', { name: 'Save answers' }).waitFor(WAIT);
  for (const item of ITEMS) await fill(page, item.id, impact, likelihood, year);
  await page.getByRole('button', { name: 'Save answers' }).click();
  await page.getByText('Your answers are saved.').waitFor(WAIT);
}

beforeAll(async () => {
  atlas = await startTestAtlas();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  for (const person of [lead, ...panel]) await makeAnalyst(person);
});

afterAll(async () => {
  await browser?.close();
  await atlas?.stop();
});

describe('a two-round Delphi on five technologies', () => {
  it('the lead opens round 1 for three analysts', async () => {
    const page = lead.page!;
    await page.goto(`${atlas.url}/?view=delphi`);
    await page.getByRole('heading', { name: 'Delphi studies' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'New study' }).click();
    await page.getByLabel('Title').fill(`Border tech outlook ${suffix}`);
    for (const item of ITEMS) {
      await page.getByLabel('Find technologies').fill(item.search);
      await page.getByRole('list', { name: 'Technologies found' }).getByRole('checkbox', { name: item.name, exact: true }).click(WAIT);
    }
    for (const person of panel) await page.getByRole('list', { name: 'Analysts' }).getByRole('checkbox', { name: person.name }).check();
    await expect.poll(() => page.getByRole('list', { name: 'Chosen technologies' }).getByRole('checkbox').count()).toBe(5);
    await shoot(page, 'delphi-new-study');
    await page.getByRole('button', { name: 'Open round 1' }).click();
    await page.getByTestId('round-status').getByText('Round 1 is open').waitFor(WAIT);
    await page.waitForURL(/focus=delphi/);
    studyUrl = page.url();
    // The lead is not on the panel: no form, and no group figures while the round is open.
    expect(await page.getByRole('button', { name: 'Save answers' }).count()).toBe(0);
  }, 300_000);

  it('three analysts answer blind, each in their own browser', async () => {
    // Per item: impact 2, 3, 5 → median 3 (Q1 2.5, Q3 4); likelihood 3, 3, 4 → 3 (Q1 3, Q3 3.5); horizon 2030, 2032, 2040 → 2032 (Q1 2031, Q3 2036).
    await answerAll(ana, 2, 3, 2030);
    await answerAll(ben, 3, 3, 2032);
    await answerAll(cara, 5, 4, 2040);
    const page = cara.page!;
    await expect.poll(() => page.getByText('answered', { exact: true }).count()).toBe(5);
    expect(await page.getByRole('table').count()).toBe(0);
    await shoot(page, 'delphi-answer-round1');
  }, 300_000);

  it('the lead closes round 1 and reads the group statistics', async () => {
    const page = lead.page!;
    await page.goto(studyUrl);
    await page.getByRole('button', { name: 'Close round 1' }).click(WAIT);
    await page.getByTestId('round-status').getByText('Round 1 closed').waitFor(WAIT);
    const row = page.getByTestId('result-tech:facial-recognition');
    expect(await row.getByTestId('median-impact').textContent()).toBe('3');
    expect(await row.getByTestId('median-likelihood').textContent()).toBe('3');
    expect(await row.getByTestId('median-horizonYear').textContent()).toBe('2032');
    await expect.poll(() => row.textContent()).toContain('IQR 2.5–4');
    // Every item alike: IQR/points = 1.5/5, 0.5/5, 5/35 → (0.3 + 0.1 + 0.1429) / 3 = 0.1810 ≤ 0.2.
    expect(await page.getByTestId('consensus').textContent()).toContain('0.181 (consensus reached');
    await shoot(page, 'delphi-results-round1');
    await page.getByRole('button', { name: 'Open round 2 with feedback' }).click();
    await page.getByTestId('round-status').getByText('Round 2 is open').waitFor(WAIT);
  }, 300_000);

  it('round 2 shows the feedback and asks a rationale outside the IQR', async () => {
    const page = cara.page!;
    await page.goto(studyUrl);
    const first = page.getByTestId('answer-tech:facial-recognition');
    await first.getByText('median 3 · IQR 2.5–4').waitFor(WAIT);
    // Her round-1 answer (5, 4, 2040) is the draft: above Q3 on all three, so the rationale is required.
    await first.getByText(/required: your impact, likelihood, horizon year\s+lie outside round 1's IQR/).waitFor(WAIT);
    await shoot(page, 'delphi-answer-round2');
    await fill(page, ITEMS[0]!.id, 5, 4, 2040, 'Procurement lags the technology');
    for (const item of ITEMS.slice(1)) await fill(page, item.id, 3, 3, 2032);
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText('Your answers are saved.').waitFor(WAIT);
    await answerAll(ana, 3, 3, 2032);
    await answerAll(ben, 3, 3, 2032);
  }, 300_000);

  it('the lead closes round 2 and writes the medians to the ratings', async () => {
    const page = lead.page!;
    await page.goto(studyUrl);
    await page.getByRole('button', { name: 'Close round 2' }).click(WAIT);
    await page.getByTestId('round-status').getByText('Round 2 closed').waitFor(WAIT);
    // Facial recognition: impact 3, 3, 5 → median 3 (IQR 3–4, 1/5 = 0.2); likelihood 3, 3, 4 (IQR 0.5 → 0.1);
    // horizon 2032, 2032, 2040 (IQR 4 → 0.1143); the other four items all 3, 3, 2032 (IQR 0).
    // (0.2 + 0.1 + 0.1143) / 15 = 0.0276, shown as 0.028.
    expect(await page.getByTestId('consensus').textContent()).toContain('0.028 (consensus reached');
    await page.getByRole('button', { name: 'Write results to ratings' }).click();
    await page.getByText(/medians written to the ratings by/).waitFor(WAIT);
    await shoot(page, 'delphi-results-round2');

    const read = await postGraphQL(
      atlas.url,
      '{ technology(id: "tech:facial-recognition") { annotations { author impact likelihood horizonYear text } } }',
      {},
      authHeaders(atlas.user.token),
    );
    const notes = read.data.technology.annotations.filter((a: { author: string }) => a.author.includes(`Border tech outlook ${suffix}`));
    expect(notes).toEqual([
      expect.objectContaining({ author: `Delphi panel: Border tech outlook ${suffix} (round 2)`, impact: 3, likelihood: 3, horizonYear: 2032 }),
    ]);
  }, 300_000);
});

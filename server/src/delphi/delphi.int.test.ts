// A two-round Delphi on two technologies with three analysts, through the API in process, on the real Neo4j. Every
// expected statistic is worked out by hand below (quartiles: type 7, h = (n − 1)·p; see delphi.statistics.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../../../graph-seed/write.js';
import type { Database } from '../db/database.js';
import type { UserRecord } from '../user/user.repository.js';
import { createUserWithToken } from '../../../tests/support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { inProcessApi, type InProcessApi } from '../../../tests/support/in-process.js';
import { seedFixture } from '../../../tests/support/seed-builder.js';
import { findReadableAnswers } from './delphi.repository.js';

let db: Database;
let api: InProcessApi;
let lena: UserRecord; // the lead
let ana: UserRecord;
let ben: UserRecord;
let cara: UserRecord;
let otto: UserRecord; // an analyst not on the panel
let vera: UserRecord; // a viewer
let studyId: string;

const STATS = 'count median lowerQuartile upperQuartile iqr histogram { value count }';
const STUDY = `id title lead { name } youLead youAreInvited items { id name kind } invitees { name }
  rounds { number status consensus consensusReached respondents itemIds resultsWrittenAt
    myAnswers { itemId impact likelihood horizonYear rationale }
    results { itemId answers rationales impact { ${STATS} } likelihood { ${STATS} } horizonYear { ${STATS} } } }`;
const OPEN = `mutation($input: DelphiStudyInput!) { openDelphiStudy(input: $input) { ${STUDY} } }`;
const ANSWER = `mutation($studyId: ID!, $answers: [DelphiAnswerInput!]!) { answerDelphiRound(studyId: $studyId, answers: $answers) { ${STUDY} } }`;
const CLOSE = `mutation($studyId: ID!) { closeDelphiRound(studyId: $studyId) { ${STUDY} } }`;
const NEXT = `mutation($studyId: ID!) { openNextDelphiRound(studyId: $studyId) { ${STUDY} } }`;
const WRITE = `mutation($studyId: ID!) { writeDelphiResults(studyId: $studyId) { ${STUDY} } }`;
const READ = `query($id: ID!) { delphiStudy(id: $id) { ${STUDY} } }`;

type Answer = { itemId: string; impact: number; likelihood: number; horizonYear: number; rationale?: string };
const answer = (user: UserRecord, answers: Answer[]) => api.execute(ANSWER, { studyId, answers }, user);
const a = (itemId: string, impact: number, likelihood: number, horizonYear: number, rationale?: string): Answer => ({
  itemId,
  impact,
  likelihood,
  horizonYear,
  ...(rationale ? { rationale } : {}),
});
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.field;

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(
    db,
    seedFixture()
      .nodes('Technology', [
        { id: 'tech:a', name: 'Alpha sensing' },
        { id: 'tech:b', name: 'Beta analytics' },
      ])
      .build(),
  );
  lena = (await createUserWithToken(db, 'analyst', { name: 'Lena Lead' })).user;
  ana = (await createUserWithToken(db, 'analyst', { name: 'Ana' })).user;
  ben = (await createUserWithToken(db, 'analyst', { name: 'Ben' })).user;
  cara = (await createUserWithToken(db, 'admin', { name: 'Cara' })).user;
  otto = (await createUserWithToken(db, 'analyst', { name: 'Otto Outsider' })).user;
  vera = (await createUserWithToken(db, 'viewer', { name: 'Vera Viewer' })).user;
  api = await inProcessApi(db);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await closeTestDatabase();
});

describe('opening a study', () => {
  it('refuses bad input by field and writes nothing', async () => {
    const none = await api.execute(OPEN, { input: { title: 'Empty', itemIds: [], inviteeIds: [ana.id] } }, lena);
    expect(fieldOf(none)).toBe('input.itemIds');
    const viewerOnPanel = await api.execute(OPEN, { input: { title: 'Bad panel', itemIds: ['tech:a'], inviteeIds: [vera.id] } }, lena);
    expect(fieldOf(viewerOnPanel)).toBe('input.inviteeIds');
    const unknown = await api.execute(OPEN, { input: { title: 'Unknown', itemIds: ['tech:a', 'tech:nope'], inviteeIds: [ana.id] } }, lena);
    expect(fieldOf(unknown)).toBe('input.itemIds[1]');
    expect(await db.read('MATCH (s:DelphiStudy) RETURN s')).toHaveLength(0);
    const byViewer = await api.execute(OPEN, { input: { title: 'Viewer', itemIds: ['tech:a'], inviteeIds: [ana.id] } }, vera);
    expect(codeOf(byViewer)).toBe('FORBIDDEN');
  });

  it('opens round 1 for the panel', async () => {
    const result = await api.execute(OPEN, { input: { title: 'Sensing 2040', itemIds: ['tech:a', 'tech:b'], inviteeIds: [ana.id, ben.id, cara.id] } }, lena);
    expect(result.errors).toBeUndefined();
    const study = result.data.openDelphiStudy;
    studyId = study.id;
    expect(study).toMatchObject({ title: 'Sensing 2040', lead: { name: 'Lena Lead' }, youLead: true, youAreInvited: false });
    expect(study.invitees.map((u: { name: string }) => u.name)).toEqual(['Ana', 'Ben', 'Cara']);
    expect(study.rounds).toEqual([expect.objectContaining({ number: 1, status: 'OPEN', itemIds: ['tech:a', 'tech:b'], results: null, respondents: null })]);
  });
});

describe('round 1: blind answers', () => {
  it('only the panel answers, within the scales', async () => {
    expect(codeOf(await answer(otto, [a('tech:a', 3, 3, 2030)]))).toBe('FORBIDDEN');
    expect(codeOf(await answer(vera, [a('tech:a', 3, 3, 2030)]))).toBe('FORBIDDEN');
    const outOfScale = await answer(ana, [a('tech:a', 6, 3, 2070)]);
    expect(outOfScale.errors![0]!.extensions!.fields).toEqual([
      expect.objectContaining({ field: 'answers[0].impact' }),
      expect.objectContaining({ field: 'answers[0].horizonYear' }),
    ]);
  });

  it('keeps answers blind until the close, and lets them change until then', async () => {
    expect((await answer(ana, [a('tech:a', 1, 3, 2030), a('tech:b', 2, 2, 2040)])).errors).toBeUndefined();
    // Ben first says 5 for Alpha, then changes his mind to 3: the later answer replaces the earlier.
    expect((await answer(ben, [a('tech:a', 5, 3, 2030)])).errors).toBeUndefined();
    expect((await answer(ben, [a('tech:a', 3, 3, 2030), a('tech:b', 2, 4, 2035)])).errors).toBeUndefined();
    expect((await answer(cara, [a('tech:a', 4, 3, 2037), a('tech:b', 5, 5, 2050)])).errors).toBeUndefined();

    const asAna = (await api.execute(READ, { id: studyId }, ana)).data.delphiStudy;
    expect(asAna.rounds[0]).toMatchObject({ status: 'OPEN', results: null, respondents: null, consensus: null });
    expect(asAna.rounds[0].myAnswers).toEqual([
      { itemId: 'tech:a', impact: 1, likelihood: 3, horizonYear: 2030, rationale: null },
      { itemId: 'tech:b', impact: 2, likelihood: 2, horizonYear: 2040, rationale: null },
    ]);
    // The lead, and the repository itself, see no one else's answers of an open round either.
    const asLead = (await api.execute(READ, { id: studyId }, lena)).data.delphiStudy;
    expect(asLead.rounds[0]).toMatchObject({ results: null, respondents: null, myAnswers: [] });
    expect((await findReadableAnswers(db, studyId, ana.id)).map((r) => r.userId)).toEqual([ana.id, ana.id]);
  });

  it('only the lead closes the round', async () => {
    expect(codeOf(await api.execute(CLOSE, { studyId }, ana))).toBe('FORBIDDEN');
  });

  it('closes with the statistics worked out by hand', async () => {
    const result = await api.execute(CLOSE, { studyId }, lena);
    expect(result.errors).toBeUndefined();
    const round = result.data.closeDelphiRound.rounds[0];
    // Alpha: impact 1, 3, 4 → median 3; Q1 h = 0.5 → 1 + 0.5·2 = 2; Q3 h = 1.5 → 3 + 0.5·1 = 3.5; IQR 1.5.
    //        likelihood 3, 3, 3 → 3, IQR 0. Horizon 2030, 2030, 2037 → median 2030, Q1 2030, Q3 2030 + 0.5·7 = 2033.5, IQR 3.5.
    // Beta:  impact 2, 2, 5 → median 2, Q1 2, Q3 2 + 0.5·3 = 3.5, IQR 1.5. Likelihood 2, 4, 5 → median 4,
    //        Q1 2 + 0.5·2 = 3, Q3 4 + 0.5·1 = 4.5, IQR 1.5. Horizon 2035, 2040, 2050 → median 2040, Q1 2037.5, Q3 2045, IQR 7.5.
    const [alpha, beta] = round.results;
    expect(alpha).toMatchObject({
      itemId: 'tech:a',
      answers: 3,
      impact: { count: 3, median: 3, lowerQuartile: 2, upperQuartile: 3.5, iqr: 1.5 },
      likelihood: { median: 3, lowerQuartile: 3, upperQuartile: 3, iqr: 0 },
      horizonYear: { median: 2030, lowerQuartile: 2030, upperQuartile: 2033.5, iqr: 3.5 },
    });
    expect(alpha.impact.histogram.map((b: { count: number }) => b.count)).toEqual([1, 0, 1, 1, 0]);
    expect(beta).toMatchObject({
      impact: { median: 2, lowerQuartile: 2, upperQuartile: 3.5, iqr: 1.5 },
      likelihood: { median: 4, lowerQuartile: 3, upperQuartile: 4.5, iqr: 1.5 },
      horizonYear: { median: 2040, lowerQuartile: 2037.5, upperQuartile: 2045, iqr: 7.5, histogram: [2035, 2040, 2050].map((value) => ({ value, count: 1 })) },
    });
    // Consensus: IQR / scale points = 1.5/5, 0/5, 3.5/35 (Alpha) and 1.5/5, 1.5/5, 7.5/35 (Beta)
    // = 0.3 + 0 + 0.1 + 0.3 + 0.3 + 0.2143 = 1.2143; / 6 = 0.2024 > 0.2: not reached.
    expect(round).toMatchObject({ status: 'CLOSED', respondents: 3, consensus: 0.2024, consensusReached: false });
  });

  it('refuses answers after the close', async () => {
    const late = await answer(ana, [a('tech:a', 2, 3, 2030)]);
    expect(fieldOf(late)).toBe('studyId');
    expect(late.errors![0]!.message).toMatch(/closed/);
  });
});

describe('round 2: feedback and rationales', () => {
  it('opens on the same items; results cannot be written while it is open', async () => {
    expect(codeOf(await api.execute(NEXT, { studyId }, ben))).toBe('FORBIDDEN');
    const result = await api.execute(NEXT, { studyId }, lena);
    expect(result.errors).toBeUndefined();
    expect(result.data.openNextDelphiRound.rounds[1]).toMatchObject({ number: 2, status: 'OPEN', itemIds: ['tech:a', 'tech:b'] });
    expect(fieldOf(await api.execute(WRITE, { studyId }, lena))).toBe('studyId');
  });

  it('asks a rationale of the analysts outside the previous IQR', async () => {
    // Ana keeps impact 1 for Alpha: below round 1's Q1 of 2 → a rationale is required.
    const bare = await answer(ana, [a('tech:a', 1, 3, 2030), a('tech:b', 2, 3, 2040)]);
    expect(fieldOf(bare)).toBe('answers[0].rationale');
    expect(bare.errors![0]!.message).toContain('impact 1');
    expect((await answer(ana, [a('tech:a', 1, 3, 2030, 'Only niche deployments expected'), a('tech:b', 2, 3, 2040)])).errors).toBeUndefined();
    // Ben: every value within round 1's ranges (Alpha 2–3.5, 3–3, 2030–2033.5; Beta 2–3.5, 3–4.5, 2037.5–2045).
    expect((await answer(ben, [a('tech:a', 3, 3, 2031), a('tech:b', 3, 4, 2040)])).errors).toBeUndefined();
    // Cara converges on Alpha but holds to Beta 5, 5, 2050: above Q3 on all three questions (3.5, 4.5, 2045).
    const held = await answer(cara, [a('tech:a', 3, 3, 2033), a('tech:b', 5, 5, 2050)]);
    expect(fieldOf(held)).toBe('answers[1].rationale');
    expect(held.errors![0]!.message).toMatch(/impact 5.*likelihood 5.*horizon year 2050/);
    const kept = await answer(cara, [a('tech:a', 3, 3, 2033), a('tech:b', 5, 5, 2050, 'Procurement cycles are long')]);
    expect(kept.errors).toBeUndefined();
    // Cara sees round 1's feedback next to her own round-1 answer, and nothing of round 2's group.
    const asCara = kept.data.answerDelphiRound;
    expect(asCara.rounds[0].myAnswers[1]).toMatchObject({ itemId: 'tech:b', impact: 5 });
    expect(asCara.rounds[0].results[1].impact).toMatchObject({ lowerQuartile: 2, upperQuartile: 3.5 });
    expect(asCara.rounds[1]).toMatchObject({ results: null, respondents: null });
  });

  it('closes round 2 with consensus reached', async () => {
    const round = (await api.execute(CLOSE, { studyId }, lena)).data.closeDelphiRound.rounds[1];
    // Alpha: impact 1, 3, 3 → median 3, Q1 1 + 0.5·2 = 2, Q3 3, IQR 1; likelihood 3, 3, 3 → IQR 0;
    //        horizon 2030, 2031, 2033 → median 2031, Q1 2030.5, Q3 2032, IQR 1.5.
    // Beta:  impact 2, 3, 5 → median 3, Q1 2.5, Q3 4, IQR 1.5; likelihood 3, 4, 5 → median 4, Q1 3.5, Q3 4.5, IQR 1;
    //        horizon 2040, 2040, 2050 → median 2040, Q1 2040, Q3 2045, IQR 5.
    const [alpha, beta] = round.results;
    expect(alpha).toMatchObject({
      impact: { median: 3, lowerQuartile: 2, upperQuartile: 3, iqr: 1 },
      likelihood: { median: 3, iqr: 0 },
      horizonYear: { median: 2031, lowerQuartile: 2030.5, upperQuartile: 2032, iqr: 1.5 },
      rationales: ['Only niche deployments expected'],
    });
    expect(beta).toMatchObject({
      impact: { median: 3, lowerQuartile: 2.5, upperQuartile: 4, iqr: 1.5 },
      likelihood: { median: 4, lowerQuartile: 3.5, upperQuartile: 4.5, iqr: 1 },
      horizonYear: { median: 2040, lowerQuartile: 2040, upperQuartile: 2045, iqr: 5 },
      rationales: ['Procurement cycles are long'],
    });
    expect(beta.impact.histogram.map((b: { count: number }) => b.count)).toEqual([0, 1, 1, 0, 1]);
    // 1/5 + 0 + 1.5/35 + 1.5/5 + 1/5 + 5/35 = 0.2 + 0 + 0.0429 + 0.3 + 0.2 + 0.1429 = 0.8857; / 6 = 0.1476 ≤ 0.2.
    expect(round).toMatchObject({ consensus: 0.1476, consensusReached: true, respondents: 3 });
  });
});

describe('writing the results to the ratings', () => {
  it('writes the medians as the panel’s ratings with the study and round as provenance, once', async () => {
    expect(codeOf(await api.execute(WRITE, { studyId }, ana))).toBe('FORBIDDEN');
    const written = await api.execute(WRITE, { studyId }, lena);
    expect(written.errors).toBeUndefined();
    expect(written.data.writeDelphiResults.rounds[1].resultsWrittenAt).toBeTruthy();

    const read = await api.execute(
      `{ a: technology(id: "tech:a") { annotations { author impact likelihood horizonYear text tags } ratings { raters impact { mean } } }
         b: technology(id: "tech:b") { annotations { author impact likelihood horizonYear } }
         h: history(id: "tech:a") { changes { kind byName comment fields { field after } } } }`,
      {},
      ana,
    );
    expect(read.errors).toBeUndefined();
    // Alpha medians 3, 3, 2031; Beta 3, 4, 2040 (whole already, so no rounding).
    expect(read.data.a.annotations).toEqual([
      expect.objectContaining({ author: 'Delphi panel: Sensing 2040 (round 2)', impact: 3, likelihood: 3, horizonYear: 2031, tags: ['delphi'] }),
    ]);
    expect(read.data.a.annotations[0].text).toContain('Delphi study "Sensing 2040", round 2 (3 analysts; consensus index 0.1476)');
    expect(read.data.a.ratings).toEqual({ raters: 1, impact: { mean: 3 } });
    expect(read.data.b.annotations).toEqual([expect.objectContaining({ impact: 3, likelihood: 4, horizonYear: 2040 })]);
    expect(read.data.h.changes[0]).toMatchObject({
      kind: 'UPDATE',
      byName: 'Lena Lead',
      comment: expect.stringContaining('Delphi study "Sensing 2040", round 2'),
      fields: [
        { field: 'panelImpact', after: 3 },
        { field: 'panelLikelihood', after: 3 },
        { field: 'panelHorizonYear', after: 2031 },
      ],
    });

    const again = await api.execute(WRITE, { studyId }, lena);
    expect(fieldOf(again)).toBe('studyId');
    expect(await db.read('MATCH (n:Annotation) RETURN n')).toHaveLength(2);
  });

  it('lists the study for everyone signed in', async () => {
    const list = await api.execute('{ delphiStudies { title roundNumber status consensus youAreInvited panelSize itemCount } }', {}, vera);
    expect(list.data.delphiStudies).toEqual([
      { title: 'Sensing 2040', roundNumber: 2, status: 'CLOSED', consensus: 0.1476, youAreInvited: false, panelSize: 3, itemCount: 2 },
    ]);
  });
});

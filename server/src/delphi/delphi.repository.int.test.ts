// Against the throwaway Neo4j: one Delphi study on a technology and a signal with two panel members, through its
// rounds at the repository level: blind answers while a round is open, the close recording what `summarise` computed
// from the answers read in the same transaction, a next round on fewer items, and the results written as ratings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, HISTORY_LABEL } from '../db/labels.js';
import { DelphiRoundStatus } from './delphi.model.js';
import {
  closeRound,
  findPanelCandidates,
  findReadableAnswers,
  findStudies,
  insertNextRound,
  insertStudy,
  saveAnswers,
  writeResultRatings,
  type AnswerRow,
} from './delphi.repository.js';

const queries = new QueryRecorder('delphi/delphi.repository');
let db: Database;

const lena = { id: 'user:lena', name: 'Lena Lead', admin: false };
const ana = { id: 'user:ana', name: 'Ana', admin: false };
const ID = 'delphi:1';
const panel = { id: `${ID}:panel`, name: 'Delphi panel: Sensing 2030 (round 1)' };

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `UNWIND [['user:lena', 'Lena Lead', 'analyst', null], ['user:ana', 'Ana', 'analyst', 'active'], ['user:ben', 'Ben', 'admin', null],
             ['user:vera', 'Vera', 'viewer', null], ['user:olga', 'Olga', 'analyst', 'disabled']] AS u
     CREATE (:${AUTH_LABELS.USER} {id: u[0], name: u[1], role: u[2], status: u[3]})
     WITH count(*) AS users
     CREATE (:${ENTITY_LABEL}:Technology {id: 'tech:a', name: 'Alpha sensing'})
     CREATE (:${ENTITY_LABEL}:Signal {id: 'sig:1', name: 'Drone swarm trial'})`,
  );
});
afterAll(closeTestDatabase);

const code = (field: string, c = 'BAD_USER_INPUT') => ({ extensions: { code: c, field } });
const answer = (itemId: string, impact: number, rationale: string | null = null) => ({ itemId, impact, likelihood: 3, horizonYear: 2030, rationale });
const brief = (rows: AnswerRow[]) => rows.map((r) => [r.roundNumber, r.itemId, r.userId, r.impact]);

describe('Delphi studies', () => {
  it('offers active analysts and admins as panel members, by name', async () => {
    expect(await findPanelCandidates(db)).toEqual([
      { id: 'user:ana', name: 'Ana' },
      { id: 'user:ben', name: 'Ben' },
      { id: 'user:lena', name: 'Lena Lead' },
    ]);
  });

  it('opens a study with its round 1; a viewer on the panel writes nothing', async () => {
    const bad = insertStudy(db, { id: 'delphi:bad', title: 'Bad', itemIds: ['tech:a'], inviteeIds: ['user:ana', 'user:vera'] }, lena);
    await expect(bad).rejects.toMatchObject(code('input.inviteeIds'));
    await insertStudy(db, { id: ID, title: 'Sensing 2030', itemIds: ['tech:a', 'sig:1'], inviteeIds: ['user:ana', 'user:ben'] }, lena);
    const [study, ...others] = await findStudies(db);
    expect(others).toEqual([]);
    expect(study).toMatchObject({
      id: ID,
      title: 'Sensing 2030',
      leadId: 'user:lena',
      leadName: 'Lena Lead',
      items: [
        { id: 'tech:a', name: 'Alpha sensing', kind: 'Technology' },
        { id: 'sig:1', name: 'Drone swarm trial', kind: 'Signal' },
      ],
      invitees: [
        { id: 'user:ana', name: 'Ana' },
        { id: 'user:ben', name: 'Ben' },
      ],
      rounds: [
        {
          number: 1,
          status: DelphiRoundStatus.OPEN,
          closedAt: null,
          itemIds: ['tech:a', 'sig:1'],
          consensus: null,
          consensusReached: null,
          resultsWrittenAt: null,
        },
      ],
    });
    expect(await findStudies(db, 'delphi:none')).toEqual([]);
  });

  it('saves panel members’ answers (a second save replaces), each reading only their own while open', async () => {
    await expect(saveAnswers(db, ID, 1, 'user:lena', [answer('tech:a', 1)])).rejects.toMatchObject(code('studyId', 'FORBIDDEN'));
    await expect(saveAnswers(db, ID, 2, 'user:ana', [answer('tech:a', 1)])).rejects.toMatchObject(code('studyId'));
    await expect(saveAnswers(db, 'delphi:none', 1, 'user:ana', [])).rejects.toMatchObject(code('studyId', 'NOT_FOUND'));
    await saveAnswers(db, ID, 1, 'user:ana', [answer('tech:a', 2), answer('sig:1', 3)]);
    await saveAnswers(db, ID, 1, 'user:ana', [answer('tech:a', 4, 'Fielded soon')]);
    await saveAnswers(db, ID, 1, 'user:ben', [answer('tech:a', 5)]);
    const own = await findReadableAnswers(db, ID, 'user:ana');
    expect(brief(own)).toEqual([
      [1, 'sig:1', 'user:ana', 3],
      [1, 'tech:a', 'user:ana', 4],
    ]);
    expect(own[1]).toMatchObject({ likelihood: 3, horizonYear: 2030, rationale: 'Fielded soon' });
    expect(await findReadableAnswers(db, ID, null)).toEqual([]);
  });

  it('closes the round by its lead only, recording what summarise made of every answer', async () => {
    const summarise = (itemIds: string[], answers: AnswerRow[]) => {
      seen = { itemIds, answers: brief(answers) };
      return { index: 0.15, reached: true };
    };
    let seen: unknown = null;
    await expect(closeRound(db, ID, 1, ana, summarise)).rejects.toMatchObject(code('studyId', 'FORBIDDEN'));
    expect(seen).toBeNull();
    await closeRound(db, ID, 1, lena, summarise);
    expect(seen).toEqual({
      itemIds: ['tech:a', 'sig:1'],
      answers: [
        [1, 'sig:1', 'user:ana', 3],
        [1, 'tech:a', 'user:ana', 4],
        [1, 'tech:a', 'user:ben', 5],
      ],
    });
    const [study] = await findStudies(db, ID);
    expect(study!.rounds[0]).toMatchObject({ status: DelphiRoundStatus.CLOSED, consensus: 0.15, consensusReached: true });
    expect(study!.rounds[0]!.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(brief(await findReadableAnswers(db, ID, null))).toHaveLength(3);
    await expect(closeRound(db, ID, 1, lena, summarise)).rejects.toMatchObject(code('studyId'));
    await expect(saveAnswers(db, ID, 1, 'user:ana', [answer('tech:a', 1)])).rejects.toMatchObject(code('studyId'));
  });

  it('writes the closed round’s medians as the panel’s ratings, once', async () => {
    const rating = { itemId: 'tech:a', annotationId: 'ann:delphi-1', text: 'Panel median', impact: 4, likelihood: 3, horizonYear: 2030 };
    await expect(writeResultRatings(db, ID, 1, panel, [rating], ana)).rejects.toMatchObject(code('studyId', 'FORBIDDEN'));
    await writeResultRatings(db, ID, 1, panel, [rating], lena);
    const [round] = (await findStudies(db, ID))[0]!.rounds;
    expect(round).toMatchObject({ resultsWrittenBy: 'Lena Lead' });
    expect(round!.resultsWrittenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const written = await db.read(
      `MATCH (a:Annotation {id: 'ann:delphi-1'})-[:ANNOTATES]->(t) MATCH (c:${HISTORY_LABEL} {entityId: t.id})
       RETURN t.id AS target, a.author AS author, a.impact AS impact, c.byName AS by`,
    );
    expect(written).toEqual([{ target: 'tech:a', author: panel.name, impact: 4, by: 'Lena Lead' }]);
    await expect(writeResultRatings(db, ID, 1, panel, [rating], lena)).rejects.toMatchObject(code('studyId'));
  });

  it('opens the next round on the same items or fewer, from the latest closed round only', async () => {
    await expect(insertNextRound(db, ID, 1, ['tech:a', 'tech:other'], lena)).rejects.toMatchObject(code('itemIds'));
    await expect(insertNextRound(db, ID, 1, ['tech:a'], ana)).rejects.toMatchObject(code('studyId', 'FORBIDDEN'));
    await insertNextRound(db, ID, 1, ['tech:a'], { ...ana, admin: true });
    const [study] = await findStudies(db, ID);
    expect(study!.rounds.map((r) => [r.number, r.status, r.itemIds])).toEqual([
      [1, DelphiRoundStatus.CLOSED, ['tech:a', 'sig:1']],
      [2, DelphiRoundStatus.OPEN, ['tech:a']],
    ]);
    await expect(insertNextRound(db, ID, 1, ['tech:a'], lena)).rejects.toMatchObject(code('studyId'));
    await expect(writeResultRatings(db, ID, 2, panel, [], lena)).rejects.toMatchObject(code('studyId'));
  });

  queries.snapshotTest();
});

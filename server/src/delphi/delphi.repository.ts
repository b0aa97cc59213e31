// All Cypher of Delphi studies. The model (labels in db/labels.ts, DELPHI_*):
//   (s:DelphiStudy {id, title, createdAt, leadId, leadName})-[:DELPHI_ITEM]->(item:Entity)   technologies or signals
//   (s)-[:DELPHI_INVITES]->(u:User)                                                          the panel
//   (s)-[:HAS_ROUND]->(r:DelphiRound {number, status, openedAt, closedAt, itemIds, consensus, consensusReached…})
//   (a:DelphiAnswer {key, itemId, userId, impact, likelihood, horizonYear, rationale, answeredAt})
//       -[:IN_ROUND]->(r), -[:ANSWERED_BY]->(u), -[:ABOUT]->(item)
// Blind answering is enforced here too: answers of an OPEN round are read only for the one user asking.
import type { Database, WriteTx } from '../db/database.js';
import { int } from '../db/values.js';
import { AUTH_LABELS, DELPHI_LABELS, DELPHI_LINKS, ENTITY_LABEL } from '../db/labels.js';
import { createAnnotation } from '../annotation/annotation.repository.js';
import { checkReferences } from '../entity/entity.writes.repository.js';
import { badInput, notAllowed, notFound } from '../graphql/errors.js';
import { recordChange } from '../history/history.repository.js';
import type { Actor } from '../history/history.model.js';
import { DELPHI_ITEM_KINDS, DelphiRoundStatus, type AnswerValues } from './delphi.model.js';

const { STUDY, ROUND, ANSWER } = DELPHI_LABELS;
const { DELPHI_ITEM, DELPHI_INVITES, HAS_ROUND, IN_ROUND, ANSWERED_BY, ABOUT } = DELPHI_LINKS;
const USER = AUTH_LABELS.USER;
const OPEN = DelphiRoundStatus.OPEN;
const CLOSED = DelphiRoundStatus.CLOSED;

export interface PanelMember {
  id: string;
  name: string;
}

export interface StudyItem {
  id: string;
  name: string;
  kind: string;
}

export interface RoundRow {
  number: number;
  status: DelphiRoundStatus;
  openedAt: string;
  closedAt: string | null;
  itemIds: string[];
  consensus: number | null;
  consensusReached: boolean | null;
  resultsWrittenAt: string | null;
  resultsWrittenBy: string | null;
}

export interface StudyRow {
  id: string;
  title: string;
  createdAt: string;
  leadId: string;
  leadName: string;
  items: StudyItem[];
  invitees: PanelMember[];
  /** Oldest first; the last is the current round. */
  rounds: RoundRow[];
}

export interface AnswerRow extends AnswerValues {
  roundNumber: number;
  itemId: string;
  userId: string;
  rationale: string | null;
  answeredAt: string;
}

/** Analysts and admins who can sit on a panel: active accounts, by name. */
export const PANEL_CANDIDATES_QUERY = `MATCH (u:${USER})
WHERE u.role IN ['analyst', 'admin'] AND coalesce(u.status, 'active') = 'active'
RETURN u.id AS id, u.name AS name ORDER BY u.name, u.id`;

export async function findPanelCandidates(db: Database): Promise<PanelMember[]> {
  return db.read<PanelMember>(PANEL_CANDIDATES_QUERY);
}

/** One study (or every study when $id is null, newest first) with items, panel and rounds. */
export const STUDIES_QUERY = `MATCH (s:${STUDY})
WHERE $id IS NULL OR s.id = $id
RETURN s.id AS id, s.title AS title, toString(s.createdAt) AS createdAt, s.leadId AS leadId, s.leadName AS leadName,
  COLLECT { MATCH (s)-[:${DELPHI_ITEM}]->(e:${ENTITY_LABEL})
    RETURN {id: e.id, name: e.name, kind: [l IN labels(e) WHERE l <> '${ENTITY_LABEL}'][0]} ORDER BY e.name, e.id } AS items,
  COLLECT { MATCH (s)-[:${DELPHI_INVITES}]->(u:${USER}) RETURN {id: u.id, name: u.name} ORDER BY u.name, u.id } AS invitees,
  COLLECT { MATCH (s)-[:${HAS_ROUND}]->(r:${ROUND})
    RETURN {number: r.number, status: r.status, openedAt: toString(r.openedAt), closedAt: toString(r.closedAt), itemIds: r.itemIds,
            consensus: r.consensus, consensusReached: r.consensusReached,
            resultsWrittenAt: toString(r.resultsWrittenAt), resultsWrittenBy: r.resultsWrittenBy} ORDER BY r.number } AS rounds
ORDER BY s.createdAt DESC, s.id`;

export async function findStudies(db: Database | WriteTx, id: string | null = null): Promise<StudyRow[]> {
  const run = 'read' in db ? db.read.bind(db) : db.run.bind(db);
  return run<StudyRow>(STUDIES_QUERY, { id });
}

/**
 * The answers of a study's rounds that `userId` may read: every answer of a CLOSED round, and only their own of an
 * OPEN one (null: only closed rounds). Oldest round first.
 */
export const ANSWERS_QUERY = `MATCH (:${STUDY} {id: $studyId})-[:${HAS_ROUND}]->(r:${ROUND})<-[:${IN_ROUND}]-(a:${ANSWER})
WHERE r.status = '${CLOSED}' OR a.userId = $userId
RETURN r.number AS roundNumber, a.itemId AS itemId, a.userId AS userId, a.impact AS impact, a.likelihood AS likelihood,
  a.horizonYear AS horizonYear, a.rationale AS rationale, toString(a.answeredAt) AS answeredAt
ORDER BY r.number, a.itemId, a.answeredAt, a.userId`;

export async function findReadableAnswers(db: Database | WriteTx, studyId: string, userId: string | null): Promise<AnswerRow[]> {
  const run = 'read' in db ? db.read.bind(db) : db.run.bind(db);
  return run<AnswerRow>(ANSWERS_QUERY, { studyId, userId });
}

/** Every answer of one round, whoever gave it: read only inside the close, to compute what the close records. */
export const ROUND_ANSWERS_QUERY = `MATCH (:${STUDY} {id: $studyId})-[:${HAS_ROUND}]->(r:${ROUND} {number: $roundNumber})<-[:${IN_ROUND}]-(a:${ANSWER})
RETURN r.number AS roundNumber, a.itemId AS itemId, a.userId AS userId, a.impact AS impact, a.likelihood AS likelihood,
  a.horizonYear AS horizonYear, a.rationale AS rationale, toString(a.answeredAt) AS answeredAt
ORDER BY a.itemId, a.userId`;

export interface NewStudy {
  id: string;
  title: string;
  itemIds: string[];
  inviteeIds: string[];
}

/** Creates the study and its round 1 (OPEN) in one transaction; unknown items or panel members roll it back. */
export async function insertStudy(db: Database, study: NewStudy, lead: Actor): Promise<void> {
  await db.writeTransaction(async (tx) => {
    await checkReferences(tx, [{ field: 'input.itemIds', ids: study.itemIds, kinds: DELPHI_ITEM_KINDS }]);
    const found = await tx.run<{ id: string }>(
      `UNWIND $ids AS id MATCH (u:${USER} {id: id})
       WHERE u.role IN ['analyst', 'admin'] AND coalesce(u.status, 'active') = 'active' RETURN u.id AS id`,
      { ids: study.inviteeIds },
    );
    const missing = study.inviteeIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) {
      throw badInput({
        field: 'input.inviteeIds',
        message: `${missing.join(', ')} is not an active analyst or admin. Pick panel members from delphiPanelCandidates.`,
      });
    }
    await tx.run(
      `CREATE (s:${STUDY} {id: $id, title: $title, createdAt: datetime(), leadId: $leadId, leadName: $leadName})
       CREATE (s)-[:${HAS_ROUND}]->(:${ROUND} {studyId: $id, number: 1, status: '${OPEN}', openedAt: datetime(), itemIds: $itemIds})
       WITH s
       CALL (s) { UNWIND $itemIds AS itemId MATCH (e:${ENTITY_LABEL} {id: itemId}) CREATE (s)-[:${DELPHI_ITEM}]->(e) }
       CALL (s) { UNWIND $inviteeIds AS userId MATCH (u:${USER} {id: userId}) CREATE (s)-[:${DELPHI_INVITES}]->(u) }`,
      { id: study.id, title: study.title, itemIds: study.itemIds, inviteeIds: study.inviteeIds, leadId: lead.id, leadName: lead.name },
    );
  });
}

/** The study as the transaction sees it, or NOT_FOUND. */
async function studyInTx(tx: WriteTx, studyId: string): Promise<StudyRow & { current: RoundRow }> {
  const [study] = await findStudies(tx, studyId);
  if (!study) throw notFound('Delphi study', studyId, 'studyId');
  return { ...study, current: study.rounds[study.rounds.length - 1]! };
}

function refuseUnlessLead(study: StudyRow, actor: Actor & { admin: boolean }, action: string): void {
  if (study.leadId !== actor.id && !actor.admin) {
    throw notAllowed(`Only the study's lead, ${study.leadName} (or an administrator), can ${action}. Ask them to do it.`, 'studyId');
  }
}

export interface AnswerWrite extends AnswerValues {
  itemId: string;
  rationale: string | null;
}

/**
 * Saves (or replaces) the caller's answers in the study's current round, which must still be round `roundNumber` and
 * OPEN, and whose panel must include the caller: both checked inside the transaction, so an answer can never land
 * after the close.
 */
export async function saveAnswers(db: Database, studyId: string, roundNumber: number, userId: string, answers: readonly AnswerWrite[]): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const study = await studyInTx(tx, studyId);
    if (!study.invitees.some((u) => u.id === userId)) {
      throw notAllowed(`You are not on the panel of "${study.title}". Ask its lead, ${study.leadName}, to invite you.`, 'studyId');
    }
    if (study.current.number !== roundNumber || study.current.status !== OPEN) {
      throw badInput({
        field: 'studyId',
        message: `round ${roundNumber} of "${study.title}" is closed; answers cannot change after the close. Reload to see the results.`,
      });
    }
    await tx.run(
      `MATCH (:${STUDY} {id: $studyId})-[:${HAS_ROUND}]->(r:${ROUND} {number: $roundNumber})
       MATCH (u:${USER} {id: $userId})
       UNWIND $answers AS answer
       MATCH (e:${ENTITY_LABEL} {id: answer.itemId})
       MERGE (a:${ANSWER} {key: answer.key})
       ON CREATE SET a.itemId = answer.itemId, a.userId = $userId
       SET a.impact = answer.impact, a.likelihood = answer.likelihood, a.horizonYear = answer.horizonYear,
           a.rationale = answer.rationale, a.answeredAt = datetime()
       MERGE (a)-[:${IN_ROUND}]->(r)
       MERGE (a)-[:${ANSWERED_BY}]->(u)
       MERGE (a)-[:${ABOUT}]->(e)`,
      {
        studyId,
        roundNumber: int(roundNumber),
        userId,
        answers: answers.map((a) => ({
          key: `${studyId}|${roundNumber}|${a.itemId}|${userId}`,
          itemId: a.itemId,
          impact: int(a.impact),
          likelihood: int(a.likelihood),
          horizonYear: int(a.horizonYear),
          rationale: a.rationale,
        })),
      },
    );
  });
}

/**
 * Closes the current round `roundNumber` and records the consensus computed (by `summarise`, pure) from its answers
 * as read inside the same transaction: no answer can slip in between the count and the close.
 */
export async function closeRound(
  db: Database,
  studyId: string,
  roundNumber: number,
  actor: Actor & { admin: boolean },
  summarise: (itemIds: string[], answers: AnswerRow[]) => { index: number | null; reached: boolean },
): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const study = await studyInTx(tx, studyId);
    refuseUnlessLead(study, actor, 'close a round');
    if (study.current.number !== roundNumber || study.current.status !== OPEN) {
      throw badInput({ field: 'studyId', message: `round ${roundNumber} of "${study.title}" is already closed. Reload to see the results.` });
    }
    const answers = await tx.run<AnswerRow>(ROUND_ANSWERS_QUERY, { studyId, roundNumber: int(roundNumber) });
    const consensus = summarise(study.current.itemIds, answers);
    await tx.run(
      `MATCH (:${STUDY} {id: $studyId})-[:${HAS_ROUND}]->(r:${ROUND} {number: $roundNumber})
       SET r.status = '${CLOSED}', r.closedAt = datetime(), r.consensus = $index, r.consensusReached = $reached, r.closedBy = $by`,
      { studyId, roundNumber: int(roundNumber), index: consensus.index, reached: consensus.reached, by: actor.name },
    );
  });
}

/** Opens round `fromNumber + 1` on `itemIds` (a subset of round `fromNumber`'s items), which must be current and CLOSED. */
export async function insertNextRound(db: Database, studyId: string, fromNumber: number, itemIds: readonly string[], actor: Actor & { admin: boolean }) {
  await db.writeTransaction(async (tx) => {
    const study = await studyInTx(tx, studyId);
    refuseUnlessLead(study, actor, 'open the next round');
    if (study.current.number !== fromNumber || study.current.status !== CLOSED) {
      throw badInput({
        field: 'studyId',
        message:
          study.current.status === OPEN
            ? `round ${study.current.number} is still open; close it before opening the next.`
            : `round ${study.current.number} is now the latest; reload and open the next round from it.`,
      });
    }
    const outside = itemIds.filter((id) => !study.current.itemIds.includes(id));
    if (outside.length > 0) {
      throw badInput({
        field: 'itemIds',
        message: `${outside.join(', ')} was not asked in round ${fromNumber}; a next round asks about the same items or fewer.`,
      });
    }
    await tx.run(
      `MATCH (s:${STUDY} {id: $studyId})
       CREATE (s)-[:${HAS_ROUND}]->(:${ROUND} {studyId: $studyId, number: $number, status: '${OPEN}', openedAt: datetime(), itemIds: $itemIds})`,
      { studyId, number: int(fromNumber + 1), itemIds },
    );
  });
}

export interface ResultRating {
  itemId: string;
  annotationId: string;
  text: string;
  impact: number | null;
  likelihood: number | null;
  horizonYear: number | null;
}

/**
 * Writes the medians of the current (closed) round as the panel's ratings: one annotation per item (the existing
 * rating model, author = the panel), a history record on each item naming study and round, and the round marked as
 * written, all in one transaction. The panel is one rater in each item's rating spread; a later round's results
 * replace its earlier vote there (annotation.analysis.ts counts each author's latest).
 */
export async function writeResultRatings(
  db: Database,
  studyId: string,
  roundNumber: number,
  panel: { id: string; name: string },
  ratings: readonly ResultRating[],
  actor: Actor & { admin: boolean },
): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const study = await studyInTx(tx, studyId);
    refuseUnlessLead(study, actor, 'write the results to ratings');
    const round = study.current;
    if (round.number !== roundNumber || round.status !== CLOSED) {
      throw badInput({ field: 'studyId', message: `round ${round.number} is still open; close it first, then write its results.` });
    }
    if (round.resultsWrittenAt) {
      throw badInput({
        field: 'studyId',
        message: `the results of round ${round.number} were written on ${round.resultsWrittenAt.slice(0, 10)}; open a next round to revise them.`,
      });
    }
    for (const r of ratings) {
      const item = study.items.find((i) => i.id === r.itemId);
      await createAnnotation(
        tx,
        r.annotationId,
        r.itemId,
        {
          text: r.text,
          impact: r.impact,
          likelihood: r.likelihood,
          horizonYear: r.horizonYear,
          reliability: null,
          credibility: null,
          tags: ['delphi'],
          references: [],
        },
        panel,
      );
      await recordChange(tx, actor, {
        kind: 'UPDATE',
        entityId: r.itemId,
        entityKind: item?.kind ?? null,
        entityName: item?.name ?? null,
        fields: [
          { field: 'panelImpact', before: null, after: r.impact },
          { field: 'panelLikelihood', before: null, after: r.likelihood },
          { field: 'panelHorizonYear', before: null, after: r.horizonYear },
        ],
        comment: `Delphi study "${study.title}", round ${round.number}: group medians written as the panel's ratings (${r.annotationId}).`,
      });
    }
    await tx.run(
      `MATCH (:${STUDY} {id: $studyId})-[:${HAS_ROUND}]->(r:${ROUND} {number: $roundNumber})
       SET r.resultsWrittenAt = datetime(), r.resultsWrittenBy = $by`,
      { studyId, roundNumber: int(roundNumber), by: actor.name },
    );
  });
}

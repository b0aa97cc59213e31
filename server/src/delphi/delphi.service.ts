// Delphi studies: validation first, the blind-answering rule, and each caller's view of a study. Cypher lives in
// delphi.repository.ts, the statistics in delphi.statistics.ts (pure). Method: docs/delphi.md.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { assertValid, badInput, notAllowed, notFound, type FieldProblem } from '../graphql/errors.js';
import { hasRole, type AuthUser } from '../auth/roles.js';
import { DelphiRoundStatus, QUESTION_WORDS, type Question } from './delphi.model.js';
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
  type RoundRow,
  type StudyRow,
} from './delphi.repository.js';
import { consensusOf, itemStatistics, outsideRange, ratingOf, type ItemStats } from './delphi.statistics.js';
import type { DelphiAnswerInput, DelphiItemResult, DelphiRound, DelphiStudy, DelphiStudyInput, DelphiStudySummary } from './delphi.type.js';
import { answerProblems, studyProblems } from './delphi.validation.js';

type Caller = Pick<AuthUser, 'id' | 'name' | 'role'>;

const asActor = (caller: Caller) => ({ id: caller.id, name: caller.name, admin: hasRole(caller.role, 'admin') });

const current = (study: StudyRow): RoundRow => study.rounds[study.rounds.length - 1]!;

function statisticsOf(round: RoundRow, answers: readonly AnswerRow[]): ItemStats[] {
  return itemStatistics(
    round.itemIds,
    answers.filter((a) => a.roundNumber === round.number),
  );
}

/**
 * One round as `caller` may see it. While OPEN: their own answers only, no statistics and no count (blind answering).
 * `answers` already holds only what the caller may read (the repository's query), this is the second lock.
 */
function roundView(round: RoundRow, answers: readonly AnswerRow[], caller: Caller): DelphiRound {
  const inRound = answers.filter((a) => a.roundNumber === round.number);
  const closed = round.status === DelphiRoundStatus.CLOSED;
  const results: DelphiItemResult[] | null = closed
    ? statisticsOf(round, inRound).map((s) => ({
        ...s,
        rationales: inRound
          .filter((a) => a.itemId === s.itemId && a.rationale)
          .map((a) => a.rationale!)
          .sort(),
      }))
    : null;
  return {
    number: round.number,
    status: round.status,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    itemIds: round.itemIds,
    consensus: round.consensus ?? null,
    consensusReached: round.consensusReached ?? null,
    respondents: closed ? new Set(inRound.map((a) => a.userId)).size : null,
    myAnswers: inRound.filter((a) => a.userId === caller.id),
    results,
    resultsWrittenAt: round.resultsWrittenAt,
    resultsWrittenBy: round.resultsWrittenBy,
  };
}

async function studyRow(db: Database, studyId: string): Promise<StudyRow> {
  const [study] = await findStudies(db, studyId);
  if (!study) throw notFound('Delphi study', studyId, 'studyId');
  return study;
}

export async function delphiStudy(db: Database, studyId: string, caller: Caller): Promise<DelphiStudy | null> {
  const [study] = await findStudies(db, studyId);
  if (!study) return null;
  const answers = await findReadableAnswers(db, studyId, caller.id);
  return {
    id: study.id,
    title: study.title,
    createdAt: study.createdAt,
    lead: { id: study.leadId, name: study.leadName },
    items: study.items,
    invitees: study.invitees,
    rounds: study.rounds.map((r) => roundView(r, answers, caller)),
    youLead: asActor(caller).admin || study.leadId === caller.id,
    youAreInvited: study.invitees.some((u) => u.id === caller.id),
  };
}

export async function delphiStudies(db: Database, caller: Caller): Promise<DelphiStudySummary[]> {
  const studies = await findStudies(db);
  return studies.map((s) => {
    const round = current(s);
    const lastClosed = [...s.rounds].reverse().find((r) => r.status === DelphiRoundStatus.CLOSED);
    return {
      id: s.id,
      title: s.title,
      createdAt: s.createdAt,
      leadName: s.leadName,
      itemCount: round.itemIds.length,
      panelSize: s.invitees.length,
      roundNumber: round.number,
      status: round.status,
      consensus: lastClosed?.consensus ?? null,
      youAreInvited: s.invitees.some((u) => u.id === caller.id),
    };
  });
}

export const delphiPanelCandidates = (db: Database) => findPanelCandidates(db);

export async function openDelphiStudy(db: Database, input: DelphiStudyInput, caller: Caller): Promise<DelphiStudy> {
  assertValid(studyProblems(input));
  const id = `delphi:${randomUUID()}`;
  await insertStudy(db, { id, title: input.title.trim(), itemIds: input.itemIds, inviteeIds: input.inviteeIds }, caller);
  return (await delphiStudy(db, id, caller))!;
}

/** "your impact 5 lies outside round 1's interquartile range (2–3.5)" for each question outside it. */
function rationaleProblem(index: number, answer: DelphiAnswerInput, previous: ItemStats | undefined, previousNumber: number): FieldProblem | null {
  if (answer.rationale?.trim()) return null;
  const outside = outsideRange(answer, previous);
  if (outside.length === 0) return null;
  const words = outside.map(
    (q: Question) => `${QUESTION_WORDS[q]} ${answer[q]} (the group's range was ${previous![q].lowerQuartile}–${previous![q].upperQuartile})`,
  );
  return {
    field: `answers[${index}].rationale`,
    message: `is required: your ${words.join(', ')} lies outside round ${previousNumber}'s interquartile range. Say why you see it differently.`,
  };
}

export async function answerDelphiRound(db: Database, studyId: string, answers: DelphiAnswerInput[], caller: Caller): Promise<DelphiStudy> {
  const study = await studyRow(db, studyId);
  const round = current(study);
  if (!study.invitees.some((u) => u.id === caller.id)) {
    throw notAllowed(`You are not on the panel of "${study.title}". Ask its lead, ${study.leadName}, to invite you.`, 'studyId');
  }
  assertValid(answerProblems(answers, round.itemIds));
  if (round.status !== DelphiRoundStatus.OPEN) {
    throw badInput({ field: 'studyId', message: `round ${round.number} of "${study.title}" is closed; answers cannot change after the close.` });
  }
  // From round 2 on, an answer outside the previous round's IQR needs a rationale. The previous round is closed, so
  // its statistics cannot change between this check and the write.
  const previousRound = study.rounds[study.rounds.length - 2];
  if (previousRound) {
    const previous = statisticsOf(previousRound, await findReadableAnswers(db, studyId, null));
    assertValid(
      answers
        .map((a, i) =>
          rationaleProblem(
            i,
            a,
            previous.find((p) => p.itemId === a.itemId && p.answers > 0),
            previousRound.number,
          ),
        )
        .filter((p): p is FieldProblem => p !== null),
    );
  }
  await saveAnswers(
    db,
    studyId,
    round.number,
    caller.id,
    answers.map((a) => ({ ...a, rationale: a.rationale?.trim() || null })),
  );
  return (await delphiStudy(db, studyId, caller))!;
}

export async function closeDelphiRound(db: Database, studyId: string, caller: Caller): Promise<DelphiStudy> {
  const study = await studyRow(db, studyId);
  await closeRound(db, studyId, current(study).number, asActor(caller), (itemIds, answers) => consensusOf(itemStatistics(itemIds, answers)));
  return (await delphiStudy(db, studyId, caller))!;
}

export async function openNextDelphiRound(db: Database, studyId: string, itemIds: string[] | null, caller: Caller): Promise<DelphiStudy> {
  const study = await studyRow(db, studyId);
  const from = current(study);
  const next = itemIds ?? from.itemIds;
  if (next.length === 0 || new Set(next).size !== next.length) {
    throw badInput({ field: 'itemIds', message: 'must name at least one of the previous round’s items, each once (or leave it out to keep them all).' });
  }
  await insertNextRound(db, studyId, from.number, next, asActor(caller));
  return (await delphiStudy(db, studyId, caller))!;
}

/** The medians of the current closed round, written as the panel's ratings of each item that has answers. */
export async function writeDelphiResults(db: Database, studyId: string, caller: Caller): Promise<DelphiStudy> {
  const study = await studyRow(db, studyId);
  const round = current(study);
  if (round.status !== DelphiRoundStatus.CLOSED) {
    throw badInput({ field: 'studyId', message: `round ${round.number} is still open; close it first, then write its results.` });
  }
  const stats = statisticsOf(round, await findReadableAnswers(db, studyId, null)).filter((s) => s.answers > 0);
  if (stats.length === 0) throw badInput({ field: 'studyId', message: `nobody answered in round ${round.number}: there are no results to write.` });
  const names = new Map(study.items.map((i) => [i.id, i.name]));
  const ratings = stats.map((s) => ({
    itemId: s.itemId,
    annotationId: `ann:${randomUUID()}`,
    impact: ratingOf(s.impact.median),
    likelihood: ratingOf(s.likelihood.median),
    horizonYear: ratingOf(s.horizonYear.median),
    text:
      `Delphi study "${study.title}", round ${round.number} (${s.answers} analysts; consensus index ${round.consensus ?? '–'}): ` +
      `group medians for ${names.get(s.itemId) ?? s.itemId}: impact ${s.impact.median} (IQR ${s.impact.iqr}), ` +
      `likelihood ${s.likelihood.median} (IQR ${s.likelihood.iqr}), horizon ${s.horizonYear.median} (IQR ${s.horizonYear.iqr}).`,
  }));
  // The panel is the author: an id no user has, so it counts as one rater and only admins may moderate its vote.
  const panel = { id: `${study.id}:panel`, name: `Delphi panel: ${study.title} (round ${round.number})` };
  await writeResultRatings(db, studyId, round.number, panel, ratings, asActor(caller));
  return (await delphiStudy(db, studyId, caller))!;
}

// Input checks of Delphi studies: they return every problem at once, each naming its field (graphql/validation.ts).
// References (items exist and are technologies or signals, panel members are analysts) are checked in the write
// transaction (delphi.repository.ts); whether a rationale is required needs the previous round (delphi.service.ts).
import type { FieldProblem } from '../graphql/errors.js';
import { intInRange, optionalText, problems, requiredText } from '../graphql/validation.js';
import { INVITEES_MAX, ITEMS_MAX, ITEMS_MIN, RATIONALE_MAX, SCALES, TITLE_MAX } from './delphi.model.js';
import type { DelphiAnswerInput, DelphiStudyInput } from './delphi.type.js';

function idList(field: string, ids: readonly string[], min: number, max: number, what: string): FieldProblem[] {
  if (ids.length < min || ids.length > max) return [{ field, message: `must name ${min}–${max} ${what}, got ${ids.length}.` }];
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  return repeated.length > 0 ? [{ field, message: `names ${[...new Set(repeated)].join(', ')} more than once.` }] : [];
}

export function studyProblems(input: DelphiStudyInput): FieldProblem[] {
  return [
    ...problems(requiredText('input.title', input.title, TITLE_MAX)),
    ...idList('input.itemIds', input.itemIds, ITEMS_MIN, ITEMS_MAX, 'technologies or signals'),
    ...idList('input.inviteeIds', input.inviteeIds, 1, INVITEES_MAX, 'panel members'),
  ];
}

/** Ranges and text of each answer, and that each item is one of the round's, once. */
export function answerProblems(answers: readonly DelphiAnswerInput[], roundItemIds: readonly string[]): FieldProblem[] {
  if (answers.length === 0) return [{ field: 'answers', message: 'must hold at least one answer.' }];
  return answers.flatMap((a, i) => {
    const at = `answers[${i}]`;
    const item: FieldProblem[] = !roundItemIds.includes(a.itemId)
      ? [{ field: `${at}.itemId`, message: `${a.itemId} is not asked in this round; answer about ${roundItemIds.join(', ')}.` }]
      : answers.findIndex((b) => b.itemId === a.itemId) !== i
        ? [{ field: `${at}.itemId`, message: `${a.itemId} is answered twice; send one answer per item.` }]
        : [];
    return [
      ...item,
      ...problems(
        intInRange(`${at}.impact`, a.impact, SCALES.impact.min, SCALES.impact.max, true),
        intInRange(`${at}.likelihood`, a.likelihood, SCALES.likelihood.min, SCALES.likelihood.max, true),
        intInRange(`${at}.horizonYear`, a.horizonYear, SCALES.horizonYear.min, SCALES.horizonYear.max, true),
        optionalText(`${at}.rationale`, a.rationale, RATIONALE_MAX),
      ),
    ];
  });
}

// "My queue", pure: the status of an assignment on a given day and the order the queue lists them in.
// Overdue first (the longest overdue at the top), then by due date, done ones last (most recently done first).

import { AssignmentState } from '../vocabulary/vocabularies.js';

const { OVERDUE, DUE_TODAY, OPEN, DONE } = AssignmentState;

export interface Queued {
  id: string;
  /** YYYY-MM-DD */
  due: string;
  completedAt: string | null;
  subjectName: string;
}

/** ISO dates (YYYY-MM-DD) compare correctly as text. */
export function stateOf(item: Pick<Queued, 'due' | 'completedAt'>, today: string): AssignmentState {
  if (item.completedAt) return DONE;
  if (item.due < today) return OVERDUE;
  return item.due === today ? DUE_TODAY : OPEN;
}

const RANK: Record<AssignmentState, number> = { [OVERDUE]: 0, [DUE_TODAY]: 1, [OPEN]: 1, [DONE]: 2 };

export function queueOrder<T extends Queued>(items: readonly T[], today: string): T[] {
  return [...items].sort((a, b) => {
    const ra = RANK[stateOf(a, today)];
    const rb = RANK[stateOf(b, today)];
    if (ra !== rb) return ra - rb;
    if (ra === 2) return (b.completedAt ?? '').localeCompare(a.completedAt ?? '') || a.id.localeCompare(b.id);
    return a.due.localeCompare(b.due) || a.subjectName.localeCompare(b.subjectName) || a.id.localeCompare(b.id);
  });
}

/** Today in UTC as YYYY-MM-DD: due dates are calendar days, the same for every analyst of the team. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

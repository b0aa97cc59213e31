// Assignments: validation first (subject, assignee, due date, note), then one write transaction each.
// Due dates are calendar days (UTC); a date before today is refused (a new task already late is almost always a typo),
// and so is one more than five years ahead.
import { randomUUID } from 'node:crypto';
import { hasRole, isRole, type AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { MAP_KINDS } from '../db/labels.js';
import { assertValid, notAllowed, type FieldProblem } from '../graphql/errors.js';
import { optionalText } from '../graphql/validation.js';
import {
  completeAssignment,
  deleteAssignment,
  findAssignmentsOf,
  findAssignmentsTo,
  upsertAssignment,
  type AssignmentRecord,
} from './assignment.repository.js';
import { findColleague, findSubject } from './people.repository.js';
import { queueOrder, todayUtc } from './queue.js';

const MAX_YEARS_AHEAD = 5;

/** A problem with the due date, or null. `today` is YYYY-MM-DD. */
export function dueProblem(field: string, due: unknown, today: string): FieldProblem | null {
  if (typeof due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return { field, message: `must be a date as YYYY-MM-DD, got "${String(due)}".` };
  const parsed = new Date(`${due}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== due) return { field, message: `${due} is not a day of the calendar.` };
  if (due < today) return { field, message: `${due} is in the past (today is ${today}, UTC): choose today or a later day.` };
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
  if (due > latest) return { field, message: `${due} is more than ${MAX_YEARS_AHEAD} years ahead: choose a day up to ${latest}.` };
  return null;
}

export interface AssignInput {
  subjectId: string;
  assigneeId: string;
  due: string;
  note: string | null;
}

export async function assign(db: Database, input: AssignInput, actor: AuthUser, today = todayUtc()): Promise<AssignmentRecord> {
  const problems: FieldProblem[] = [dueProblem('due', input.due, today), optionalText('note', input.note, 1000)].filter((p): p is FieldProblem => p !== null);
  const [subject, assignee] = await Promise.all([findSubject(db, input.subjectId), findColleague(db, input.assigneeId)]);
  if (!subject)
    problems.unshift({ field: 'subjectId', message: `no signal or entity has the id "${input.subjectId}". Open it in the Atlas and assign it there.` });
  else if (subject.kind !== 'Signal' && !MAP_KINDS.includes(subject.kind)) {
    problems.unshift({ field: 'subjectId', message: `a ${subject.kind} cannot be assigned; assign the signal or entity it concerns.` });
  }
  if (!assignee) problems.push({ field: 'assigneeId', message: `no active user has the id "${input.assigneeId}". Pick someone from the list.` });
  else if (!isRole(assignee.role) || !hasRole(assignee.role, 'analyst')) {
    problems.push({ field: 'assigneeId', message: `${assignee.name} can only read (viewer): assign an analyst or administrator.` });
  }
  assertValid(problems);
  const note = input.note?.trim() || null;
  return upsertAssignment(db, { id: `asg:${randomUUID()}`, subjectId: input.subjectId, assigneeId: input.assigneeId, due: input.due, note }, actor);
}

/** The assignee, whoever assigned it, and administrators may finish or withdraw an assignment. */
function mayChange(actor: AuthUser, verb: string) {
  return (a: AssignmentRecord) => {
    if (a.assigneeId === actor.id || a.assignedById === actor.id || hasRole(actor.role, 'admin')) return;
    throw notAllowed(`Only ${a.assigneeName} (the assignee), ${a.assignedBy} (who assigned it) or an administrator can ${verb} this assignment.`);
  };
}

export function unassign(db: Database, id: string, actor: AuthUser) {
  return deleteAssignment(db, id, mayChange(actor, 'remove'));
}

export function complete(db: Database, id: string, actor: AuthUser) {
  return completeAssignment(db, id, actor.name, mayChange(actor, 'complete'));
}

/** My queue: overdue first, then by due date; done ones (when asked for) last. */
export async function queueOf(db: Database, userId: string, includeDone: boolean, today = todayUtc()) {
  return queueOrder(await findAssignmentsTo(db, userId, includeDone), today);
}

/** The assignments of each subject: open ones first by due date, then done ones. */
export async function assignmentsOf(db: Database, ids: readonly string[], today = todayUtc()) {
  const rows = await findAssignmentsOf(db, ids);
  return ids.map((id) =>
    queueOrder(
      rows.filter((r) => r.key === id).map((r) => r.assignment),
      today,
    ),
  );
}

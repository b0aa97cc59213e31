// All Cypher for assignments (labels.ts, DISCUSSION_*):
//   (a:Assignment {id, subjectId, due: date, note, assignedById, assignedByName, createdAt, completedAt, completedBy})-[:ON]->(subject)
//   (a)-[:ASSIGNED_TO]->(u:User)
// The assignee's ASSIGNED notification is written in the same transaction as the assignment.
import type { Database, WriteTx } from '../db/database.js';
import { AUTH_LABELS, DISCUSSION_LABELS, DISCUSSION_LINKS, ENTITY_LABEL } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';
import { badInput, notFound } from '../graphql/errors.js';
import { notifyPeople } from '../notification/notification.repository.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';

const { ASSIGNMENT } = DISCUSSION_LABELS;
const { ON, ASSIGNED_TO } = DISCUSSION_LINKS;
const { USER } = AUTH_LABELS;

export interface AssignmentRecord {
  id: string;
  subjectId: string;
  subjectKind: string | null;
  subjectName: string;
  assigneeId: string;
  assigneeName: string;
  assignedById: string;
  assignedBy: string;
  /** YYYY-MM-DD */
  due: string;
  note: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

// The subject may be gone (deleted since): the assignment keeps its id and says so by a null kind.
const ASSIGNMENT_FIELDS = `a { .id, .subjectId, subjectKind: ${KIND_OF('s')}, subjectName: coalesce(s.name, a.subjectName, a.subjectId),
  assigneeId: u.id, assigneeName: u.name, .assignedById, assignedBy: a.assignedByName, due: toString(a.due), .note,
  createdAt: toString(a.createdAt), completedAt: toString(a.completedAt), .completedBy }`;
const WITH_ENDS = `MATCH (a)-[:${ASSIGNED_TO}]->(u:${USER}) OPTIONAL MATCH (a)-[:${ON}]->(s:${ENTITY_LABEL})`;

export interface NewAssignment {
  id: string;
  subjectId: string;
  assigneeId: string;
  due: string;
  note: string | null;
}

export const OPEN_ASSIGNMENT = `
  MATCH (a:${ASSIGNMENT} {subjectId: $subjectId})-[:${ASSIGNED_TO}]->(:${USER} {id: $assigneeId})
  WHERE a.completedAt IS NULL
  RETURN a.id AS id LIMIT 1`;

export const CREATE_ASSIGNMENT = `
  MATCH (s:${ENTITY_LABEL} {id: $subjectId})
  MATCH (u:${USER} {id: $assigneeId})
  CREATE (a:${ASSIGNMENT} {id: $id, subjectId: s.id, subjectName: s.name, createdAt: datetime(), due: date($due), note: $note,
          assignedById: $actorId, assignedByName: $actorName})-[:${ON}]->(s)
  CREATE (a)-[:${ASSIGNED_TO}]->(u)
  WITH a
  ${WITH_ENDS}
  RETURN ${ASSIGNMENT_FIELDS} AS assignment`;

export const UPDATE_ASSIGNMENT = `
  MATCH (a:${ASSIGNMENT} {id: $id})
  SET a.due = date($due), a.note = $note, a.assignedById = $actorId, a.assignedByName = $actorName
  WITH a
  ${WITH_ENDS}
  RETURN ${ASSIGNMENT_FIELDS} AS assignment`;

/**
 * Assigns the subject to the user, due on the day; an open assignment of the same subject to the same user is updated
 * (a new due date or note), not duplicated. The assignee is notified either way, unless they assigned it themselves.
 */
export async function upsertAssignment(db: Database, input: NewAssignment, actor: { id: string; name: string }) {
  return db.writeTransaction(async (tx) => {
    const [open] = await tx.run<{ id: string }>(OPEN_ASSIGNMENT, { subjectId: input.subjectId, assigneeId: input.assigneeId });
    const params = { ...input, id: open?.id ?? input.id, actorId: actor.id, actorName: actor.name };
    const [row] = await tx.run<{ assignment: AssignmentRecord }>(open ? UPDATE_ASSIGNMENT : CREATE_ASSIGNMENT, params);
    if (!row) throw badInput({ field: 'subjectId', message: `"${input.subjectId}" or the assignee no longer exists (deleted just now?). Reload the page.` });
    const a = row.assignment;
    const message = `${actor.name} assigned you “${a.subjectName}”, due ${a.due}${a.note ? `: ${a.note}` : ''}`;
    await notifyPeople(tx, actor, { kind: NotificationKind.ASSIGNED, subjectId: a.subjectId, message }, [a.assigneeId]);
    return a;
  });
}

async function findForChange(tx: WriteTx, id: string): Promise<AssignmentRecord> {
  const [row] = await tx.run<{ assignment: AssignmentRecord }>(`MATCH (a:${ASSIGNMENT} {id: $id}) ${WITH_ENDS} RETURN ${ASSIGNMENT_FIELDS} AS assignment`, {
    id,
  });
  if (!row) throw notFound('assignment', id);
  return row.assignment;
}

/** Removes an assignment after `allowed` approved who asks; returns it as it was. */
export async function deleteAssignment(db: Database, id: string, allowed: (a: AssignmentRecord) => void) {
  return db.writeTransaction(async (tx) => {
    const assignment = await findForChange(tx, id);
    allowed(assignment);
    await tx.run(`MATCH (a:${ASSIGNMENT} {id: $id}) DETACH DELETE a`, { id });
    return assignment;
  });
}

export async function completeAssignment(db: Database, id: string, by: string, allowed: (a: AssignmentRecord) => void) {
  return db.writeTransaction(async (tx) => {
    const assignment = await findForChange(tx, id);
    allowed(assignment);
    if (assignment.completedAt)
      throw badInput({
        field: 'id',
        message: `assignment ${id} was already completed on ${assignment.completedAt.slice(0, 10)} by ${assignment.completedBy}.`,
      });
    const [row] = await tx.run<{ assignment: AssignmentRecord }>(
      `MATCH (a:${ASSIGNMENT} {id: $id}) SET a.completedAt = datetime(), a.completedBy = $by WITH a ${WITH_ENDS} RETURN ${ASSIGNMENT_FIELDS} AS assignment`,
      { id, by },
    );
    return row!.assignment;
  });
}

export const QUEUE_QUERY = `
  MATCH (a:${ASSIGNMENT})-[:${ASSIGNED_TO}]->(u:${USER} {id: $userId})
  WHERE $includeDone OR a.completedAt IS NULL
  OPTIONAL MATCH (a)-[:${ON}]->(s:${ENTITY_LABEL})
  RETURN ${ASSIGNMENT_FIELDS} AS assignment`;

/** What is assigned to the user (open ones, or all); the order is the service's (queue.ts). */
export async function findAssignmentsTo(db: Database, userId: string, includeDone: boolean): Promise<AssignmentRecord[]> {
  return (await db.read<{ assignment: AssignmentRecord }>(QUEUE_QUERY, { userId, includeDone })).map((r) => r.assignment);
}

export const ASSIGNMENTS_OF_SUBJECTS = `
  UNWIND $ids AS key
  MATCH (a:${ASSIGNMENT} {subjectId: key})-[:${ASSIGNED_TO}]->(u:${USER})
  OPTIONAL MATCH (a)-[:${ON}]->(s:${ENTITY_LABEL})
  RETURN key, ${ASSIGNMENT_FIELDS} AS assignment`;

export async function findAssignmentsOf(db: Database, ids: readonly string[]) {
  return db.read<{ key: string; assignment: AssignmentRecord }>(ASSIGNMENTS_OF_SUBJECTS, { ids });
}

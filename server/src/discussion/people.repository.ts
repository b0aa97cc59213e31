// Who can be mentioned or assigned: active users, by name and e-mail handle only (no e-mail, role for assignment).
import type { Database } from '../db/database.js';
import { AUTH_LABELS, ENTITY_LABEL, type EntityKind } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';

const { USER } = AUTH_LABELS;

export interface Colleague {
  id: string;
  name: string;
  /** The e-mail's local part, lower case: what "@handle" matches. */
  handle: string;
  role: string;
}

const ACTIVE = `coalesce(u.status, 'active') = 'active'`;
const COLLEAGUE = `u { .id, .name, handle: toLower(split(u.email, '@')[0]), .role }`;

export const COLLEAGUES_QUERY = `MATCH (u:${USER}) WHERE ${ACTIVE} RETURN ${COLLEAGUE} AS user ORDER BY toLower(u.name), u.id`;

/** Every active user, by name. */
export async function listColleagues(db: Database): Promise<Colleague[]> {
  return (await db.read<{ user: Colleague }>(COLLEAGUES_QUERY)).map((r) => r.user);
}

export const MENTIONABLE_QUERY = `
  MATCH (u:${USER}) WHERE ${ACTIVE} AND (toLower(split(u.email, '@')[0]) IN $keys OR toLower(trim(u.name)) IN $keys)
  RETURN ${COLLEAGUE} AS user`;

/** The active users whose handle or name is one of the keys (lower case): the candidates for the comment's mentions. */
export async function findMentionable(db: Database, keys: readonly string[]): Promise<Colleague[]> {
  if (keys.length === 0) return [];
  return (await db.read<{ user: Colleague }>(MENTIONABLE_QUERY, { keys })).map((r) => r.user);
}

export async function findColleague(db: Database, id: string): Promise<Colleague | null> {
  const [row] = await db.read<{ user: Colleague }>(`MATCH (u:${USER} {id: $id}) WHERE ${ACTIVE} RETURN ${COLLEAGUE} AS user`, { id });
  return row?.user ?? null;
}

export interface Subject {
  id: string;
  kind: EntityKind;
  name: string;
}

export const SUBJECT_QUERY = `MATCH (s:${ENTITY_LABEL} {id: $id}) RETURN s.id AS id, ${KIND_OF('s')} AS kind, coalesce(s.name, s.id) AS name`;

/** What a comment or assignment is about: any entity (a signal, a saved scenario and an annotation are entities too). */
export async function findSubject(db: Database, id: string): Promise<Subject | null> {
  const [row] = await db.read<Subject>(SUBJECT_QUERY, { id });
  return row ?? null;
}

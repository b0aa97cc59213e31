// Relay-style cursor pagination shared by every list. Cursors encode the sort key (name, id),
// so paging is stable while analysts add entities.
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

@ObjectType({ description: 'Where a page ends and whether another follows.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many match the filter in all pages.' }) totalCount!: number;
  }
  return ConnectionClass;
}

export interface Cursor {
  name: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.name, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string | null | undefined, field = 'after'): Cursor | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through to the error below
  }
  throw badInput({ field, message: 'is not a cursor this API gave out; pass pageInfo.endCursor from the previous page.' });
}

export const MAX_PAGE = 500;

export function checkFirst(first: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput({ field, message: `must be from 1 to ${MAX_PAGE}, got ${first}.` });
  }
}

/** Builds a page from rows fetched with LIMIT first+1 (the extra row only tells whether another page follows). */
export function toPage<T extends { name: string; id: string }>(rows: T[], first: number, totalCount: number): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

// History as GraphQL: each change with who, when, what it concerns and the fields before and after.
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHANGE_KINDS, type ChangeKind } from './history.model.js';

export const ChangeKindEnum = Object.fromEntries(CHANGE_KINDS.map((k) => [k, k])) as { [K in ChangeKind]: K };
registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'What a change did: created, edited, deleted, linked, unlinked, merged or restored.' });

@ObjectType({ description: 'One field of a change, before and after (null: absent).' })
export class FieldChange {
  @Field(() => String) field!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
}

@ObjectType({ description: 'Who changed what on the map, when, and why.' })
export class Change {
  @Field(() => ID) id!: string;
  @Field(() => ChangeKindEnum) kind!: ChangeKind;
  @Field(() => String, { description: 'When (ISO 8601).' }) at!: string;
  @Field(() => ID, { description: 'The user who made it.' }) byId!: string;
  @Field(() => String) byName!: string;
  @Field(() => ID, { nullable: true, description: 'The entity changed (entity changes).' }) entityId?: string | null;
  @Field(() => String, { nullable: true }) entityKind?: string | null;
  @Field(() => String, { nullable: true, description: 'Its name at the time.' }) entityName?: string | null;
  @Field(() => String, { nullable: true, description: 'The link type (link changes).' }) linkType?: string | null;
  @Field(() => ID, { nullable: true }) fromId?: string | null;
  @Field(() => ID, { nullable: true }) toId?: string | null;
  @Field(() => [FieldChange]) fields!: FieldChange[];
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => Int, { nullable: true, description: 'The entity\u2019s revision after this change.' }) revision?: number | null;
  @Field(() => ID, { nullable: true, description: 'MERGE: the entity merged into this one.' }) mergedId?: string | null;
  @Field(() => ID, { nullable: true, description: 'RESTORE: the DELETE or UNLINK it undid.' }) restoresChangeId?: string | null;
  @Field(() => [String], { nullable: true, description: 'RESTORE: links and sources that could not come back (their other end is gone).' })
  notRestored?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'DELETE/UNLINK: the RESTORE that undid it.' }) restoredBy?: string | null;
  @Field(() => Boolean, { description: 'A DELETE or UNLINK an admin can still restore.' }) restorable!: boolean;
}

@ObjectType({ description: 'A page of changes, newest first.' })
export class ChangePage {
  @Field(() => [Change]) changes!: Change[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
}

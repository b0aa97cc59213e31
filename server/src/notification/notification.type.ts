import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NotificationKind } from '../vocabulary/graphql-enums.js';

@ObjectType({ description: 'Something you follow changed, or someone mentioned or assigned you.' })
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field(() => ID, { description: 'What it is about: open it with this id.' }) subjectId!: string;
  @Field(() => String, { nullable: true, description: 'The kind of the subject (Technology, Signal, Scenario…).' }) subjectKind!: string | null;
  @Field(() => String, { nullable: true }) subjectName!: string | null;
  @Field(() => ID, { nullable: true, description: 'Who made the change; null for the Atlas itself (a scenario rerun).' }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String) message!: string;
  @Field(() => String, { description: 'ISO date-time.' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'When you marked it read; null while unread.' }) readAt!: string | null;
}

@ObjectType()
export class NotificationCounts {
  @Field(() => Int) unread!: number;
  @Field(() => Int) total!: number;
}

// GraphQL types of the discussion thread: comments and their earlier versions.
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An earlier text of a comment, as it read until the next edit.' })
export class CommentRevision {
  @Field(() => Int, { description: '1 for the first text.' }) version!: number;
  @Field(() => String) body!: string;
  @Field(() => String, { description: 'When this text was written (ISO date-time).' }) editedAt!: string;
}

@ObjectType({
  description:
    'A comment on an entity, signal, saved scenario or annotation. Mentions (@handle or @"Full Name") notify. Edits keep the earlier texts; a delete hides the text.',
})
export class Comment {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'What it is about.' }) subjectId!: string;
  @Field(() => String, { nullable: true, description: 'The text; null once deleted (shown as "Comment deleted").' }) body!: string | null;
  @Field(() => String, { description: 'Who wrote it.' }) author!: string;
  @Field(() => ID) authorId!: string;
  @Field(() => String, { description: 'ISO date-time.' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'When last edited (ISO date-time); null if never.' }) editedAt!: string | null;
  @Field(() => Boolean) edited!: boolean;
  @Field(() => Boolean) deleted!: boolean;
  @Field(() => String, { nullable: true }) deletedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Who deleted it: the author, or an administrator.' }) deletedBy!: string | null;
  @Field(() => [String], { description: 'The names of the users it mentions.' }) mentioned!: string[];
  @Field(() => [CommentRevision], { description: 'The earlier texts, oldest first (empty when never edited, and once deleted).' })
  revisions!: CommentRevision[];
  @Field(() => Boolean, { description: 'The caller may edit it (its author, while not deleted).' }) canEdit!: boolean;
  @Field(() => Boolean, { description: 'The caller may delete it (its author or an administrator, while not deleted).' }) canDelete!: boolean;
}

@ObjectType({ description: 'Someone to mention or assign: an active user, by name and handle (the e-mail before the "@").' })
export class Colleague {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Write @handle to mention them.' }) handle!: string;
  @Field(() => Boolean, { description: 'An analyst or administrator: work can be assigned to them.' }) assignable!: boolean;
}

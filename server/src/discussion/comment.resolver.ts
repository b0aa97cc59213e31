// Comments and the colleagues to mention. Thin: rules in comment.service.ts, Cypher in the repositories.
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { hasRole, isRole } from '../auth/roles.js';
import type { RequestContext } from '../graphql/context.js';
import { signedInUserOf } from '../request/acting-user.js';
import type { CommentRecord } from './comment.repository.js';
import { addComment, deleteComment, editComment, permissionsOn } from './comment.service.js';
import { Colleague, Comment, CommentRevision } from './comment.type.js';
import { commentsOfSubject, revisionsOfComment } from './discussion.loaders.js';
import { listColleagues } from './people.repository.js';

@Resolver(() => Comment)
export class CommentResolver {
  @Query(() => [Comment], { description: 'The discussion of an entity, signal, saved scenario or annotation, oldest first (deleted ones shown as such).' })
  comments(@Arg('subjectId', () => ID) subjectId: string, @Ctx() ctx: RequestContext) {
    return commentsOfSubject(ctx).load(subjectId);
  }

  @Query(() => [Colleague], { description: 'Active users by name, to mention (@handle) or assign work to. Names and handles only.' })
  async colleagues(@Ctx() ctx: RequestContext) {
    return (await listColleagues(ctx.db)).map((u) => ({ ...u, assignable: isRole(u.role) && hasRole(u.role, 'analyst') }));
  }

  @Authorized('analyst')
  @Mutation(() => Comment, {
    description: 'Comments on an entity, signal, saved scenario or annotation; each user mentioned is notified. Unknown mentions are refused.',
  })
  addComment(@Arg('subjectId', () => ID) subjectId: string, @Arg('body', () => String) body: string, @Ctx() ctx: RequestContext) {
    return addComment(ctx.db, subjectId, body, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Comment, { description: 'Edits your comment; the earlier text stays in its revisions. Newly mentioned users are notified.' })
  editComment(@Arg('id', () => ID) id: string, @Arg('body', () => String) body: string, @Ctx() ctx: RequestContext) {
    return editComment(ctx.db, id, body, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Comment, { description: 'Deletes your comment (admins: anyone’s): the text is hidden as "Comment deleted", its history kept.' })
  deleteComment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteComment(ctx.db, id, signedInUserOf(ctx));
  }

  @FieldResolver(() => String, { nullable: true })
  body(@Root() comment: CommentRecord) {
    return comment.deletedAt ? null : comment.body;
  }

  @FieldResolver(() => Boolean)
  edited(@Root() comment: CommentRecord) {
    return comment.revisionCount > 0;
  }

  @FieldResolver(() => Boolean)
  deleted(@Root() comment: CommentRecord) {
    return comment.deletedAt !== null;
  }

  @FieldResolver(() => [CommentRevision])
  async revisions(@Root() comment: CommentRecord, @Ctx() ctx: RequestContext) {
    if (comment.deletedAt || comment.revisionCount === 0) return [];
    return revisionsOfComment(ctx).load(comment.id);
  }

  @FieldResolver(() => Boolean)
  canEdit(@Root() comment: CommentRecord, @Ctx() ctx: RequestContext) {
    return permissionsOn(comment, ctx.user).canEdit;
  }

  @FieldResolver(() => Boolean)
  canDelete(@Root() comment: CommentRecord, @Ctx() ctx: RequestContext) {
    return permissionsOn(comment, ctx.user).canDelete;
  }
}

// Assignments and My queue. Thin: rules in assignment.service.ts.
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { AssignmentState } from '../vocabulary/graphql-enums.js';
import { signedInUserOf } from '../request/acting-user.js';
import type { AssignmentRecord } from './assignment.repository.js';
import { assign, complete, queueOf, unassign } from './assignment.service.js';
import { assignmentsOfSubject } from './discussion.loaders.js';
import { Assignment } from './assignment.type.js';
import { stateOf, todayUtc } from './queue.js';

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized('viewer')
  @Query(() => [Assignment], { description: 'My queue: what is assigned to me, overdue first, then by due date (done ones last, when asked for).' })
  myQueue(@Arg('includeDone', () => Boolean, { defaultValue: false }) includeDone: boolean, @Ctx() ctx: RequestContext) {
    return queueOf(ctx.db, signedInUserOf(ctx).id, includeDone);
  }

  @Query(() => [Assignment], { description: 'Who a signal or entity is assigned to: open ones first by due date, then done ones.' })
  assignments(@Arg('subjectId', () => ID) subjectId: string, @Ctx() ctx: RequestContext) {
    return assignmentsOfSubject(ctx).load(subjectId);
  }

  @Authorized('analyst')
  @Mutation(() => Assignment, {
    description:
      'Assigns a signal or entity to an analyst, due on a day (YYYY-MM-DD, today or later). Re-assigning updates the due date and note. The assignee is notified.',
  })
  assign(
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('assigneeId', () => ID) assigneeId: string,
    @Arg('due', () => String) due: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return assign(ctx.db, { subjectId, assigneeId, due, note: note ?? null }, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Assignment, { description: 'Withdraws an assignment (the assignee, who assigned it, or an admin); returns it as it was.' })
  unassign(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return unassign(ctx.db, id, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Assignment, { description: 'Marks an assignment done (the assignee, who assigned it, or an admin).' })
  completeAssignment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return complete(ctx.db, id, signedInUserOf(ctx));
  }

  @FieldResolver(() => AssignmentState)
  state(@Root() assignment: AssignmentRecord) {
    return stateOf(assignment, todayUtc());
  }
}

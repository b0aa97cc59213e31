// Delphi studies over GraphQL: thin, one service call per field. Reads need a signed-in user (auth/read-access.ts);
// what each caller sees of an open round is decided in delphi.service.ts (their own answers only).
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { signedInUserOf } from '../request/acting-user.js';
import {
  answerDelphiRound,
  closeDelphiRound,
  delphiPanelCandidates,
  delphiStudies,
  delphiStudy,
  openDelphiStudy,
  openNextDelphiRound,
  writeDelphiResults,
} from './delphi.service.js';
import { DelphiAnswerInput, DelphiPerson, DelphiStudy, DelphiStudyInput, DelphiStudySummary } from './delphi.type.js';

@Resolver(() => DelphiStudy)
export class DelphiResolver {
  @Authorized('viewer')
  @Query(() => [DelphiStudySummary], { description: 'Every Delphi study, newest first.' })
  delphiStudies(@Ctx() ctx: RequestContext) {
    return delphiStudies(ctx.db, signedInUserOf(ctx));
  }

  @Authorized('viewer')
  @Query(() => DelphiStudy, { nullable: true, description: 'A Delphi study as you may see it: group statistics only of closed rounds.' })
  delphiStudy(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return delphiStudy(ctx.db, id, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Query(() => [DelphiPerson], { description: 'Who can sit on a Delphi panel: active analysts and admins.' })
  delphiPanelCandidates(@Ctx() ctx: RequestContext) {
    return delphiPanelCandidates(ctx.db);
  }

  @Authorized('analyst')
  @Mutation(() => DelphiStudy, { description: 'Opens a Delphi study and its round 1 on 1–30 technologies or signals, for an invited panel; you lead it.' })
  openDelphiStudy(@Arg('input', () => DelphiStudyInput) input: DelphiStudyInput, @Ctx() ctx: RequestContext) {
    return openDelphiStudy(ctx.db, input, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => DelphiStudy, {
    description:
      'Saves your answers in the open round (panel members only; changeable until the close). From round 2 on, a value outside the previous IQR needs a rationale.',
  })
  answerDelphiRound(
    @Arg('studyId', () => ID) studyId: string,
    @Arg('answers', () => [DelphiAnswerInput]) answers: DelphiAnswerInput[],
    @Ctx() ctx: RequestContext,
  ) {
    return answerDelphiRound(ctx.db, studyId, answers, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => DelphiStudy, { description: 'Closes the open round (its lead): answers become final, statistics and consensus are recorded.' })
  closeDelphiRound(@Arg('studyId', () => ID) studyId: string, @Ctx() ctx: RequestContext) {
    return closeDelphiRound(ctx.db, studyId, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => DelphiStudy, { description: "Opens the next round from the closed one, on the same items or a subset, with round 1's feedback shown." })
  openNextDelphiRound(
    @Arg('studyId', () => ID) studyId: string,
    @Arg('itemIds', () => [ID], { nullable: true, description: 'A subset of the previous round’s items; all of them when left out.' })
    itemIds: string[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    return openNextDelphiRound(ctx.db, studyId, itemIds ?? null, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => DelphiStudy, {
    description: "Writes the closed current round's medians as the panel's ratings of each item (an annotation naming study and round), recorded in history.",
  })
  writeDelphiResults(@Arg('studyId', () => ID) studyId: string, @Ctx() ctx: RequestContext) {
    return writeDelphiResults(ctx.db, studyId, signedInUserOf(ctx));
  }
}

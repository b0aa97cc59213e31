import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { entityById } from '../entity/entity.loaders.js';
import type { EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { UnlinkResult } from '../mapping/mapping.type.js';
import { importSignals } from './signal.import.service.js';
import { SignalImportInput, SignalImportReport } from './signal.import.type.js';
import { linksOfSignal } from './signal.loaders.js';
import { createSignal, linkSignalTo, setSignalStatus, signalCountsOf, signalPage, unlinkSignalFrom, updateSignal } from './signal.service.js';
import { IndicatesInput, IndicatesLink, Signal, SignalConnection, SignalCounts, SignalFilter, SignalInput, SignalUpdate } from './signal.type.js';
import { actorOf } from '../request/change-actor.js';
import { SignalStatus } from '../vocabulary/graphql-enums.js';
import { DeletionResult } from '../graphql/deletion-result.type.js';
import { softDeleteSignal } from './signal.deletion.service.js';

@Resolver(() => Signal)
export class SignalResolver {
  @Query(() => Signal, { nullable: true })
  async signal(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const entity = await entityById(ctx).load(id);
    return entity?.kind === 'Signal' ? entity : null;
  }

  @Query(() => SignalConnection, { description: 'The signals inbox: newest first (by publication day), filtered, a page at a time.' })
  async signals(
    @Arg('filter', () => SignalFilter, { nullable: true }) filter: SignalFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return signalPage(ctx.db, filter, first, after);
  }

  @Query(() => SignalCounts, { description: 'How many signals match, per status and per STEEP category.' })
  signalCounts(@Arg('filter', () => SignalFilter, { nullable: true }) filter: SignalFilter | null, @Ctx() ctx: RequestContext) {
    return signalCountsOf(ctx.db, filter);
  }

  @FieldResolver(() => String, { description: 'The headline (the entity name).' })
  title(@Root() signal: EntityRecord) {
    return signal.name;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The summary (the entity description).' })
  summary(@Root() signal: EntityRecord) {
    return signal.description ?? null;
  }

  @FieldResolver(() => [IndicatesLink], { description: 'The technologies, capabilities and case studies it bears on, most relevant first.' })
  indicates(@Root() signal: EntityRecord, @Ctx() ctx: RequestContext) {
    return linksOfSignal(ctx).load(signal.id);
  }

  @Authorized('analyst')
  @Mutation(() => Signal, { description: 'Records a signal by hand; refused when its URL or content is already recorded.' })
  createSignal(@Arg('input', () => SignalInput) input: SignalInput, @Ctx() ctx: RequestContext) {
    return createSignal(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Signal, { description: 'Edits a signal; only the fields given change.' })
  updateSignal(@Arg('id', () => ID) id: string, @Arg('input', () => SignalUpdate) input: SignalUpdate, @Ctx() ctx: RequestContext) {
    return updateSignal(ctx.db, id, input);
  }

  @Authorized('analyst')
  @Mutation(() => [Signal], { description: 'Triage: sets the status (new, assessed, linked, archived) of one or more signals.' })
  setSignalStatus(@Arg('ids', () => [ID]) ids: string[], @Arg('status', () => SignalStatus) status: SignalStatus, @Ctx() ctx: RequestContext) {
    return setSignalStatus(ctx.db, ids, status, actorOf(ctx));
  }

  @Authorized('admin')
  @Mutation(() => DeletionResult, {
    description:
      'Admins: soft-deletes a signal. It leaves the inbox, search and analyses; its history and annotations stay, and `restore` with the DELETE change brings it back with its links.',
  })
  deleteSignal(@Arg('id', () => ID) id: string, @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: RequestContext) {
    return softDeleteSignal(ctx.db, id, comment, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => IndicatesLink, {
    description: 'Links a signal to a technology, capability or case study (or changes its relevance). A new or assessed signal becomes linked.',
  })
  linkSignal(@Arg('input', () => IndicatesInput) input: IndicatesInput, @Ctx() ctx: RequestContext) {
    return linkSignalTo(ctx.db, input, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  unlinkSignal(@Arg('signalId', () => ID) signalId: string, @Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return unlinkSignalFrom(ctx.db, signalId, targetId, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => SignalImportReport, {
    description:
      'Imports signals from an RSS 2.0, Atom or CSV file: validates every record, skips duplicates (canonical URL or ' +
      'content), and reports per record. A malformed file writes nothing.',
  })
  importSignals(@Arg('input', () => SignalImportInput) input: SignalImportInput, @Ctx() ctx: RequestContext) {
    return importSignals(ctx.db, input, actorOf(ctx));
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorOf } from '../annotation/author.js';
import { entityById } from '../entity/entity.loaders.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkFirst, decodeCursor, encodeCursor } from '../graphql/connection.js';
import type { RequestContext } from '../graphql/context.js';
import { badInput } from '../graphql/errors.js';
import { UnlinkResult } from '../mapping/mapping.type.js';
import { importSignals } from './signal.import.js';
import { SignalImportInput, SignalImportReport } from './signal.import.type.js';
import { linksOfSignal } from './signal.loaders.js';
import { countSignals, listSignals } from './signal.repository.js';
import { IndicatesInput, IndicatesLink, Signal, SignalConnection, SignalCounts, SignalFilter, SignalInput, SignalUpdate } from './signal.type.js';
import { validateFilter, validateIndicates, validateSignalInput, validateSignalUpdate, validateStatus } from './signal.validation.js';
import { changeStatus, insertSignal, linkSignal, modifySignal, unlinkSignal } from './signal.writes.js';
import { actorOf } from '../history/actor.js';
import { DEFAULT_RELEVANCE } from './signal.model.js';

/** A page of signals; cursors hold the publication day and id, the list's sort key. */
function toSignalPage(rows: EntityRecord[], first: number, totalCount: number) {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor({ name: String(node.publishedAt ?? ''), id: node.id }), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

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
    checkFirst(first);
    const { rows, total } = await listSignals(ctx.db, validateFilter(filter), first, decodeCursor(after));
    return toSignalPage(rows, first, total);
  }

  @Query(() => SignalCounts, { description: 'How many signals match, per status and per STEEP category.' })
  signalCounts(@Arg('filter', () => SignalFilter, { nullable: true }) filter: SignalFilter | null, @Ctx() ctx: RequestContext) {
    return countSignals(ctx.db, validateFilter(filter));
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
  createSignal(
    @Arg('input', () => SignalInput) input: SignalInput,
    @Ctx() ctx: RequestContext,
  ) {
    const draft = validateSignalInput(input);
    const who = authorOf(ctx);
    const links = (input.links ?? []).map((l) => ({ targetId: l.targetId, relevance: l.relevance ?? DEFAULT_RELEVANCE }));
    return insertSignal(ctx.db, draft, links, who);
  }

  @Authorized('analyst')
  @Mutation(() => Signal, { description: 'Edits a signal; only the fields given change.' })
  updateSignal(@Arg('id', () => ID) id: string, @Arg('input', () => SignalUpdate) input: SignalUpdate, @Ctx() ctx: RequestContext) {
    return modifySignal(ctx.db, id, validateSignalUpdate(input));
  }

  @Authorized('analyst')
  @Mutation(() => [Signal], { description: 'Triage: sets the status (new, assessed, linked, archived) of one or more signals.' })
  setSignalStatus(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('status', () => String) status: string,
    @Ctx() ctx: RequestContext,
  ) {
    validateStatus(status);
    if (ids.length === 0 || ids.length > 500) throw badInput({ field: 'ids', message: `must name 1 to 500 signals, got ${ids.length}.` });
    return changeStatus(ctx.db, [...new Set(ids)], status, authorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => IndicatesLink, { description: 'Links a signal to a technology, capability or case study (or changes its relevance). A new or assessed signal becomes linked.' })
  linkSignal(@Arg('input', () => IndicatesInput) input: IndicatesInput, @Ctx() ctx: RequestContext) {
    validateIndicates(input);
    return linkSignal(ctx.db, input.signalId, input.targetId, input.relevance ?? null, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => UnlinkResult)
  unlinkSignal(@Arg('signalId', () => ID) signalId: string, @Arg('targetId', () => ID) targetId: string, @Ctx() ctx: RequestContext) {
    return unlinkSignal(ctx.db, signalId, targetId, actorOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => SignalImportReport, {
    description: 'Imports signals from an RSS 2.0, Atom or CSV file: validates every record, skips duplicates (canonical URL or content), and reports per record. A malformed file writes nothing.',
  })
  importSignals(
    @Arg('input', () => SignalImportInput) input: SignalImportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return importSignals(ctx.db, input, authorOf(ctx));
  }
}

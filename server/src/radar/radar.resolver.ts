// The technology radar: generated from the graph, saved as dated editions, compared. Thin: one service call each.
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf } from '../request/change-actor.js';
import type { RequestContext } from '../graphql/context.js';
import type { RingRule, SectorRule, SizeMeasure } from './radar.model.js';
import type { EditionRecord } from './radar.repository.js';
import { compare, editions, filterChoices, radar, saveEdition } from './radar.service.js';
import {
  Radar,
  RadarEdition,
  RadarEditionBlip,
  RadarEditionComparison,
  RadarEditionInput,
  RadarFilter,
  RadarFilterChoices,
  RadarRingRuleEnum,
  RadarSectorRuleEnum,
  RadarSizeMeasureEnum,
} from './radar.type.js';

@Resolver(() => Radar)
export class RadarResolver {
  @Query(() => Radar, { description: 'The technology radar of the map (docs/radar.md): every technology that passes the filter, in rings and sectors.' })
  radar(
    @Arg('ringRule', () => RadarRingRuleEnum, { defaultValue: 'HORIZON' }) ringRule: RingRule,
    @Arg('sectorRule', () => RadarSectorRuleEnum, { defaultValue: 'KET_AREA' }) sectorRule: SectorRule,
    @Arg('sizeMeasure', () => RadarSizeMeasureEnum, { defaultValue: 'SIGNAL_MOMENTUM' }) sizeMeasure: SizeMeasure,
    @Arg('filter', () => RadarFilter, { nullable: true }) filter: RadarFilter | null,
    @Arg('since', () => String, { nullable: true, description: 'Show what is new or moved since this day, YYYY-MM-DD (from the change history).' })
    since: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return radar(ctx.db, { ringRule, sectorRule, sizeMeasure, filter: filter ?? null, since: since || null });
  }

  @Query(() => RadarFilterChoices, { description: 'What the radar’s filters can be set to: capability domains, capabilities, case studies, KET areas.' })
  radarFilterChoices(@Ctx() ctx: RequestContext) {
    return filterChoices(ctx.db);
  }

  @Query(() => [RadarEdition], { description: 'Saved radar editions, newest first.' })
  radarEditions(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: RequestContext) {
    return editions(ctx.db, first);
  }

  @Query(() => RadarEditionComparison, { description: 'What moved, was added or was removed from one saved edition to another.' })
  compareRadarEditions(@Arg('fromId', () => ID) fromId: string, @Arg('toId', () => ID) toId: string, @Ctx() ctx: RequestContext) {
    return compare(ctx.db, fromId, toId);
  }

  @Authorized('analyst')
  @Mutation(() => RadarEdition, { description: 'Saves the radar as it is now, with these choices, as a dated edition.' })
  saveRadarEdition(@Arg('input', () => RadarEditionInput) input: RadarEditionInput, @Ctx() ctx: RequestContext) {
    return saveEdition(ctx.db, actorOf(ctx), { ...input, filter: input.filter ?? null });
  }
}

@Resolver(() => RadarEdition)
export class RadarEditionResolver {
  @FieldResolver(() => Int)
  blipCount(@Root() edition: EditionRecord) {
    return edition.blips.length;
  }

  @FieldResolver(() => [RadarEditionBlip])
  blips(@Root() edition: EditionRecord) {
    return edition.blips.map((b) => ({ id: b.id, name: b.name, ring: b.ring, sectorId: b.sector }));
  }
}

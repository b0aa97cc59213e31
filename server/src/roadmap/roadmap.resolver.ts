import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { currentYear } from '../scenario/scenario.model.js';
import { capabilityRoadmap } from './roadmap.service.js';
import { CapabilityRoadmap } from './roadmap.type.js';

@Resolver()
export class RoadmapResolver {
  @Query(() => CapabilityRoadmap, {
    description:
      'A capability’s enabling technologies on a timeline to 2040: expected readiness, horizons, dependencies at risk and, with scenarioId, that scenario’s events.',
  })
  capabilityRoadmap(
    @Arg('capabilityId', () => ID) capabilityId: string,
    @Arg('scenarioId', () => ID, { nullable: true }) scenarioId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return capabilityRoadmap(ctx.db, capabilityId, scenarioId ?? null, currentYear());
  }
}

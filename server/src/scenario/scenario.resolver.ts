import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Capability } from '../capability/capability.type.js';
import { entityById } from '../entity/entity.loaders.js';
import { Entity, type EntityRecord } from '../entity/entity.type.js';
import { defineLoader, groupInOrder, type RequestContext } from '../graphql/context.js';
import { DeletionResult } from '../graphql/deletion-result.type.js';
import { signedInUserOf } from '../request/acting-user.js';
import { currentYear } from './scenario.model.js';
import { findEventsOfScenarios, removeScenario } from './scenario.repository.js';
import { CapabilityImpact, ScenarioComparison, ScenarioRun } from './scenario-run.type.js';
import { compareSaved, createScenario, duplicateScenario, runDraft, runSaved, scenarioPage, updateScenario } from './scenario.service.js';
import { Scenario, ScenarioConnection, ScenarioEvent, ScenarioInput, ScenarioRunInput, ScenarioUpdate } from './scenario.type.js';

const eventsOfScenario = defineLoader<string, ScenarioEvent[]>('eventsOfScenario', async (db, ids) =>
  groupInOrder(ids, await findEventsOfScenarios(db, ids), (e) => e.scenarioId!),
);

const asKind = (kind: EntityRecord['kind']) => (entity: EntityRecord | null) => (entity?.kind === kind ? entity : null);

@Resolver(() => Scenario)
export class ScenarioResolver {
  @Query(() => ScenarioConnection, { description: 'Saved scenarios ordered by name, a page at a time.' })
  async scenarios(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return scenarioPage(ctx.db, first, after);
  }

  @Query(() => Scenario, { nullable: true })
  async scenario(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return asKind('Scenario')(await entityById(ctx).load(id));
  }

  @FieldResolver(() => Boolean, { description: 'The author’s account was deleted: the name is kept, shown as a former user.' })
  authorFormer(@Root() scenario: EntityRecord) {
    return scenario.authorFormer === true;
  }

  @FieldResolver(() => [ScenarioEvent], { description: 'Its events, in order.' })
  events(@Root() scenario: EntityRecord, @Ctx() ctx: RequestContext) {
    return eventsOfScenario(ctx).load(scenario.id);
  }

  @Authorized('analyst')
  @Mutation(() => Scenario, { description: 'Saves a scenario and its events in one transaction.' })
  createScenario(@Arg('input', () => ScenarioInput) input: ScenarioInput, @Ctx() ctx: RequestContext) {
    return createScenario(ctx.db, input, signedInUserOf(ctx), currentYear());
  }

  @Authorized('analyst')
  @Mutation(() => Scenario, { description: 'Changes your scenario (admins: anyone’s); others duplicate it to change a copy of their own.' })
  updateScenario(@Arg('id', () => ID) id: string, @Arg('input', () => ScenarioUpdate) input: ScenarioUpdate, @Ctx() ctx: RequestContext) {
    return updateScenario(ctx.db, id, input, signedInUserOf(ctx), currentYear());
  }

  @Authorized('analyst')
  @Mutation(() => DeletionResult, { description: 'Deletes your scenario (admins: anyone’s) and its events; the map is untouched.' })
  deleteScenario(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return removeScenario(ctx.db, id, signedInUserOf(ctx));
  }

  @Authorized('analyst')
  @Mutation(() => Scenario, { description: 'Copies a scenario and its events under a new id ("<name> (copy)" unless named); the copy is yours.' })
  duplicateScenario(@Arg('id', () => ID) id: string, @Arg('name', () => String, { nullable: true }) name: string | null, @Ctx() ctx: RequestContext) {
    return duplicateScenario(ctx.db, id, name, signedInUserOf(ctx));
  }

  @Query(() => ScenarioRun, { description: 'Runs events over the map without saving anything.' })
  runScenario(@Arg('input', () => ScenarioRunInput) input: ScenarioRunInput, @Ctx() ctx: RequestContext) {
    return runDraft(ctx.db, input, currentYear());
  }

  @Query(() => ScenarioRun, { description: 'Runs a saved scenario.' })
  runSavedScenario(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return runSaved(ctx.db, id, currentYear());
  }

  @Query(() => ScenarioComparison, { description: 'Two to six saved scenarios side by side, each against the baseline.' })
  compareScenarios(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('horizon', () => Int, { nullable: true, description: 'Compare all at this year; default: each at its own horizon.' }) horizon: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return compareSaved(ctx.db, ids, horizon ?? null, currentYear());
  }
}

@Resolver(() => ScenarioEvent)
export class ScenarioEventResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'Null when the entity was deleted after the scenario was saved.' })
  target(@Root() event: ScenarioEvent, @Ctx() ctx: RequestContext) {
    return entityById(ctx).load(event.targetId);
  }

  @FieldResolver(() => Entity, { nullable: true })
  replaces(@Root() event: ScenarioEvent, @Ctx() ctx: RequestContext) {
    return event.replacesId ? entityById(ctx).load(event.replacesId) : null;
  }
}

@Resolver(() => CapabilityImpact)
export class CapabilityImpactResolver {
  @FieldResolver(() => Capability, { nullable: true })
  async capability(@Root() impact: CapabilityImpact, @Ctx() ctx: RequestContext) {
    return asKind('Capability')(await entityById(ctx).load(impact.capabilityId));
  }
}

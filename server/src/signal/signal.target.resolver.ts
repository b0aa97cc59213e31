// The signals of what a signal can indicate: technologies, capabilities and case studies get `signals`,
// `signalCount` and `signalTrend` (counts per month and the emerging flag), all from one batched query.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { Capability } from '../capability/capability.type.js';
import { CaseStudy, type EntityRecord } from '../entity/entity.type.js';
import type { RequestContext } from '../graphql/context.js';
import { assertValid } from '../graphql/errors.js';
import { problems } from '../graphql/validation.js';
import { Technology } from '../technology/technology.type.js';
import { signalTrend } from './signal.analysis.js';
import { signalsOfTarget } from './signal.loaders.js';
import { IndicatesLink, SignalTrend } from './signal.type.js';
import { asOfCheck } from './signal.validation.js';
import { today } from './signal.text.js';

function targetSignalsResolver(type: ClassType, name: string) {
  @Resolver(() => type)
  class TargetSignalsResolver {
    @FieldResolver(() => [IndicatesLink], { description: 'The signals that indicate it, newest first.' })
    signals(@Root() target: EntityRecord, @Ctx() ctx: RequestContext) {
      return signalsOfTarget(ctx).load(target.id);
    }

    @FieldResolver(() => Int, { description: 'How many signals indicate it.' })
    async signalCount(@Root() target: EntityRecord, @Ctx() ctx: RequestContext) {
      return (await signalsOfTarget(ctx).load(target.id)).length;
    }

    @FieldResolver(() => SignalTrend, {
      description: 'Its signals per month (by publication day, at most the last 240 months) and whether they are accelerating ("emerging").',
    })
    async signalTrend(
      @Root() target: EntityRecord,
      @Arg('asOf', () => String, {
        nullable: true,
        description: 'The last day of the recent window, YYYY-MM-DD, at most 31 days after today; today when not given.',
      })
      asOf: string | null,
      @Ctx() ctx: RequestContext,
    ) {
      assertValid(problems(asOfCheck('asOf', asOf)));
      const links = await signalsOfTarget(ctx).load(target.id);
      return signalTrend(
        links.map((l) => l.signal.publishedAt as string | null),
        asOf ?? today(),
      );
    }
  }
  Object.defineProperty(TargetSignalsResolver, 'name', { value: `${name}SignalsResolver` });
  return TargetSignalsResolver;
}

export const TechnologySignalsResolver = targetSignalsResolver(Technology, 'Technology');
export const CapabilitySignalsResolver = targetSignalsResolver(Capability, 'Capability');
export const CaseStudySignalsResolver = targetSignalsResolver(CaseStudy, 'CaseStudy');

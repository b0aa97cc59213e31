import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { EntityKindEnum } from '../entity/entity.type.js';
import type { EntityKind } from '../db/labels.js';

@ObjectType({ description: 'Something the signed-in user follows: an entity, a signal, a saved scenario or one of their saved searches.' })
export class Follow {
  @Field(() => ID) targetId!: string;
  @Field(() => String, { description: 'The entity kind (Technology, Signal, Scenario…) or SavedSearch.' }) targetKind!: string;
  @Field(() => String) targetName!: string;
  @Field(() => String, { description: 'When they started following it (ISO date-time).' }) since!: string;
}

@ObjectType({ description: 'A search kept under a name; its owner follows it and hears of new signals that match it.' })
export class SavedSearch {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The text as typed in the Explorer search.' }) query!: string;
  @Field(() => [EntityKindEnum], { description: 'The kinds it is limited to; empty: every kind.' }) kinds!: EntityKind[];
  @Field(() => String) createdAt!: string;
  @Field(() => Boolean, { description: 'Whether its owner still follows it (notifications on).' }) followed!: boolean;
}

@InputType()
export class SavedSearchInput {
  @Field(() => String, { description: 'What to call it in the watchlist, 1–120 characters.' }) name!: string;
  @Field(() => String, { description: 'The search text, as typed in the Explorer.' }) query!: string;
  @Field(() => [EntityKindEnum], { nullable: true, description: 'Limit to these kinds; none: every kind.' }) kinds?: EntityKind[] | null;
}

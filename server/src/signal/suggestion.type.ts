// GraphQL types of signal clustering (the inbox by cluster) and suggested links (with their reasons).
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../entity/entity.type.js';
import { Technology } from '../technology/technology.type.js';
import { SuggestionReasonKind } from '../vocabulary/graphql-enums.js';
import { Signal } from './signal.type.js';

@ObjectType({ description: 'Signals whose titles and summaries are similar (TF-IDF cosine, average linkage): one topic.' })
export class SignalCluster {
  @Field(() => ID, { description: '"cluster:" and its newest signal id; changes when that signal leaves it.' }) id!: string;
  @Field(() => [String], { description: 'The terms that name it: the heaviest that at least two of its signals share.' }) terms!: string[];
  @Field(() => String, { description: 'The terms joined, for display.' }) label!: string;
  @Field(() => Int, { description: 'How many signals it holds in all (the filter may show fewer).' }) size!: number;
  @Field(() => Float, { description: 'Mean similarity of its signals, 0–1.' }) cohesion!: number;
  @Field(() => [Signal], { description: 'Its signals that match the filter, newest first.' }) signals!: EntityRecord[];
}

@ObjectType({ description: 'The inbox grouped by cluster, computed once per data version.' })
export class SignalClustering {
  @Field(() => [SignalCluster], { description: 'Largest first.' }) clusters!: SignalCluster[];
  @Field(() => [Signal], { description: 'Matching signals similar to no other, newest first.' }) unclustered!: EntityRecord[];
  @Field(() => Float, { description: 'The mean cosine similarity at which groups stop merging.' }) threshold!: number;
  @Field(() => Int, { description: 'How many signals were clustered (the newest, at most 2,000).' }) clusteredCount!: number;
  @Field(() => String, { description: 'How the clusters are made, in words.' }) method!: string;
}

@ObjectType({ description: 'One reason a technology is suggested.' })
export class SuggestionReason {
  @Field(() => SuggestionReasonKind) kind!: SuggestionReasonKind;
  @Field(() => String, { description: 'The reason in words.' }) text!: string;
  @Field(() => [String], { description: 'The name or alias found, or the shared terms.' }) terms!: string[];
  @Field(() => [Signal], { description: 'SIMILAR_SIGNALS: the similar signals that indicate it (the evidence path).' }) signals!: EntityRecord[];
}

@ObjectType({ description: 'A technology suggested for a signal. Accept it with linkSignal; reject it with rejectSuggestedLink.' })
export class LinkSuggestion {
  @Field(() => Technology) technology!: EntityRecord;
  @Field(() => Float, { description: '0–1, for ordering: name or alias 0.6, up to 0.4 for similar signals, plus the text similarity.' })
  score!: number;
  @Field(() => String, { description: 'The reasons in one sentence.' }) explanation!: string;
  @Field(() => [SuggestionReason]) reasons!: SuggestionReason[];
}

@ObjectType({ description: 'A remembered rejection: the technology is no longer suggested for the signal.' })
export class SuggestionRejection {
  @Field(() => ID) signalId!: string;
  @Field(() => ID) technologyId!: string;
  @Field(() => String, { description: 'Who first rejected it.' }) by!: string;
  @Field(() => String, { description: 'When (ISO date-time).' }) at!: string;
}

// GraphQL types of horizon-scanning signals: the Signal kind, its INDICATES links, filters, inputs and counts.
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity/entity.type.js';
import { Connection } from '../graphql/connection.js';
import { SignalStatus, Steep } from '../vocabulary/graphql-enums.js';
import { SIGNAL_STATUSES, STEEP_CATEGORIES, type SignalStatus as SignalStatusValue, type Steep as SteepValue } from './signal.model.js';

const STEEP_TEXT = STEEP_CATEGORIES.join(', ');
const STATUS_TEXT = SIGNAL_STATUSES.join(', ');

@ObjectType({ implements: Entity, description: 'A horizon-scanning signal: a news item, paper or report that may bear on technologies or capabilities.' })
export class Signal extends Entity {
  // title and summary are the entity's name and description (resolved in signal.resolver.ts).
  @Field(() => String, { nullable: true, description: 'The article as published.' }) url?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The URL used to spot duplicates: lower-case host, no fragment, no utm_* parameters, no trailing slash.',
  })
  canonicalUrl?: string | null;
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => String, { nullable: true, description: 'The day it was published, YYYY-MM-DD.' }) publishedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'The day an analyst took it in, YYYY-MM-DD.' }) observedAt?: string | null;
  @Field(() => Steep, { nullable: true, description: `STEEP category: ${STEEP_TEXT}.` }) steep?: Steep | null;
  @Field(() => SignalStatus, { nullable: true, description: `Triage status: ${STATUS_TEXT}.` }) status?: SignalStatus | null;
  @Field(() => String, { nullable: true, description: 'Who recorded or imported it.' }) createdBy?: string | null;
  @Field(() => String, { nullable: true, description: 'When it was recorded (ISO date-time); null for seeded signals.' }) createdAt?: string | null;
}

export const SignalConnection = Connection(Signal, 'Signal');

@ObjectType({ description: 'A signal indicates a technology, capability or case study, with a relevance from 0 to 1.' })
export class IndicatesLink {
  @Field(() => Signal) signal!: EntityRecord;
  @Field(() => Entity, { description: 'A technology, capability or case study.' }) target!: EntityRecord;
  @Field(() => Float, { nullable: true, description: '0–1: how strongly the signal bears on the target.' }) relevance?: number | null;
}

@InputType({ description: 'Narrows the signals list; all given conditions must hold.' })
export class SignalFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search over title and summary (every word must match; word prefixes match).' })
  text?: string | null;
  @Field(() => SignalStatus, { nullable: true, description: STATUS_TEXT }) status?: SignalStatus | null;
  @Field(() => Steep, { nullable: true, description: STEEP_TEXT }) steep?: Steep | null;
  @Field(() => ID, { nullable: true, description: 'Only signals that indicate this technology, capability or case study.' }) targetId?: string | null;
  @Field(() => String, { nullable: true, description: 'Published on or after this day (YYYY-MM-DD).' }) publishedFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Published on or before this day (YYYY-MM-DD).' }) publishedTo?: string | null;
}

@InputType({ description: 'A link from a signal to what it bears on.' })
export class SignalLinkInput {
  @Field(() => ID, { description: 'A technology, capability or case study.' }) targetId!: string;
  @Field(() => Float, { nullable: true, description: '0–1; 0.5 when not given.' }) relevance?: number | null;
}

@InputType({ description: 'A signal recorded by hand. Its id is made from the publication day and title.' })
export class SignalInput {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { description: 'An absolute http(s) URL.' }) url!: string;
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => String, { description: 'YYYY-MM-DD' }) publishedAt!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when not given.' }) observedAt?: string | null;
  @Field(() => Steep, { description: STEEP_TEXT }) steep!: Steep;
  @Field(() => SignalStatus, { nullable: true, description: `${STATUS_TEXT}; new when not given.` }) status?: SignalStatus | null;
  @Field(() => [SignalLinkInput], { nullable: true }) links?: SignalLinkInput[] | null;
}

@InputType({ description: 'Changes to a signal: only the fields given change.' })
export class SignalUpdate {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => String, { nullable: true }) publishedAt?: string | null;
  @Field(() => String, { nullable: true }) observedAt?: string | null;
  @Field(() => Steep, { nullable: true }) steep?: Steep | null;
  @Field(() => SignalStatus, { nullable: true }) status?: SignalStatus | null;
}

@InputType({ description: 'Link a signal to a technology, capability or case study (creates or updates the link).' })
export class IndicatesInput {
  @Field(() => ID) signalId!: string;
  @Field(() => ID) targetId!: string;
  @Field(() => Float, { nullable: true, description: '0–1; 0.5 when not given.' }) relevance?: number | null;
}

@ObjectType({ description: 'How many signals have one triage status.' })
export class SignalStatusCount {
  @Field(() => SignalStatus) value!: SignalStatusValue;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many signals have one STEEP category.' })
export class SteepCount {
  @Field(() => Steep) value!: SteepValue;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Counts for the signals inbox.' })
export class SignalCounts {
  @Field(() => Int, { description: 'Signals matching the whole filter.' }) total!: number;
  @Field(() => [SignalStatusCount], { description: 'Per status (NEW, ASSESSED, LINKED, ARCHIVED, always all four), matching the filter except its status.' })
  byStatus!: SignalStatusCount[];
  @Field(() => [SteepCount], { description: 'Per STEEP category (all five), matching the whole filter.' }) bySteep!: SteepCount[];
}

@ObjectType({ description: 'Signals in one calendar month.' })
export class MonthCount {
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: "A technology's (or capability's) signals over time and whether they accelerate." })
export class SignalTrend {
  @Field(() => String, { description: 'The day the windows end on (YYYY-MM-DD).' }) asOf!: string;
  @Field(() => [MonthCount], { description: 'Per month, oldest first, zero-filled, by publication day.' }) months!: MonthCount[];
  @Field(() => Int, { description: 'Signals in the recent window.' }) recentCount!: number;
  @Field(() => Int, { description: 'Signals in the window before it.' }) previousCount!: number;
  @Field(() => Boolean) emerging!: boolean;
  @Field(() => String, { description: 'The emerging rule in words.' }) rule!: string;
}

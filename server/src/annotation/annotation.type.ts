// GraphQL types of annotations: the annotation (an Entity kind), its revisions, inputs and the ratings' spread.
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Entity } from '../entity/entity.type.js';

const ADMIRALTY = 'Admiralty/NATO code: source reliability A (completely reliable) to F (cannot be judged)';

@ObjectType({
  implements: Entity,
  description: "An analyst's note on a signal, technology, capability, component or material, with ratings. Edits keep every earlier version (history).",
})
export class Annotation extends Entity {
  @Field(() => ID, { description: 'What it annotates.' }) targetId!: string;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true, description: 'Impact if it happens, 1 (negligible) to 5 (severe).' }) impact?: number | null;
  @Field(() => Int, { nullable: true, description: 'Likelihood, 1 (rare) to 5 (almost certain).' }) likelihood?: number | null;
  @Field(() => Int, { nullable: true, description: 'Time to impact: the year it is expected to bite.' }) horizonYear?: number | null;
  @Field(() => String, { nullable: true, description: `${ADMIRALTY}.` }) reliability?: string | null;
  @Field(() => Int, { nullable: true, description: 'Admiralty/NATO code: information credibility 1 (confirmed) to 6 (cannot be judged).' }) credibility?:
    number | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => [String], { description: 'External references (URLs).' }) references!: string[];
  @Field(() => String, { description: 'Who wrote it.' }) author!: string;
  @Field(() => String, { description: 'ISO date-time.' }) createdAt!: string;
  @Field(() => String, { description: 'ISO date-time of the latest revision.' }) updatedAt!: string;
  @Field(() => String) updatedBy!: string;
  @Field(() => Int, { description: 'The number of its latest revision (1 when never edited).' }) version!: number;
  @Field(() => Boolean, { description: 'Soft-deleted: hidden from lists, kept in history.' }) deleted!: boolean;
  @Field(() => String, { nullable: true }) deletedAt?: string | null;
  @Field(() => String, { nullable: true }) deletedBy?: string | null;
}

@ObjectType({ description: 'One version of an annotation, as it was after a create, edit or delete.' })
export class AnnotationRevision {
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'created, edited or deleted.' }) action!: string;
  @Field(() => String) author!: string;
  @Field(() => String, { description: 'ISO date-time.' }) at!: string;
  @Field(() => String, { nullable: true, description: 'Why it was deleted, when given.' }) reason?: string | null;
  @Field(() => Boolean, { description: 'Made by an administrator moderating someone else’s annotation (author names the moderator).' }) moderated!: boolean;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true }) impact?: number | null;
  @Field(() => Int, { nullable: true }) likelihood?: number | null;
  @Field(() => Int, { nullable: true }) horizonYear?: number | null;
  @Field(() => String, { nullable: true }) reliability?: string | null;
  @Field(() => Int, { nullable: true }) credibility?: number | null;
  @Field(() => String, { nullable: true, description: 'Reliability and credibility together, e.g. "B2".' }) confidence?: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => [String]) references!: string[];
}

@InputType({ description: 'A new annotation. Ratings are optional; the Admiralty reliability and credibility go together.' })
export class AnnotationInput {
  @Field(() => ID, { description: 'A signal, technology, capability, component or material.' }) targetId!: string;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true, description: '1–5' }) impact?: number | null;
  @Field(() => Int, { nullable: true, description: '1–5' }) likelihood?: number | null;
  @Field(() => Int, { nullable: true, description: 'This year to 2100.' }) horizonYear?: number | null;
  @Field(() => String, { nullable: true, description: 'A–F' }) reliability?: string | null;
  @Field(() => Int, { nullable: true, description: '1–6' }) credibility?: number | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'http(s) URLs.' }) references?: string[] | null;
}

@InputType({ description: 'An edit: only the fields given change; null clears an optional field. The earlier version stays in the history.' })
export class AnnotationEdit {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => Int, { nullable: true }) impact?: number | null;
  @Field(() => Int, { nullable: true }) likelihood?: number | null;
  @Field(() => Int, { nullable: true }) horizonYear?: number | null;
  @Field(() => String, { nullable: true }) reliability?: string | null;
  @Field(() => Int, { nullable: true }) credibility?: number | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [String], { nullable: true }) references?: string[] | null;
}

@ObjectType({ description: 'How many ratings had one value.' })
export class HistogramBin {
  @Field(() => Int) value!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many ratings had one grade.' })
export class GradeCount {
  @Field(() => String) grade!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The spread of one rating across analysts: not only the mean.' })
export class RatingStats {
  @Field(() => Int, { description: 'Analysts who gave this rating.' }) count!: number;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
  @Field(() => Float, { nullable: true, description: 'Population standard deviation (0 when all agree).' }) standardDeviation!: number | null;
  @Field(() => [HistogramBin], { description: 'Per value (every value of the scale for impact and likelihood; the years given for the horizon).' })
  histogram!: HistogramBin[];
}

@ObjectType({ description: "Several analysts' ratings of one entity: each analyst's latest rating counts once." })
export class RatingSpread {
  @Field(() => Int, { description: 'Analysts with at least one rating.' }) raters!: number;
  @Field(() => RatingStats) impact!: RatingStats;
  @Field(() => RatingStats) likelihood!: RatingStats;
  @Field(() => RatingStats, { description: 'Time to impact, as horizon years.' }) horizonYear!: RatingStats;
  @Field(() => [GradeCount], { description: 'Source reliability A–F.' }) reliability!: GradeCount[];
  @Field(() => RatingStats, { description: 'Information credibility 1–6.' }) credibility!: RatingStats;
}

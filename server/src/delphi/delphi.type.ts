// GraphQL types of Delphi studies. What a caller sees is built for them (delphi.service.ts): their own answers, and
// the group's statistics only once a round is closed. Method and statistics: docs/delphi.md.
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DelphiRoundStatus } from '../vocabulary/graphql-enums.js';

@ObjectType({ description: 'An analyst or admin on a Delphi panel (or leading a study).' })
export class DelphiPerson {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'What a Delphi study asks about: a technology or a signal.' })
export class DelphiItem {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Technology or Signal.' }) kind!: string;
}

@ObjectType({ description: 'How many answers had one value.' })
export class DelphiHistogramBin {
  @Field(() => Int) value!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The group statistics of one question about one item. Quartiles by linear interpolation (type 7).' })
export class DelphiQuestionStats {
  @Field(() => Int, { description: 'Answers given.' }) count!: number;
  @Field(() => Float, { nullable: true }) median!: number | null;
  @Field(() => Float, { nullable: true, description: 'First quartile (Q1).' }) lowerQuartile!: number | null;
  @Field(() => Float, { nullable: true, description: 'Third quartile (Q3).' }) upperQuartile!: number | null;
  @Field(() => Float, { nullable: true, description: 'Interquartile range, Q3 − Q1.' }) iqr!: number | null;
  @Field(() => [DelphiHistogramBin], { description: 'Counts per value: 1–5 for impact and likelihood, the years given for the horizon.' })
  histogram!: DelphiHistogramBin[];
}

@ObjectType({ description: "One item's results in a closed round." })
export class DelphiItemResult {
  @Field(() => ID) itemId!: string;
  @Field(() => Int, { description: 'Analysts who answered about it.' }) answers!: number;
  @Field(() => DelphiQuestionStats, { description: 'Impact 1–5.' }) impact!: DelphiQuestionStats;
  @Field(() => DelphiQuestionStats, { description: 'Likelihood 1–5.' }) likelihood!: DelphiQuestionStats;
  @Field(() => DelphiQuestionStats, { description: 'Expected horizon year.' }) horizonYear!: DelphiQuestionStats;
  @Field(() => [String], { description: 'The rationales given, without names (Delphi feedback is anonymous).' }) rationales!: string[];
}

@ObjectType({ description: "The caller's own answer about one item in one round." })
export class DelphiAnswer {
  @Field(() => ID) itemId!: string;
  @Field(() => Int) impact!: number;
  @Field(() => Int) likelihood!: number;
  @Field(() => Int) horizonYear!: number;
  @Field(() => String, { nullable: true }) rationale!: string | null;
  @Field(() => String, { description: 'ISO date-time of the latest change.' }) answeredAt!: string;
}

@ObjectType({ description: 'A round of a Delphi study. Answers are blind while it is OPEN: only your own are shown.' })
export class DelphiRound {
  @Field(() => Int) number!: number;
  @Field(() => DelphiRoundStatus) status!: DelphiRoundStatus;
  @Field(() => String) openedAt!: string;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => [ID], { description: 'The items this round asks about.' }) itemIds!: string[];
  @Field(() => Float, { nullable: true, description: 'Consensus index, recorded at the close: mean of IQR / scale points (docs/delphi.md).' })
  consensus!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Consensus index ≤ 0.2 (an IQR of at most 1 on a 5-point scale).' })
  consensusReached!: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Analysts who answered; null while the round is open.' }) respondents!: number | null;
  @Field(() => [DelphiAnswer], { description: 'Your answers in this round.' }) myAnswers!: DelphiAnswer[];
  @Field(() => [DelphiItemResult], { nullable: true, description: 'Group statistics per item; null while the round is open.' })
  results!: DelphiItemResult[] | null;
  @Field(() => String, { nullable: true, description: 'When its medians were written to the ratings.' }) resultsWrittenAt!: string | null;
  @Field(() => String, { nullable: true }) resultsWrittenBy!: string | null;
}

@ObjectType({ description: 'A Delphi study: structured group evaluation of technologies or signals in rounds.' })
export class DelphiStudy {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => DelphiPerson, { description: 'Who opened it; closes rounds and writes the results.' }) lead!: DelphiPerson;
  @Field(() => [DelphiItem]) items!: DelphiItem[];
  @Field(() => [DelphiPerson], { description: 'The panel: who may answer.' }) invitees!: DelphiPerson[];
  @Field(() => [DelphiRound], { description: 'Oldest first; the last is the current round.' }) rounds!: DelphiRound[];
  @Field(() => Boolean, { description: 'You lead it (or, as an administrator, may act as its lead).' }) youLead!: boolean;
  @Field(() => Boolean, { description: 'You are on its panel.' }) youAreInvited!: boolean;
}

@ObjectType({ description: 'A Delphi study in the list.' })
export class DelphiStudySummary {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) leadName!: string;
  @Field(() => Int) itemCount!: number;
  @Field(() => Int) panelSize!: number;
  @Field(() => Int, { description: 'The current round.' }) roundNumber!: number;
  @Field(() => DelphiRoundStatus) status!: DelphiRoundStatus;
  @Field(() => Float, { nullable: true, description: 'The latest closed round’s consensus index.' }) consensus!: number | null;
  @Field(() => Boolean) youAreInvited!: boolean;
}

@InputType({ description: 'A new Delphi study; it opens round 1 at once.' })
export class DelphiStudyInput {
  @Field(() => String) title!: string;
  @Field(() => [ID], { description: '1–30 technologies or signals.' }) itemIds!: string[];
  @Field(() => [ID], { description: 'The panel: analysts or admins (see delphiPanelCandidates).' }) inviteeIds!: string[];
}

@InputType({ description: 'Your answer about one item. A rationale is required when a value lies outside the previous round’s IQR.' })
export class DelphiAnswerInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int, { description: '1 (negligible) – 5 (severe).' }) impact!: number;
  @Field(() => Int, { description: '1 (rare) – 5 (almost certain).' }) likelihood!: number;
  @Field(() => Int, { description: 'The year it is expected to bite, 2026–2060.' }) horizonYear!: number;
  @Field(() => String, { nullable: true }) rationale?: string | null;
}

// GraphQL types of assignments: who should look at what, by when.
import { Field, ID, ObjectType } from 'type-graphql';
import { AssignmentState } from '../vocabulary/graphql-enums.js';

@ObjectType({ description: 'A signal or entity assigned to an analyst, with a due date (a calendar day, UTC).' })
export class Assignment {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'What to look at.' }) subjectId!: string;
  @Field(() => String, { nullable: true, description: 'Its kind (Signal, Technology…); null when it was deleted since.' }) subjectKind!: string | null;
  @Field(() => String) subjectName!: string;
  @Field(() => ID) assigneeId!: string;
  @Field(() => String) assigneeName!: string;
  @Field(() => ID) assignedById!: string;
  @Field(() => String, { description: 'Who assigned it.' }) assignedBy!: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) due!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { description: 'ISO date-time.' }) createdAt!: string;
  @Field(() => String, { nullable: true }) completedAt!: string | null;
  @Field(() => String, { nullable: true }) completedBy!: string | null;
  @Field(() => AssignmentState, { description: 'Today (UTC): OVERDUE, DUE_TODAY, OPEN or DONE.' }) state!: AssignmentState;
}

// GraphQL types of a signal import: what to read, and the report it answers with.
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SignalImportFormat, Steep } from '../vocabulary/graphql-enums.js';

@InputType({ description: 'An RSS 2.0, Atom or CSV file to import. Give exactly one of content (an uploaded file) and path (on the server).' })
export class SignalImportInput {
  @Field(() => String, { nullable: true, description: "The file's text, as uploaded by the browser." }) content?: string | null;
  @Field(() => String, { nullable: true, description: 'A file on the server, inside an allowed import folder (ATLAS_IMPORT_DIR).' }) path?: string | null;
  @Field(() => String, { nullable: true, description: 'The uploaded file name, shown in the report.' }) fileName?: string | null;
  @Field(() => SignalImportFormat, { nullable: true, description: 'RSS, ATOM or CSV; detected from the content when not given.' })
  format?: SignalImportFormat | null;
  @Field(() => Steep, { nullable: true, description: 'STEEP category for records that name none (TECHNOLOGICAL when not given).' })
  defaultSteep?: Steep | null;
  @Field(() => [ID], { nullable: true, description: 'Technologies, capabilities or case studies every created signal is linked to.' }) linkTo?: string[] | null;
  @Field(() => Float, { nullable: true, description: 'Relevance of the linkTo links, 0–1 (0.5 when not given).' }) relevance?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Check and report only; write nothing.' }) dryRun?: boolean | null;
}

@ObjectType({ description: 'What happened to one record of an imported file.' })
export class SignalImportItem {
  @Field(() => Int, { description: '1-based position of the item, entry or data row in the file.' }) position!: number;
  @Field(() => Int, { nullable: true, description: 'The line in the file, where known (CSV).' }) line!: number | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { description: 'created, duplicate or rejected.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'Why it was rejected, or what it duplicates.' }) reason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The new signal (created; in a dry run, the id it would get).' }) signalId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The stored signal, or earlier record of the file, it duplicates.' }) duplicateOf!: string | null;
}

@ObjectType({ description: 'The report of an import: counts and one line per record.' })
export class SignalImportReport {
  @Field(() => SignalImportFormat) format!: SignalImportFormat;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => String, { nullable: true, description: 'The feed title (RSS channel or Atom feed).' }) feedTitle!: string | null;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Int) total!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [SignalImportItem]) items!: SignalImportItem[];
}

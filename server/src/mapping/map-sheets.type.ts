import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FieldChange } from '../history/history.type.js';

export const RowStatusEnum = { NEW: 'NEW', CHANGED: 'CHANGED', UNCHANGED: 'UNCHANGED' } as const;
registerEnumType(RowStatusEnum, { name: 'MapRowStatus', description: 'What importing a row does: adds, changes or leaves it.' });

@ObjectType({ description: 'A row of the workbook that adds or changes something, with the fields before and after.' })
export class MapImportRow {
  @Field(() => String) sheet!: string;
  @Field(() => Int, { description: 'As the spreadsheet numbers it (the header is row 1).' }) row!: number;
  @Field(() => String, { description: 'The entity id, or "from → to" of a link.' }) key!: string;
  @Field(() => RowStatusEnum) status!: keyof typeof RowStatusEnum;
  @Field(() => [FieldChange]) changes!: FieldChange[];
}

@ObjectType({ description: 'Why a workbook cannot be imported: the sheet, row and column, and what to do.' })
export class MapImportError {
  @Field(() => String) sheet!: string;
  @Field(() => Int) row!: number;
  @Field(() => String, { nullable: true }) column?: string | null;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'What importing a workbook does (dry run) or did. With any error nothing is written.' })
export class MapImportReport {
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean, { description: 'Whether it was written (never on a dry run or with errors).' }) applied!: boolean;
  @Field(() => Int) created!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => [MapImportRow]) rows!: MapImportRow[];
  @Field(() => [MapImportError]) errors!: MapImportError[];
}

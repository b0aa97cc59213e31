// The mapping model as GraphQL: what the web forms and the spreadsheet columns are built from (query mappingModel).
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { EntityKindEnum } from '../entity/entity.type.js';
import type { EntityKind } from '../db/labels.js';
import { FIELD_TYPES, LINK_TYPES, type FieldType, type LinkType } from './mapping-model.js';

export const LinkTypeEnum = Object.fromEntries(LINK_TYPES.map((t) => [t, t])) as { [T in LinkType]: T };
registerEnumType(LinkTypeEnum, { name: 'LinkType', description: 'A relationship analysts map between two entities.' });

export const FieldTypeEnum = Object.fromEntries(FIELD_TYPES.map((t) => [t, t])) as { [T in FieldType]: T };
registerEnumType(FieldTypeEnum, {
  name: 'FieldType',
  description: 'How a field is entered: SHARE is a number from 0 to 1, YEAR a whole year, DATE YYYY-MM-DD, TEXT_LIST a list of texts.',
});

@ObjectType('FieldSpec', { description: 'One field of a form: its name in the input, its label, type and limits.' })
export class FieldSpecType {
  @Field(() => String, { description: 'The key in attributes / properties.' }) name!: string;
  @Field(() => String) label!: string;
  @Field(() => FieldTypeEnum) type!: FieldType;
  @Field(() => Boolean) required!: boolean;
  @Field(() => [String], { nullable: true, description: 'The allowed values of a CHOICE.' }) choices?: readonly string[] | null;
  @Field(() => Float, { nullable: true, description: 'Smallest number, or fewest characters of a text.' }) min?: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest number, most characters of a text, or most entries of a list.' }) max?: number | null;
  @Field(() => Boolean, { description: 'The value must be above min, not equal to it (a supplier\u2019s share: 0 is no supply).' }) aboveMin!: boolean;
  @Field(() => String, { nullable: true }) help?: string | null;
}

@ObjectType('KindSpec', { description: 'A kind analysts map: its label, id prefix and its own fields (besides name, description and aliases).' })
export class KindSpecType {
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'Ids of this kind start with it and a colon, e.g. "tech".' }) idPrefix!: string;
  @Field(() => Boolean, { description: 'Only admins create, edit or delete these (the EU official lists).' }) adminOnly!: boolean;
  @Field(() => [FieldSpecType]) fields!: FieldSpecType[];
}

@ObjectType('LinkTypeSpec', { description: 'A link type: its label in analysts\u2019 words (from → to), the kinds at each end and its properties.' })
export class LinkTypeSpecType {
  @Field(() => LinkTypeEnum) type!: LinkType;
  @Field(() => String, { description: 'Reads from → to, e.g. "depends on".' }) label!: string;
  @Field(() => [EntityKindEnum]) fromKinds!: EntityKind[];
  @Field(() => [EntityKindEnum]) toKinds!: EntityKind[];
  @Field(() => [FieldSpecType]) properties!: FieldSpecType[];
}

@ObjectType({
  description:
    'What can be mapped: kinds with their fields and link types with their properties. One source of truth for the API ' +
    'checks, the forms and the spreadsheet columns.',
})
export class MappingModel {
  @Field(() => [FieldSpecType], { description: 'Fields every kind has (name, description, aliases).' }) commonFields!: FieldSpecType[];
  @Field(() => [KindSpecType]) kinds!: KindSpecType[];
  @Field(() => [LinkTypeSpecType]) linkTypes!: LinkTypeSpecType[];
}

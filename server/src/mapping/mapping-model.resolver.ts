import { Query, Resolver } from 'type-graphql';
import { COMMON_FIELDS, KIND_SPECS, LINK_SPECS, type FieldSpec } from './mapping-model.js';
import { MappingModel, type FieldSpecType } from './mapping-model.type.js';

const asType = (f: FieldSpec): FieldSpecType => ({ ...f, aboveMin: Boolean(f.aboveMin) });

@Resolver(() => MappingModel)
export class MappingModelResolver {
  @Query(() => MappingModel, { description: 'The kinds and link types analysts map, with their fields: build forms and spreadsheets from it.' })
  mappingModel(): MappingModel {
    return {
      commonFields: COMMON_FIELDS.map(asType),
      kinds: KIND_SPECS.map((k) => ({ ...k, fields: k.fields.map(asType) })),
      linkTypes: LINK_SPECS.map((l) => ({
        type: l.type,
        label: l.label,
        fromKinds: [...l.fromKinds],
        toKinds: [...l.toKinds],
        properties: l.properties.map(asType),
      })),
    };
  }
}

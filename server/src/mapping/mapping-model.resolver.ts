import { Query, Resolver } from 'type-graphql';
import { COMMON_FIELDS, KIND_SPECS, LINK_SPECS } from './mapping-model.js';
import { MappingModel } from './mapping-model.type.js';

@Resolver(() => MappingModel)
export class MappingModelResolver {
  @Query(() => MappingModel, { description: 'The kinds and link types analysts map, with their fields: build forms and spreadsheets from it.' })
  mappingModel(): MappingModel {
    return { commonFields: [...COMMON_FIELDS], kinds: KIND_SPECS as MappingModel['kinds'], linkTypes: LINK_SPECS as unknown as MappingModel['linkTypes'] };
  }
}

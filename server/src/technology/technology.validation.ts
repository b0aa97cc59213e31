// createTechnology/updateTechnology check the same model as createEntity (mapping-model.ts), with the attributes as
// top-level fields of their input (input.trl rather than input.attributes.trl).
import { assertValid } from '../graphql/errors.js';
import { entityProblems } from '../mapping/mapping.input.validation.js';
import type { TechnologyInput, TechnologyUpdate } from './technology.type.js';

export function validateTechnology(input: TechnologyInput | TechnologyUpdate, field = 'input', partial = false): void {
  const { trl, trlYear, horizon, euPosition, dualUse } = input;
  const attributes = Object.fromEntries(Object.entries({ trl, trlYear, horizon, euPosition, dualUse }).filter(([, v]) => v !== undefined));
  const problems = entityProblems(
    'Technology',
    { id: 'id' in input ? input.id : undefined, name: input.name, description: input.description, attributes, sourceIds: input.sourceIds },
    partial,
    field,
  );
  assertValid(problems);
}

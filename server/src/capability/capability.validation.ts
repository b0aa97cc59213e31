// createCapability/updateCapability check the same model as createEntity (mapping-model.ts), with the attributes as
// top-level fields of their input (input.domain rather than input.attributes.domain).
import { assertValid } from '../graphql/errors.js';
import { entityProblems } from '../mapping/mapping.input.validation.js';
import type { CapabilityInput, CapabilityUpdate } from './capability.type.js';

export function validateCapability(input: CapabilityInput | CapabilityUpdate, partial = false): void {
  const attributes = input.domain === undefined ? {} : { domain: input.domain };
  assertValid(
    entityProblems(
      'Capability',
      { id: 'id' in input ? input.id : undefined, name: input.name, description: input.description, attributes, sourceIds: input.sourceIds },
      partial,
      'input',
    ),
  );
}

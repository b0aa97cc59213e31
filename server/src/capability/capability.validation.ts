import { assertValid } from '../graphql/errors.js';
import { idFormat, oneOf, optionalText, problems, requiredText } from '../graphql/validation.js';
import { CAPABILITY_DOMAINS, type CapabilityInput, type CapabilityUpdate } from './capability.type.js';

export function validateCapability(input: CapabilityInput | CapabilityUpdate, partial = false): void {
  assertValid(
    problems(
      'id' in input ? idFormat('input.id', input.id, 'cap') : null,
      partial && (input.name === undefined || input.name === null) ? null : requiredText('input.name', input.name, 200, 2),
      optionalText('input.description', input.description),
      oneOf('input.domain', input.domain, CAPABILITY_DOMAINS),
    ),
  );
}

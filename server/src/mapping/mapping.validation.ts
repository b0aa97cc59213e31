import { assertValid } from '../graphql/errors.js';
import { numberInRange, optionalText, problems, requiredText } from '../graphql/validation.js';
import type { DependsOnInput, EnablesInput } from './mapping.type.js';

export function validateEnables(input: EnablesInput): void {
  assertValid(
    problems(
      requiredText('input.technologyId', input.technologyId),
      requiredText('input.capabilityId', input.capabilityId),
      numberInRange('input.strength', input.strength, 0, 1, true),
      optionalText('input.rationale', input.rationale, 2000),
    ),
  );
}

export function validateDependsOn(input: DependsOnInput): void {
  assertValid(
    problems(
      requiredText('input.dependantId', input.dependantId),
      requiredText('input.dependencyId', input.dependencyId),
      input.dependantId === input.dependencyId ? { field: 'input.dependencyId', message: 'must differ from dependantId: nothing depends on itself.' } : null,
      numberInRange('input.criticality', input.criticality, 0, 1, true),
      numberInRange('input.substitutability', input.substitutability, 0, 1, true),
      optionalText('input.rationale', input.rationale, 2000),
    ),
  );
}

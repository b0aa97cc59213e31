// The specific link mutations check their input against the same model as linkEntities (mapping-model.ts), under
// their own field names (input.technologyId, input.strength).
import { assertValid } from '../graphql/errors.js';
import { linkProblems } from './mapping.input.validation.js';
import type { DependsOnInput, EnablesInput } from './mapping.type.js';

export function validateEnables(input: EnablesInput): void {
  assertValid(
    linkProblems(
      { type: 'ENABLES', fromId: input.technologyId, toId: input.capabilityId, properties: { strength: input.strength, rationale: input.rationale ?? null } },
      { from: 'input.technologyId', to: 'input.capabilityId', properties: 'input' },
    ),
  );
}

export function validateDependsOn(input: DependsOnInput): void {
  assertValid(
    linkProblems(
      {
        type: 'DEPENDS_ON',
        fromId: input.dependantId,
        toId: input.dependencyId,
        properties: { criticality: input.criticality, substitutability: input.substitutability ?? null, rationale: input.rationale ?? null },
      },
      { from: 'input.dependantId', to: 'input.dependencyId', properties: 'input' },
    ),
  );
}

// The supply mutations check their input against the same model as createEntity and linkEntities (mapping-model.ts).
import { assertValid } from '../graphql/errors.js';
import { requiredText } from '../graphql/validation.js';
import { entityProblems, linkProblems } from './mapping.input.validation.js';
import type { SubstitutesInput, SuppliedByInput, SupplierInput } from './supply.type.js';

export function validateSupplier(input: SupplierInput): void {
  const countryId = requiredText('input.countryId', input.countryId);
  assertValid([
    ...entityProblems('Supplier', { id: input.id, name: input.name, description: input.description, sourceIds: input.sourceIds }, false),
    ...(countryId ? [countryId] : []),
  ]);
}

export function validateSuppliedBy(input: SuppliedByInput): void {
  assertValid(
    linkProblems(
      {
        type: 'SUPPLIED_BY',
        fromId: input.itemId,
        toId: input.supplierId,
        properties: { share: input.share ?? null, year: input.year ?? null, basis: input.basis ?? null },
      },
      { from: 'input.itemId', to: 'input.supplierId', properties: 'input' },
    ),
  );
}

export function validateSubstitutes(input: SubstitutesInput): void {
  assertValid(
    linkProblems(
      { type: 'SUBSTITUTES', fromId: input.substituteId, toId: input.replacesId, properties: { rationale: input.rationale ?? null } },
      { from: 'input.substituteId', to: 'input.replacesId', properties: 'input' },
    ),
  );
}

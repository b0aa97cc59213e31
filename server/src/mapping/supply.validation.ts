import { assertValid } from '../graphql/errors.js';
import { idFormat, intInRange, numberInRange, oneOf, optionalText, problems, requiredText } from '../graphql/validation.js';
import { SUPPLY_BASES, type SubstitutesInput, type SuppliedByInput, type SupplierInput } from './supply.type.js';

export function validateSupplier(input: SupplierInput): void {
  assertValid(
    problems(
      idFormat('input.id', input.id, 'sup'),
      requiredText('input.name', input.name, 200, 2),
      optionalText('input.description', input.description),
      requiredText('input.countryId', input.countryId),
    ),
  );
}

export function validateSuppliedBy(input: SuppliedByInput): void {
  assertValid(
    problems(
      requiredText('input.itemId', input.itemId),
      requiredText('input.supplierId', input.supplierId),
      numberInRange('input.share', input.share, 0, 1),
      // A supplier holding none of the supply is no supplier (docs/dependency-analysis.md, "Zero shares").
      input.share === 0 ? { field: 'input.share', message: 'must be above 0: a supplier with no share supplies nothing. Unlink it instead, or leave the share empty if it is unknown.' } : null,
      intInRange('input.year', input.year, 1900, 2100),
      oneOf('input.basis', input.basis, SUPPLY_BASES),
    ),
  );
}

export function validateSubstitutes(input: SubstitutesInput): void {
  assertValid(
    problems(
      requiredText('input.substituteId', input.substituteId),
      requiredText('input.replacesId', input.replacesId),
      input.substituteId === input.replacesId ? { field: 'input.replacesId', message: 'must differ from substituteId: nothing substitutes for itself.' } : null,
      optionalText('input.rationale', input.rationale, 2000),
    ),
  );
}

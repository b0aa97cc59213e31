import { assertValid } from '../graphql/errors.js';
import { idFormat, intInRange, oneOf, optionalText, problems, requiredText } from '../graphql/validation.js';
import { EU_POSITIONS, HORIZONS, type TechnologyInput, type TechnologyUpdate } from './technology.type.js';

export function validateTechnology(input: TechnologyInput | TechnologyUpdate, field = 'input', partial = false): void {
  assertValid(
    problems(
      'id' in input ? idFormat(`${field}.id`, input.id, 'tech') : null,
      partial && (input.name === undefined || input.name === null) ? null : requiredText(`${field}.name`, input.name, 200, 2),
      optionalText(`${field}.description`, input.description),
      intInRange(`${field}.trl`, input.trl, 1, 9),
      intInRange(`${field}.trlYear`, input.trlYear, 1950, 2100),
      oneOf(`${field}.horizon`, input.horizon, HORIZONS),
      oneOf(`${field}.euPosition`, input.euPosition, EU_POSITIONS),
    ),
  );
}

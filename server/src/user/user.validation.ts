// Input checks for users and sign-in; each problem names its field.
import { assertValid } from '../graphql/errors.js';
import { oneOf, problems, requiredText } from '../graphql/validation.js';
import { ROLES } from '../auth/roles.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export function emailProblem(field: string, value: unknown) {
  if (typeof value !== 'string' || !EMAIL.test(value.trim())) return { field, message: 'must be an email address such as name@agency.europa.eu.' };
  return null;
}

export function passwordProblem(field: string, value: unknown) {
  if (typeof value !== 'string' || value.length < PASSWORD_MIN) return { field, message: `must have at least ${PASSWORD_MIN} characters.` };
  if (value.length > PASSWORD_MAX) return { field, message: `must be at most ${PASSWORD_MAX} characters.` };
  return null;
}

export function validateNewUser(input: { email: unknown; name: unknown; role: unknown; password?: unknown }, field = 'input'): void {
  assertValid(
    problems(
      emailProblem(`${field}.email`, input.email),
      requiredText(`${field}.name`, input.name, NAME_MAX),
      oneOf(`${field}.role`, input.role, ROLES, true),
      input.password === null || input.password === undefined ? null : passwordProblem(`${field}.password`, input.password),
    ),
  );
}

export function validateLogin(email: unknown, password: unknown): void {
  assertValid(
    problems(
      emailProblem('email', email),
      typeof password !== 'string' || password.length === 0 ? { field: 'password', message: 'must not be empty.' } : null,
      typeof password === 'string' && password.length > PASSWORD_MAX ? { field: 'password', message: `must be at most ${PASSWORD_MAX} characters.` } : null,
    ),
  );
}

// Small composable checks that return problems instead of throwing, so one error can list every wrong field.
import type { FieldProblem } from './errors.js';
import { textProblem } from './unicode.js';

type Check = FieldProblem | null;

/** A name or title: one line, visible, no control or bidirectional-override characters. */
export function requiredText(field: string, value: unknown, max = 200, min = 1): Check {
  if (typeof value !== 'string' || value.trim().length < min)
    return { field, message: min > 1 ? `must have at least ${min} characters.` : 'must not be empty.' };
  if (value.length > max) return { field, message: `must be at most ${max} characters (got ${value.length}).` };
  const problem = textProblem(value, { multiline: false, name: true });
  return problem ? { field, message: problem } : null;
}

export function optionalText(field: string, value: unknown, max = 5000): Check {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return { field, message: 'must be text.' };
  if (value.length > max) return { field, message: `must be at most ${max} characters (got ${value.length}).` };
  const problem = textProblem(value, { multiline: true, name: false });
  return problem ? { field, message: problem } : null;
}

export function intInRange(field: string, value: unknown, min: number, max: number, required = false): Check {
  if (value === null || value === undefined) return required ? { field, message: 'is required.' } : null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return { field, message: `must be a whole number from ${min} to ${max}, got ${String(value)}.` };
  }
  return null;
}

export function numberInRange(field: string, value: unknown, min: number, max: number, required = false): Check {
  if (value === null || value === undefined) return required ? { field, message: 'is required.' } : null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    return { field, message: `must be a number from ${min} to ${max}, got ${String(value)}.` };
  }
  return null;
}

export function oneOf(field: string, value: unknown, allowed: readonly string[], required = false): Check {
  if (value === null || value === undefined) return required ? { field, message: 'is required.' } : null;
  if (typeof value !== 'string' || !allowed.includes(value)) return { field, message: `must be one of ${allowed.join(', ')}; got "${String(value)}".` };
  return null;
}

const ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9._-]{0,119}$/;

export function idFormat(field: string, value: unknown, prefix: string): Check {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !ID_PATTERN.test(value) || !value.startsWith(`${prefix}:`)) {
    return { field, message: `must look like "${prefix}:lowercase-words" (letters, digits, - . _), got "${String(value)}".` };
  }
  return null;
}

export function problems(...checks: Check[]): FieldProblem[] {
  return checks.filter((c): c is FieldProblem => c !== null);
}

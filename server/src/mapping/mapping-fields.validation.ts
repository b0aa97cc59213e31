// Checks values against the mapping model's field specs (mapping-model.ts). Pure: returns problems naming the field
// path (input.attributes.trl, input.properties.share), so one error can mark every wrong field of a form at once.
import type { FieldProblem } from '../graphql/errors.js';
import { LONG_TEXT_MAX, TEXT_MAX, type FieldSpec } from './mapping-model.js';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function range(spec: FieldSpec, fallbackMin: number, fallbackMax: number): [number, number] {
  return [spec.min ?? fallbackMin, spec.max ?? fallbackMax];
}

/** One value against its spec; null/undefined is fine unless required (the caller decides what "absent" means). */
export function checkField(field: string, spec: FieldSpec, value: unknown, required = spec.required): FieldProblem | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '' && spec.type !== 'TEXT_LIST')) {
    return required ? { field, message: `is required: give the ${spec.label.toLowerCase()}.` } : null;
  }
  const problem = (message: string) => ({ field, message });
  switch (spec.type) {
    case 'TEXT':
    case 'LONG_TEXT': {
      if (typeof value !== 'string') return problem('must be text.');
      const max = spec.max ?? (spec.type === 'TEXT' ? TEXT_MAX : LONG_TEXT_MAX);
      if (spec.min !== undefined && value.trim().length < spec.min) return problem(`must have at least ${spec.min} characters.`);
      if (value.length > max) return problem(`must be at most ${max} characters (got ${value.length}).`);
      return null;
    }
    case 'INT':
    case 'YEAR': {
      const [min, max] = range(spec, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
        return problem(`must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`);
      return null;
    }
    case 'FLOAT':
    case 'SHARE': {
      const [min, max] = spec.type === 'SHARE' ? [0, 1] : range(spec, -Number.MAX_VALUE, Number.MAX_VALUE);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
        return problem(`must be a number from ${min} to ${max}, got ${JSON.stringify(value)}.`);
      if (spec.aboveMin && value === min) return problem(`must be above ${min}: ${spec.aboveMin.why}`);
      return null;
    }
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : problem(`must be true or false, got ${JSON.stringify(value)}.`);
    case 'URL':
      return typeof value === 'string' && isHttpUrl(value) && value.length <= 2000
        ? null
        : problem(`must be a web address starting with http:// or https://, got ${JSON.stringify(value)}.`);
    case 'DATE':
      return typeof value === 'string' && isValidDate(value) ? null : problem(`must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
    case 'CHOICE':
      return typeof value === 'string' && (spec.choices ?? []).includes(value)
        ? null
        : problem(`must be one of ${(spec.choices ?? []).join(', ')}; got ${JSON.stringify(value)}.`);
    case 'TEXT_LIST': {
      if (!Array.isArray(value)) return problem('must be a list of texts.');
      if (spec.max !== undefined && value.length > spec.max) return problem(`may hold at most ${spec.max} entries (got ${value.length}).`);
      const bad = value.findIndex((v) => typeof v !== 'string' || v.trim() === '' || v.length > TEXT_MAX);
      if (bad >= 0) return { field: `${field}[${bad}]`, message: `must be a non-empty text of at most ${TEXT_MAX} characters.` };
      const seen = new Set<string>();
      for (const [i, v] of (value as string[]).entries()) {
        const key = v.trim().toLowerCase();
        if (seen.has(key)) return { field: `${field}[${i}]`, message: `"${v}" is listed twice; keep one.` };
        seen.add(key);
      }
      return null;
    }
    default: {
      const unknown: never = spec.type;
      throw new Error(`unknown field type ${String(unknown)}`);
    }
  }
}

/**
 * A map of values (an entity's attributes, a link's properties) against its specs. Unknown keys are refused, naming
 * the fields that exist. `partial`: an update, where an absent field stays as it is (null still clears an optional one).
 */
export function checkFields(
  path: string,
  specs: readonly FieldSpec[],
  values: Record<string, unknown> | null | undefined,
  partial: boolean,
  what: string,
): FieldProblem[] {
  const given = values ?? {};
  const problems: FieldProblem[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const key of Object.keys(given)) {
    if (!byName.has(key)) {
      const known = specs.map((s) => s.name).join(', ');
      problems.push({ field: `${path}.${key}`, message: `is not a field of ${what}; ${known ? `its fields are ${known}` : 'it has no fields of its own'}.` });
    }
  }
  for (const spec of specs) {
    if (partial && !(spec.name in given)) continue;
    const problem = checkField(`${path}.${spec.name}`, spec, given[spec.name]);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Values as stored: trimmed texts, empty texts as null (absent), every spec field present (null clears it). */
export function normaliseFields(specs: readonly FieldSpec[], values: Record<string, unknown> | null | undefined, partial: boolean): Record<string, unknown> {
  const given = values ?? {};
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (partial && !(spec.name in given)) continue;
    let value = given[spec.name] ?? null;
    if (typeof value === 'string') value = value.trim() === '' ? null : spec.type === 'LONG_TEXT' ? value : value.trim();
    if (Array.isArray(value)) value = value.map((v) => String(v).trim());
    out[spec.name] = value;
  }
  return out;
}

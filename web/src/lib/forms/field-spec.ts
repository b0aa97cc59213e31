// Forms built from the API's field specs (query mappingModel): what each input holds, how typed text becomes the
// value the API stores, the checks worth making before a round trip, and where the API's refusals belong.
// Pure: no Svelte, no fetch, so the rules are unit-tested without a browser.

import type * as Api from '../graphql/api-types';

/** What a field holds: the API's FieldType enum (generated). */
export type FieldType = Api.FieldType;

/** A form field: what the API's field specs carry (their generated shape fits), or a form of the web's own. */
export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  choices?: readonly string[] | null;
  required: boolean;
  min?: number | null;
  max?: number | null;
  help?: string | null;
}

/** What an input holds: text for everything typed, 'true' | 'false' | '' (unknown) for yes/no. */
export type FormValues = Record<string, string>;
/** Problems by form field name (a spec field, or name, aliases, sources, comment, toId…). */
export type FieldErrors = Record<string, string>;

const NUMERIC: ReadonlySet<FieldType> = new Set(['INT', 'FLOAT', 'SHARE', 'YEAR']);

export function isNumeric(type: FieldType): boolean {
  return NUMERIC.has(type);
}

/** The inputs' starting text, from stored values (numbers, booleans, lists) or empty for a new entity. */
export function formValuesFrom(fields: readonly FieldSpec[], stored: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) values[field.name] = toText(stored[field.name]);
  return values;
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A comma-separated list, trimmed, without empty or repeated entries (case-insensitive). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

/**
 * The API's values from the inputs, with the problems found on the way (required, not a number, out of range).
 * An empty input is null: "unknown", which the API stores as no value.
 */
export function readValues(fields: readonly FieldSpec[], values: FormValues): { values: Record<string, unknown>; errors: FieldErrors } {
  const out: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const text = (values[field.name] ?? '').trim();
    if (!text) {
      out[field.name] = field.type === 'TEXT_LIST' ? [] : null;
      if (field.required) errors[field.name] = `${field.label} is required.`;
      continue;
    }
    switch (field.type) {
      case 'INT':
      case 'YEAR':
      case 'FLOAT':
      case 'SHARE': {
        const n = Number(text.replace(',', '.'));
        const whole = field.type === 'INT' || field.type === 'YEAR';
        if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) {
          errors[field.name] = whole
            ? `${field.label} must be a whole number.`
            : `${field.label} must be a number${field.type === 'SHARE' ? ' between 0 and 1, e.g. 0.6' : ''}.`;
        } else if (outOfRange(field, n)) {
          errors[field.name] = `${field.label} must be between ${field.min ?? '…'} and ${field.max ?? '…'}.`;
        }
        out[field.name] = Number.isFinite(n) ? n : text;
        break;
      }
      case 'BOOLEAN':
        out[field.name] = text === 'true';
        break;
      case 'TEXT_LIST':
        out[field.name] = splitList(text);
        break;
      case 'URL':
        if (!/^https?:\/\/\S+$/i.test(text)) errors[field.name] = `${field.label} must start with http:// or https://.`;
        out[field.name] = text;
        break;
      case 'DATE':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[field.name] = `${field.label} must be a date like 2026-01-31.`;
        out[field.name] = text;
        break;
      case 'CHOICE':
        if (field.choices && !field.choices.includes(text)) errors[field.name] = `Choose one of: ${field.choices.join(', ')}.`;
        out[field.name] = text;
        break;
      case 'TEXT':
      case 'LONG_TEXT':
        if (field.max != null && text.length > field.max) errors[field.name] = `${field.label} is too long (at most ${field.max} characters).`;
        else if (field.min != null && text.length < field.min) errors[field.name] = `${field.label} needs at least ${field.min} characters.`;
        out[field.name] = text;
        break;
      default:
        throw new Error(`Unknown field type ${String((field as FieldSpec).type)}`);
    }
  }
  return { values: out, errors };
}

function outOfRange(field: FieldSpec, n: number): boolean {
  return (field.min != null && n < field.min) || (field.max != null && n > field.max);
}

/**
 * The form field an API error path names: `input.attributes.trl` → `trl`, `input.properties.share` → `share`,
 * `input.newSources.0.title` and `input.sourceIds.1` → `sources`, `input.aliases.2` → `aliases`, `input.name` → `name`.
 */
export function formFieldOf(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'input');
  const [head, next] = parts;
  if (!head) return '';
  if (head === 'attributes' || head === 'properties') return next ?? head;
  if (head === 'newSources' || head === 'sourceIds') return 'sources';
  return head;
}

/** The API's `extensions.fields` (or the single `field`) as messages by form field; several on one field are joined. */
export function errorsFromApi(extensions: Record<string, unknown>, message: string): FieldErrors {
  const listed = Array.isArray(extensions.fields) ? (extensions.fields as { field?: unknown; message?: unknown }[]) : [];
  const problems = listed.length ? listed : typeof extensions.field === 'string' ? [{ field: extensions.field, message }] : [];
  const errors: FieldErrors = {};
  for (const problem of problems) {
    if (typeof problem.field !== 'string') continue;
    const key = formFieldOf(problem.field);
    const text = typeof problem.message === 'string' ? problem.message : message;
    errors[key] = errors[key] ? `${errors[key]} ${text}` : text;
  }
  return errors;
}

/** Problems of fields the form does not show, so the form can still say them (nothing is silently dropped). */
export function unplacedErrors(errors: FieldErrors, shown: Iterable<string>): string[] {
  const known = new Set(shown);
  return Object.entries(errors)
    .filter(([field]) => !known.has(field))
    .map(([field, message]) => `${field}: ${message}`);
}

/**
 * A stored value as analysts read it in lists, history and conflicts. An empty value reads "unknown" on the map; in
 * history, where it means "not set before the change" or "gone after it", callers pass `empty: '—'`.
 */
export function displayValue(value: unknown, { empty = 'unknown' }: { empty?: string } = {}): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A readable id from a name: `Gallium nitride amplifier` → `gallium-nitride-amplifier`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

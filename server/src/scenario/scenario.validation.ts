// Checks on scenario inputs. Every problem names its field as a path (input.events[2].fraction), and all of them
// are reported at once. References to map entities are checked against the kinds each event type may target.
import type { EntityKind } from '../db/labels.js';
import { assertValid, type FieldProblem } from '../graphql/errors.js';
import { idFormat, intInRange, numberInRange, oneOf, optionalText, problems, requiredText } from '../graphql/validation.js';
import { EVENT_TARGET_KINDS, EVENT_TYPES, LATEST_HORIZON, LIMITS, type ScenarioEventSpec } from './scenario.model.js';

type Problems = FieldProblem[];

function year(field: string, value: unknown, thisYear: number, required = false): FieldProblem | null {
  const problem = intInRange(field, value, thisYear, LATEST_HORIZON, required);
  if (problem && typeof value === 'number' && Number.isInteger(value) && value < thisYear) {
    return { field, message: `must not be in the past: a year from ${thisYear} to ${LATEST_HORIZON}, got ${value}.` };
  }
  return problem;
}

function notFor(field: string, value: unknown, what: string): FieldProblem | null {
  return value === null || value === undefined ? null : { field, message: `applies to ${what} events only; leave it out.` };
}

export function eventProblems(event: ScenarioEventSpec, field: string, thisYear: number): Problems {
  const type = event.type;
  const typeProblem = oneOf(`${field}.type`, type, EVENT_TYPES, true);
  if (typeProblem) return [typeProblem];
  return problems(
    requiredText(`${field}.targetId`, event.targetId),
    type === 'DISRUPTION' ? numberInRange(`${field}.fraction`, event.fraction, 0, 1, true) : null,
    type === 'SUBSTITUTE' || type === 'THREAT' ? numberInRange(`${field}.fraction`, event.fraction, 0, 1) : null,
    type === 'MATURATION' ? notFor(`${field}.fraction`, event.fraction, 'DISRUPTION, SUBSTITUTE and THREAT') : null,
    type === 'MATURATION' ? intInRange(`${field}.trl`, event.trl, 1, 9, true) : notFor(`${field}.trl`, event.trl, 'MATURATION'),
    year(`${field}.year`, event.year, thisYear, type === 'MATURATION'),
    type === 'SUBSTITUTE' ? requiredText(`${field}.replacesId`, event.replacesId) : notFor(`${field}.replacesId`, event.replacesId, 'SUBSTITUTE'),
    type === 'SUBSTITUTE' && event.replacesId && event.replacesId === event.targetId
      ? { field: `${field}.replacesId`, message: 'must differ from targetId: nothing substitutes itself.' }
      : null,
    optionalText(`${field}.note`, event.note, 1000),
  );
}

function textList(field: string, list: unknown, max: number, maxLength: number): Problems {
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) return [{ field, message: 'must be a list of text.' }];
  if (list.length > max) return [{ field, message: `must have at most ${max} entries (got ${list.length}).` }];
  return problems(...list.map((item, i) => requiredText(`${field}[${i}]`, item, maxLength)));
}

export interface ScenarioFields {
  id?: string | null;
  name?: string | null;
  description?: string | null;
  horizon?: number | null;
  drivers?: string[] | null;
  assumptions?: string[] | null;
  events?: ScenarioEventSpec[] | null;
}

/** Problems with the scenario's own fields and its events (not their references). `partial`: an update. */
export function scenarioProblems(input: ScenarioFields, thisYear: number, options: { field?: string; partial?: boolean } = {}): Problems {
  const field = options.field ?? 'input';
  const partial = options.partial ?? false;
  const events = input.events ?? [];
  return [
    ...problems(
      'id' in input ? idFormat(`${field}.id`, input.id, 'scn') : null,
      partial && (input.name === undefined || input.name === null) ? null : requiredText(`${field}.name`, input.name, 200, 2),
      optionalText(`${field}.description`, input.description),
      partial && (input.horizon === undefined || input.horizon === null) ? null : year(`${field}.horizon`, input.horizon, thisYear, true),
      events.length > LIMITS.events ? { field: `${field}.events`, message: `must have at most ${LIMITS.events} events (got ${events.length}).` } : null,
    ),
    ...textList(`${field}.drivers`, input.drivers, LIMITS.drivers, LIMITS.driverLength),
    ...textList(`${field}.assumptions`, input.assumptions, LIMITS.assumptions, LIMITS.assumptionLength),
    ...events.flatMap((e, i) => eventProblems(e, `${field}.events[${i}]`, thisYear)),
  ];
}

export function validateScenario(input: ScenarioFields, thisYear: number, options: { field?: string; partial?: boolean } = {}): void {
  assertValid(scenarioProblems(input, thisYear, options));
}

const kindList = (kinds: readonly string[]) => (kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`);

/** Unknown ids and ids of the wrong kind among the events' targets; `kindOf` answers undefined for an unknown id. */
export function eventReferenceProblems(events: readonly ScenarioEventSpec[], kindOf: (id: string) => EntityKind | undefined, field = 'input.events'): Problems {
  const out: Problems = [];
  events.forEach((event, i) => {
    const allowed = EVENT_TARGET_KINDS[event.type];
    for (const key of ['targetId', 'replacesId'] as const) {
      const id = event[key];
      if (!id) continue;
      const kind = kindOf(id);
      const path = `${field}[${i}].${key}`;
      if (!kind) out.push({ field: path, message: `no ${kindList(allowed)} has id "${id}".` });
      else if (!allowed.includes(kind)) out.push({ field: path, message: `"${id}" is a ${kind}; a ${event.type} event needs a ${kindList(allowed)}.` });
    }
    if (event.type === 'SUBSTITUTE' && event.replacesId) {
      const a = kindOf(event.targetId);
      const b = kindOf(event.replacesId);
      if (a && b && allowed.includes(a) && allowed.includes(b) && (a === 'Technology') !== (b === 'Technology')) {
        out.push({
          field: `${field}[${i}].replacesId`,
          message:
            `a technology substitutes a technology, and a component or material a component or material ("${event.targetId}" is ` +
            `a ${a}, "${event.replacesId}" a ${b}).`,
        });
      }
    }
  });
  return out;
}

/** Trimmed, without empty or repeated entries (case-insensitive); STEEP drivers in lower case. */
export function normaliseList(list: readonly string[] | null | undefined, lowerCase: readonly string[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list ?? []) {
    let item = raw.trim().replace(/\s+/g, ' ');
    if (lowerCase.includes(item.toLowerCase())) item = item.toLowerCase();
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

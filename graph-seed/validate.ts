// Checks a whole seed before anything is written: every problem names the file, the record and the field.
import { ID_PREFIX, RELATIONSHIP_TYPES, type EntityKind } from '../server/src/db/labels.js';
import { readinessProblems } from './readiness.js';
import type { SeedData, SeedProblem, SeedRecord } from './seed-data.js';
import { LINK_FIELDS, NODE_SPECS, type FieldSpec } from './spec.js';

const ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9._-]*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function checkField(value: unknown, spec: FieldSpec): string | null {
  if (value === undefined || value === null) return spec.required ? 'is required.' : null;
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return 'must be non-empty text.';
      if (spec.max && value.length > spec.max) return `must be at most ${spec.max} characters.`;
      if (spec.oneOf && !spec.oneOf.includes(value)) return `must be one of: ${spec.oneOf.join(', ')} (got "${value}").`;
      return null;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max)
        return `must be a whole number from ${spec.min} to ${spec.max} (got ${JSON.stringify(value)}).`;
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max)
        return `must be a number from ${spec.min} to ${spec.max} (got ${JSON.stringify(value)}).`;
      if (spec.aboveMin && value === spec.min) return `must be above ${spec.min} (got ${value}); leave it out when unknown.`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `must be true or false (got ${JSON.stringify(value)}).`;
    case 'date':
      if (typeof value !== 'string' || !DATE_PATTERN.test(value) || Number.isNaN(Date.parse(value)))
        return `must be a date YYYY-MM-DD (got ${JSON.stringify(value)}).`;
      return null;
    case 'url':
      if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value)) return `must be an http(s) URL (got ${JSON.stringify(value)}).`;
      return null;
    case 'strings': {
      if (!Array.isArray(value)) return `must be a list of texts (got ${JSON.stringify(value)}).`;
      if (value.length > spec.maxItems) return `must list at most ${spec.maxItems} entries (got ${value.length}).`;
      const seen = new Set<string>();
      for (const [i, item] of value.entries()) {
        if (typeof item !== 'string' || item.trim() === '') return `entry ${i + 1} must be non-empty text.`;
        if (item.length > spec.max) return `entry ${i + 1} must be at most ${spec.max} characters.`;
        const key = item.trim().toLowerCase();
        if (seen.has(key)) return `lists "${item}" twice; remove the repeat.`;
        seen.add(key);
      }
      return null;
    }
    default: {
      const unknown: never = spec;
      throw new Error(`unknown field spec ${JSON.stringify(unknown)}`);
    }
  }
}

function recordLabel(record: SeedRecord, index: number): string {
  return typeof record?.id === 'string'
    ? `#${index + 1} (${record.id})`
    : typeof record?.from === 'string'
      ? `#${index + 1} (${record.from} → ${String(record.to)})`
      : `#${index + 1}`;
}

export function validateSeed(data: SeedData): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const kindOf = new Map<string, EntityKind>();
  const sourceIds = new Set<string>();

  // Ids first, so references can be checked whatever the file order.
  for (const group of data.nodes) {
    group.records.forEach((record, index) => {
      const id = record?.id;
      if (typeof id !== 'string') return;
      if (kindOf.has(id))
        problems.push({ file: group.file, record: recordLabel(record, index), field: 'id', message: `duplicates an id already used by a ${kindOf.get(id)}.` });
      else kindOf.set(id, group.kind);
      if (group.kind === 'Source') sourceIds.add(id);
    });
  }

  const checkSources = (record: SeedRecord, file: string, label: string) => {
    const sources = record.sources;
    if (!Array.isArray(sources) || sources.length === 0) {
      problems.push({ file, record: label, field: 'sources', message: 'must list at least one source id (every fact names where it comes from).' });
      return;
    }
    sources.forEach((sid, i) => {
      if (typeof sid !== 'string' || !sourceIds.has(sid))
        problems.push({ file, record: label, field: `sources[${i}]`, message: `"${String(sid)}" is not an id in nodes/sources.json.` });
    });
  };

  for (const group of data.nodes) {
    const spec = NODE_SPECS[group.kind]!;
    const prefix = ID_PREFIX[group.kind];
    group.records.forEach((record, index) => {
      const label = recordLabel(record, index);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        problems.push({ file: group.file, record: label, message: 'must be an object.' });
        return;
      }
      if (typeof record.id !== 'string' || !ID_PATTERN.test(record.id) || !record.id.startsWith(`${prefix}:`)) {
        problems.push({
          file: group.file,
          record: label,
          field: 'id',
          message: `must look like "${prefix}:lowercase-words" (got ${JSON.stringify(record.id)}).`,
        });
      }
      for (const [field, fieldSpec] of Object.entries(spec.fields)) {
        const message = checkField(record[field], fieldSpec);
        if (message) problems.push({ file: group.file, record: label, field, message });
      }
      for (const field of Object.keys(record)) {
        if (field !== 'id' && field !== 'sources' && !(field in spec.fields))
          problems.push({
            file: group.file,
            record: label,
            field,
            message: `is not a field of ${group.kind}; allowed: ${Object.keys(spec.fields).join(', ')}.`,
          });
      }
      if (group.kind === 'Technology') problems.push(...readinessProblems(record, group.file, label, sourceIds));
      if (group.kind !== 'Source') checkSources(record, group.file, label);
      else if ('sources' in record)
        problems.push({ file: group.file, record: label, field: 'sources', message: 'sources are the documents themselves and take no sources field.' });
    });
  }

  for (const group of data.links) {
    const ends = RELATIONSHIP_TYPES[group.type];
    const fields = LINK_FIELDS[group.type];
    const seen = new Set<string>();
    const shareSum = new Map<string, number>();
    group.records.forEach((record, index) => {
      const label = recordLabel(record, index);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        problems.push({ file: group.file, record: label, message: 'must be an object.' });
        return;
      }
      for (const [end, allowed] of [
        ['from', ends.from],
        ['to', ends.to],
      ] as const) {
        const id = record[end];
        const kind = typeof id === 'string' ? kindOf.get(id) : undefined;
        if (typeof id !== 'string') problems.push({ file: group.file, record: label, field: end, message: 'is required (an entity id).' });
        else if (!kind) problems.push({ file: group.file, record: label, field: end, message: `"${id}" is not the id of any record.` });
        else if (!(allowed as readonly string[]).includes(kind))
          problems.push({
            file: group.file,
            record: label,
            field: end,
            message: `"${id}" is a ${kind}; ${group.type} ${end === 'from' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}.`,
          });
      }
      if (record.from === record.to) problems.push({ file: group.file, record: label, field: 'to', message: 'a link cannot point to its own start.' });
      const key = `${String(record.from)}→${String(record.to)}`;
      if (seen.has(key)) problems.push({ file: group.file, record: label, message: `duplicates an earlier ${group.type} link between the same two entities.` });
      seen.add(key);
      for (const [field, fieldSpec] of Object.entries(fields)) {
        const message = checkField(record[field], fieldSpec);
        if (message) problems.push({ file: group.file, record: label, field, message });
      }
      for (const field of Object.keys(record)) {
        if (!['from', 'to', 'sources'].includes(field) && !(field in fields))
          problems.push({
            file: group.file,
            record: label,
            field,
            message: `is not a field of ${group.type}; allowed: ${['from', 'to', 'sources', ...Object.keys(fields)].join(', ')}.`,
          });
      }
      checkSources(record, group.file, label);
      if (group.type === 'SUPPLIED_BY' && typeof record.share === 'number') {
        shareSum.set(String(record.from), (shareSum.get(String(record.from)) ?? 0) + record.share);
      }
    });
    for (const [from, sum] of shareSum) {
      if (sum > 1.0001)
        problems.push({
          file: group.file,
          record: from,
          field: 'share',
          message: `the shares of ${from}'s suppliers add up to ${sum.toFixed(3)}, more than 1.`,
        });
    }
  }
  return problems;
}

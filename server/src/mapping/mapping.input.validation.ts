// Validation of the generic mapping inputs (createEntity, updateEntity, linkEntities and the specific link
// mutations) against the mapping model. Pure: returns every problem, naming its field, before anything is written.
import type { EntityKind } from '../db/labels.js';
import type { FieldProblem } from '../graphql/errors.js';
import { idFormat, optionalText, requiredText } from '../graphql/validation.js';
import { checkField, checkFields } from './mapping-fields.validation.js';
import { COMMON_FIELDS, KIND_SPEC, LINK_SPEC, NAME_MAX, NAME_MIN, type LinkType } from './mapping-model.js';

export interface NewSourceFields {
  id?: string | null;
  title: string;
  publisher: string;
  year: number;
  url: string;
  page?: string | null;
  quote?: string | null;
  accessed?: string | null;
}

export interface EntityFields {
  id?: string | null;
  name?: string | null;
  description?: string | null;
  aliases?: string[] | null;
  attributes?: Record<string, unknown> | null;
  sourceIds?: string[] | null;
  newSources?: NewSourceFields[] | null;
  comment?: string | null;
}

const ALIASES = COMMON_FIELDS.find((f) => f.name === 'aliases')!;
const COMMENT_MAX = 2000;

export function sourceAttributes(source: NewSourceFields): Record<string, unknown> {
  const { id: _id, title: _title, ...attributes } = source;
  return attributes;
}

export function newSourceProblems(sources: readonly NewSourceFields[] | null | undefined, path = 'input.newSources'): FieldProblem[] {
  const spec = KIND_SPEC.get('Source')!;
  return (sources ?? []).flatMap((source, i) => {
    const at = `${path}[${i}]`;
    return [
      idFormat(`${at}.id`, source.id, spec.idPrefix),
      requiredText(`${at}.title`, source.title, 300, NAME_MIN),
      ...checkFields(at, spec.fields, sourceAttributes(source), false, 'a source'),
    ].filter((p): p is FieldProblem => p !== null);
  });
}

function idListProblems(field: string, ids: readonly string[] | null | undefined): FieldProblem[] {
  return (ids ?? []).flatMap((id, i) => (typeof id === 'string' && id.trim() ? [] : [{ field: `${field}[${i}]`, message: 'must not be empty.' }]));
}

/** A new entity (partial = false) or changes to one (partial = true: only given fields change; null clears). */
export function entityProblems(kind: EntityKind, input: EntityFields, partial: boolean, attributesPath = 'input.attributes'): FieldProblem[] {
  const spec = KIND_SPEC.get(kind);
  if (!spec) {
    return [
      {
        field: 'input.kind',
        message: `${kind} is not mapped here: signals, annotations and scenarios have their own forms. Choose one of ${[...KIND_SPEC.keys()].join(', ')}.`,
      },
    ];
  }
  const nameGiven = !(partial && (input.name === undefined || input.name === null));
  return [
    partial ? null : idFormat('input.id', input.id, spec.idPrefix),
    nameGiven ? requiredText('input.name', input.name, NAME_MAX, NAME_MIN) : null,
    optionalText('input.description', input.description),
    checkField('input.aliases', ALIASES, input.aliases),
    ...checkFields(attributesPath, spec.fields, input.attributes, partial, `a ${spec.label.toLowerCase()}`),
    ...idListProblems('input.sourceIds', input.sourceIds),
    ...newSourceProblems(input.newSources),
    optionalText('input.comment', input.comment, COMMENT_MAX),
  ].filter((p): p is FieldProblem => p !== null);
}

export interface LinkFields {
  type: LinkType;
  fromId: string;
  toId: string;
  properties?: Record<string, unknown> | null;
  sourceIds?: string[] | null;
  newSources?: NewSourceFields[] | null;
  comment?: string | null;
}

/** Field paths of a link form: the generic one, or a specific mutation's own names (input.technologyId, input.strength). */
export interface LinkPaths {
  from: string;
  to: string;
  properties: string;
}

export const LINK_INPUT_PATHS: LinkPaths = { from: 'input.fromId', to: 'input.toId', properties: 'input.properties' };

export function linkProblems(input: LinkFields, paths: LinkPaths = LINK_INPUT_PATHS): FieldProblem[] {
  const spec = LINK_SPEC.get(input.type);
  if (!spec) return [{ field: 'input.type', message: `is not a link type analysts map; choose one of ${[...LINK_SPEC.keys()].join(', ')}.` }];
  return [
    requiredText(paths.from, input.fromId),
    requiredText(paths.to, input.toId),
    spec.noSelfLink && input.fromId === input.toId ? { field: paths.to, message: `must differ from the other end: nothing ${spec.label} itself.` } : null,
    ...checkFields(paths.properties, spec.properties, input.properties, false, `a ${spec.label} link`),
    ...idListProblems('input.sourceIds', input.sourceIds),
    ...newSourceProblems(input.newSources),
    optionalText('input.comment', input.comment, COMMENT_MAX),
  ].filter((p): p is FieldProblem => p !== null);
}

// Checks of annotation inputs, naming each wrong field (input.impact, input.tags[2]…), and their normal form.
import { assertValid, type FieldProblem } from '../graphql/errors.js';
import { intInRange, oneOf, problems, requiredText } from '../graphql/validation.js';
import { canonicalUrl } from '../signal/signal.text.js';
import {
  CONTENT_KEYS,
  HORIZON_MAX,
  RATING_MAX,
  RATING_MIN,
  REFERENCES_MAX,
  RELIABILITY_GRADES,
  TAG_MAX,
  TAGS_MAX,
  TEXT_MAX,
  type AnnotationContent,
} from './annotation.model.js';
import type { AnnotationEdit, AnnotationInput } from './annotation.type.js';

type Check = FieldProblem | null;

function listChecks(field: string, values: unknown, max: number, each: (field: string, value: string) => Check): Check[] {
  if (values === null || values === undefined) return [];
  if (!Array.isArray(values)) return [{ field, message: 'must be a list.' }];
  if (values.length > max) return [{ field, message: `must have at most ${max} entries (got ${values.length}).` }];
  return values.map((v, i) => (typeof v === 'string' ? each(`${field}[${i}]`, v) : { field: `${field}[${i}]`, message: 'must be text.' }));
}

function tagCheck(field: string, tag: string): Check {
  const t = tag.trim();
  if (t === '') return { field, message: 'must not be empty.' };
  if (t.length > TAG_MAX) return { field, message: `must be at most ${TAG_MAX} characters.` };
  return null;
}

function referenceCheck(field: string, url: string): Check {
  return canonicalUrl(url) ? null : { field, message: 'must be an absolute http(s) URL.' };
}

/** Checks of every content field that is present; `text` is required unless `partial`. */
function contentChecks(input: Partial<Record<(typeof CONTENT_KEYS)[number], unknown>>, partial: boolean, now: Date): Check[] {
  const year = now.getUTCFullYear();
  return [
    partial && (input.text === undefined || input.text === null) ? null : requiredText('input.text', input.text, TEXT_MAX),
    intInRange('input.impact', input.impact, RATING_MIN, RATING_MAX),
    intInRange('input.likelihood', input.likelihood, RATING_MIN, RATING_MAX),
    intInRange('input.horizonYear', input.horizonYear, year, HORIZON_MAX),
    oneOf('input.reliability', input.reliability, RELIABILITY_GRADES),
    intInRange('input.credibility', input.credibility, 1, 6),
    ...listChecks('input.tags', input.tags, TAGS_MAX, tagCheck),
    ...listChecks('input.references', input.references, REFERENCES_MAX, referenceCheck),
  ];
}

/** The Admiralty code rates a source and its information together: one without the other is incomplete. */
export function pairCheck(content: Pick<AnnotationContent, 'reliability' | 'credibility'>): Check {
  const hasReliability = content.reliability !== null && content.reliability !== undefined;
  const hasCredibility = content.credibility !== null && content.credibility !== undefined;
  if (hasReliability && !hasCredibility)
    return { field: 'input.credibility', message: 'is required with a source reliability (the Admiralty code rates both, e.g. B2).' };
  if (hasCredibility && !hasReliability)
    return { field: 'input.reliability', message: 'is required with an information credibility (the Admiralty code rates both, e.g. B2).' };
  return null;
}

export function normaliseTags(tags: readonly string[] | null | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** Validates a new annotation and returns its content in normal form (trimmed text, lower-case unique tags). */
export function validateAnnotation(input: AnnotationInput, now = new Date()): AnnotationContent {
  const content: AnnotationContent = {
    text: typeof input.text === 'string' ? input.text.trim() : input.text,
    impact: input.impact ?? null,
    likelihood: input.likelihood ?? null,
    horizonYear: input.horizonYear ?? null,
    reliability: input.reliability ?? null,
    credibility: input.credibility ?? null,
    tags: normaliseTags(input.tags),
    references: [...new Set((input.references ?? []).map((r) => r.trim()))],
  };
  assertValid(problems(requiredText('input.targetId', input.targetId, 200), ...contentChecks(input, false, now), pairCheck(content)));
  return content;
}

/** Validates an edit; returns a function making the next content from the current one (null clears, absent keeps). */
export function validateAnnotationEdit(edit: AnnotationEdit, now = new Date()): (current: AnnotationContent) => AnnotationContent {
  assertValid(problems(...contentChecks(edit, true, now)));
  return (current) => {
    const next: AnnotationContent = { ...current };
    if (typeof edit.text === 'string') next.text = edit.text.trim();
    for (const key of ['impact', 'likelihood', 'horizonYear', 'credibility'] as const) if (edit[key] !== undefined) next[key] = edit[key] ?? null;
    if (edit.reliability !== undefined) next.reliability = edit.reliability ?? null;
    if (edit.tags !== undefined) next.tags = normaliseTags(edit.tags);
    if (edit.references !== undefined) next.references = [...new Set((edit.references ?? []).map((r) => r.trim()))];
    assertValid(problems(pairCheck(next)));
    return next;
  };
}

export function sameContent(a: AnnotationContent, b: AnnotationContent): boolean {
  return CONTENT_KEYS.every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}

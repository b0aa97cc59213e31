// The ids entities get: the kind's prefix and a slug of the name, readable in URLs, logs and seed files.
import { ID_PREFIX, type EntityKind } from '../db/labels.js';

/** A readable, unique-enough id from a name, e.g. "Facial recognition" → "tech:facial-recognition". */
export function idFromName(kind: EntityKind, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${ID_PREFIX[kind]}:${slug || 'unnamed'}`;
}

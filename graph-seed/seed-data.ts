// The seed as data: read from graph-seed/data/ or made by a generator (benchmarks), then validated and written.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { isEntityKind, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../server/src/db/labels.js';
import { NODE_SPECS } from './spec.js';

export interface SeedRecord {
  [field: string]: unknown;
}

export interface SeedData {
  /** Records per kind, each with the file it came from (for error messages). */
  nodes: { kind: EntityKind; file: string; records: SeedRecord[] }[];
  links: { type: RelationshipType; file: string; records: SeedRecord[] }[];
}

export interface SeedProblem {
  file: string;
  record?: string;
  field?: string;
  message: string;
}

export class SeedError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `The seed has ${problems.length} problem(s); nothing was ` +
        `written:\n${problems.slice(0, 50).map(formatProblem).join('\n')}${problems.length > 50 ? `\n… and ${problems.length - 50} more` : ''}`,
    );
  }
}

export function formatProblem(p: SeedProblem): string {
  return `  ${p.file}${p.record ? ` record ${p.record}` : ''}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`;
}

function readJsonArray(path: string, file: string, problems: SeedProblem[]): SeedRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ file, message: `is not valid JSON: ${(error as Error).message}` });
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.push({ file, message: 'must be a JSON array of records.' });
    return [];
  }
  return parsed as SeedRecord[];
}

/** Reads every seed file; unknown files are problems too, so a misnamed file is never silently skipped. */
export function readSeedDir(dir: string): SeedData {
  const problems: SeedProblem[] = [];
  const data: SeedData = { nodes: [], links: [] };
  const fileToKind = new Map(Object.entries(NODE_SPECS).map(([kind, spec]) => [spec!.file, kind as EntityKind]));
  const nodeDir = `${dir}/nodes`;
  const linkDir = `${dir}/links`;
  for (const file of existsSync(nodeDir) ? readdirSync(nodeDir).sort() : []) {
    const kind = fileToKind.get(file);
    const label = `nodes/${file}`;
    if (!kind || !isEntityKind(kind)) {
      problems.push({ file: label, message: `is not a known node file; expected one of ${[...fileToKind.keys()].join(', ')}.` });
      continue;
    }
    data.nodes.push({ kind, file: label, records: readJsonArray(`${nodeDir}/${file}`, label, problems) });
  }
  for (const file of existsSync(linkDir) ? readdirSync(linkDir).sort() : []) {
    const type = file.replace(/\.json$/, '');
    const label = `links/${file}`;
    if (!(type in RELATIONSHIP_TYPES)) {
      problems.push({ file: label, message: `is not a known link file; expected <TYPE>.json with TYPE one of ${Object.keys(RELATIONSHIP_TYPES).join(', ')}.` });
      continue;
    }
    data.links.push({ type: type as RelationshipType, file: label, records: readJsonArray(`${linkDir}/${file}`, label, problems) });
  }
  if (problems.length) throw new SeedError(problems);
  return data;
}

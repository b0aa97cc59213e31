// Reading an import file from the server's disk, only from inside the allowed import folders.
// (Fetching a feed by URL is not offered: the machines this runs on have no general Internet access.)
import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, isAbsolute, resolve, sep } from 'node:path';
import { repoRoot } from '../config.js';
import { badInput } from '../graphql/errors.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['.xml', '.rss', '.atom', '.csv', '.txt'];

/**
 * The folders server-side imports may read: ATLAS_IMPORT_DIR (several separated by the platform's path delimiter),
 * else `imports/` at the repository root. Read at each import, so tests and operators can point it elsewhere.
 */
export function importFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.ATLAS_IMPORT_DIR?.split(delimiter).map((d) => d.trim()).filter(Boolean);
  return configured?.length ? configured.map((d) => resolve(d)) : [resolve(repoRoot, 'imports')];
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * Resolves a path (absolute, or relative to the first allowed folder) and checks it stays inside an allowed folder after
 * symlinks. Messages never name the server's folders: a caller learns nothing about the disk beyond its own input.
 */
export function resolveImportPath(path: string, folders: string[] = importFolders(), field = 'input.path'): string {
  const allowed = folders.map(realOrNull).filter((f): f is string => f !== null);
  if (allowed.length === 0) throw badInput({ field, message: 'no import folder exists on the server (an administrator sets ATLAS_IMPORT_DIR or creates imports/ in the application folder); upload the file instead.' });
  const candidate = isAbsolute(path) ? path : resolve(allowed[0]!, path);
  const real = realOrNull(candidate);
  if (!real) throw badInput({ field, message: `no file "${path}" in the import folder.` });
  if (!allowed.some((folder) => real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep))) {
    throw badInput({ field, message: 'must be inside the import folder; give the file name or a path relative to that folder.' });
  }
  const stat = statSync(real);
  if (!stat.isFile()) throw badInput({ field, message: `"${path}" is not a file.` });
  if (stat.size > MAX_IMPORT_BYTES) throw badInput({ field, message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` });
  if (!EXTENSIONS.some((ext) => real.toLowerCase().endsWith(ext))) {
    throw badInput({ field, message: `must be a feed or CSV file (${EXTENSIONS.join(', ')}).` });
  }
  return real;
}

export async function readImportFile(path: string, field = 'input.path'): Promise<string> {
  const real = resolveImportPath(path, importFolders(), field);
  return readFile(real, 'utf8');
}

// Reading an import file from the server's disk, only from inside the allowed import folders.
// (Fetching a feed by URL is not offered: the machines this runs on have no general Internet access.)
import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { readImportFolders } from '../config.js';
import { badInput } from '../graphql/errors.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['.xml', '.rss', '.atom', '.csv', '.txt'];

/** The folders server-side imports may read (ATLAS_IMPORT_DIR, see config.ts), read at each import. */
export function importFolders(env?: NodeJS.ProcessEnv): string[] {
  return readImportFolders(env);
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * Resolves a file name (relative to the first import folder, or absolute) and checks it stays inside an allowed folder after symlinks.
 * Errors never name a server folder, and a file that is missing, outside the folders or not a regular file gets one
 * and the same message, so the answer does not tell whether some path exists on the server.
 */
export function resolveImportPath(path: string, folders: string[] = importFolders(), field = 'input.path'): string {
  const allowed = folders.map(realOrNull).filter((f): f is string => f !== null);
  if (allowed.length === 0)
    throw badInput({ field, message: 'imports from the server are not set up here (the operator sets ATLAS_IMPORT_DIR); upload the file instead.' });
  const shown = JSON.stringify(path.length > 80 ? `${path.slice(0, 80)}…` : path);
  const missing = () =>
    badInput({
      field,
      message: `no importable file ${shown} in the import folder; give the name of a file inside it (for example "feed.xml"), or upload the file.`,
    });
  if (path.split(/[\\/]/).includes('..') || path.includes('\u0000')) throw missing();
  const real = realOrNull(isAbsolute(path) ? path : resolve(allowed[0]!, path));
  if (!real || !allowed.some((folder) => real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep))) throw missing();
  const stat = statSync(real);
  if (!stat.isFile()) throw missing();
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

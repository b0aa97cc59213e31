// The runtime preload, in a real child process run as `npm start` runs the server (node --import tsx --import runtime.ts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

// isSchema on a look-alike: graphql's development-mode instanceOf throws "from another module or realm"; production returns false.
const PROBE = `
import { isSchema } from 'graphql';
let production;
try { production = isSchema({ [Symbol.toStringTag]: 'GraphQLSchema' }) === false; } catch { production = false; }
console.log(JSON.stringify({ production, nodeEnv: process.env.NODE_ENV ?? null, sourceMaps: process.sourceMapsEnabled }));`;

function probe(preload: boolean, env: Record<string, string | undefined> = {}) {
  const args = ['--import', 'tsx', ...(preload ? ['--import', './server/src/graphql/runtime.ts'] : []), '--input-type=module', '-e', PROBE];
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const out = execFileSync(process.execPath, args, { cwd: root, env: childEnv, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { production: boolean; nodeEnv: string | null; sourceMaps: boolean };
}

// Each case starts a Node process with tsx: seconds on a busy machine, hence the per-test limit.
describe('server runtime preload', { timeout: 60_000 }, () => {
  it('loads graphql in production mode, leaves NODE_ENV unset and turns source maps off', () => {
    expect(probe(true, { NODE_ENV: undefined, ATLAS_SOURCE_MAPS: undefined })).toEqual({ production: true, nodeEnv: null, sourceMaps: false });
  });

  it('restores a NODE_ENV the user set, and keeps source maps with ATLAS_SOURCE_MAPS=true', () => {
    expect(probe(true, { NODE_ENV: 'development', ATLAS_SOURCE_MAPS: 'true' })).toEqual({ production: true, nodeEnv: 'development', sourceMaps: true });
  });

  it('without it, graphql runs its development checks under tsx with source maps on', () => {
    expect(probe(false, { NODE_ENV: undefined })).toEqual({ production: false, nodeEnv: null, sourceMaps: true });
  });
});

// Runs before `npm start` / `npm test`: installs dependencies on a fresh clone (or after the lock file changed),
// so the README's two commands are all a new user needs.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = `${root}package-lock.json`;
const marker = `${root}node_modules/.package-lock.json`;

const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  console.log('[atlas] Installing dependencies (npm install)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[atlas] npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}
// npm 11 can hold back install scripts; esbuild (used by tsx and vite) must have its binary.
if (!existsSync(`${root}node_modules/esbuild/bin/esbuild`) && !existsSync(`${root}node_modules/@esbuild`)) {
  console.error('[atlas] esbuild did not install; run `npm install-scripts approve esbuild` and retry.');
  process.exit(1);
}

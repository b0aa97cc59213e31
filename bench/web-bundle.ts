// What a benchmark run reports besides its timings: the versions of the packages measured, and the web bundle as built
// (every chunk's raw and gzip size, and which ones the first page load fetches).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function pkgVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(`${repoRoot}node_modules/${name}/package.json`, 'utf8')).version;
  } catch {
    return '?';
  }
}

/** The scripts web/dist/index.html loads at first, with every chunk they import statically (not import()). */
function initialScripts(dist: string): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file) || !existsSync(`${dist}/assets/${file}`)) return;
    found.add(file);
    for (const m of readFileSync(`${dist}/assets/${file}`, 'utf8').matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(m[1]!);
  };
  for (const m of readFileSync(`${dist}/index.html`, 'utf8').matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/assets\/([^"]+\.js)"/g)) visit(m[1]!);
  return [...found];
}

export interface WebBundle {
  files: { name: string; raw: number; gzip: number }[];
  initial?: string[];
  error?: string;
}

export function webBundle(): WebBundle {
  try {
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 180_000,
    });
  } catch (error) {
    return { files: [], error: `vite build failed: ${(error as Error).message.slice(0, 300)}` };
  }
  const dir = `${repoRoot}web/dist/assets`;
  if (!existsSync(dir)) return { files: [], error: 'web/dist/assets not found after the build' };
  return {
    initial: initialScripts(`${repoRoot}web/dist`),
    files: readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => {
        const buf = readFileSync(`${dir}/${f}`);
        return { name: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
      })
      .sort((a, b) => b.gzip - a.gzip),
  };
}

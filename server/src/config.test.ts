import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('readConfig: anonymous reads', () => {
  it('are open on loopback (the default), closed on any other address, and ATLAS_PUBLIC_READ overrides', () => {
    expect(readConfig({}).publicRead).toBe(true);
    expect(readConfig({ HOST: '0.0.0.0' }).publicRead).toBe(false);
    expect(readConfig({ HOST: '0.0.0.0', ATLAS_PUBLIC_READ: 'true' }).publicRead).toBe(true);
    expect(readConfig({ ATLAS_PUBLIC_READ: 'false' }).publicRead).toBe(false);
    expect(() => readConfig({ ATLAS_PUBLIC_READ: 'yes' })).toThrow(/ATLAS_PUBLIC_READ must be true or false/);
  });
});

describe('readConfig: production mode', () => {
  it('NODE_ENV=production masks errors and closes introspection unless ATLAS_INTROSPECTION=true', () => {
    expect(readConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: false });
    expect(readConfig({ NODE_ENV: 'production', ATLAS_INTROSPECTION: 'true' })).toMatchObject({ production: true, introspection: true });
    expect(readConfig({})).toMatchObject({ production: false, introspection: true });
  });
});

describe('runtime settings read here, not where they are used', () => {
  it('says why anonymous reads are open, reads the log level and the source-map switch', async () => {
    const { readLogLevel, readSourceMaps } = await import('./config.js');
    expect(readConfig({}).publicReadBecause).toBe('loopback only');
    expect(readConfig({ ATLAS_PUBLIC_READ: 'true' }).publicReadBecause).toBe('ATLAS_PUBLIC_READ');
    expect(readLogLevel({ ATLAS_LOG_LEVEL: 'debug' })).toBe('debug');
    expect(readLogLevel({ VITEST: 'true' })).toBe('silent');
    expect(readLogLevel({})).toBe('info');
    expect(readSourceMaps({ ATLAS_SOURCE_MAPS: 'TRUE' })).toBe(true);
    expect(readSourceMaps({})).toBe(false);
  });
});

describe('settings other modules used to read from the environment themselves', () => {
  it('import folders: ATLAS_IMPORT_DIR split on the path delimiter and resolved, else imports/ at the repository root', async () => {
    const { delimiter, resolve } = await import('node:path');
    const { readImportFolders, repoRoot } = await import('./config.js');
    expect(readImportFolders({})).toEqual([resolve(repoRoot, 'imports')]);
    expect(readImportFolders({ ATLAS_IMPORT_DIR: ` /srv/feeds ${delimiter}${delimiter}/tmp/x ` })).toEqual(['/srv/feeds', '/tmp/x']);
    expect(readImportFolders({ ATLAS_IMPORT_DIR: ' ' })).toEqual([resolve(repoRoot, 'imports')]);
  });

  it('first administrator: ATLAS_ADMIN_EMAIL, trimmed, else admin@atlas.local', async () => {
    const { readFirstAdminEmail } = await import('./config.js');
    expect(readFirstAdminEmail({})).toBe('admin@atlas.local');
    expect(readFirstAdminEmail({ ATLAS_ADMIN_EMAIL: ' chief@example.org ' })).toBe('chief@example.org');
  });

  it('Neo4j version: NEO4J_VERSION if it is plain dotted numbers, else the pinned default; anything else is refused', async () => {
    const { DEFAULT_NEO4J_VERSION, readNeo4jVersion } = await import('./config.js');
    expect(readNeo4jVersion({})).toBe(DEFAULT_NEO4J_VERSION);
    expect(readNeo4jVersion({ NEO4J_VERSION: ' 5.26.1 ' })).toBe('5.26.1');
    expect(() => readNeo4jVersion({ NEO4J_VERSION: '5.26/../x' })).toThrow(/NEO4J_VERSION must look like 5\.26\.31, got "5\.26\/\.\.\/x"/);
  });

  it('tooling: the Chromium path (default /usr/bin/chromium) and the benchmark console echo', async () => {
    const { readBenchConsole, readChromiumPath } = await import('./config.js');
    expect(readChromiumPath({})).toBe('/usr/bin/chromium');
    expect(readChromiumPath({ ATLAS_CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(readBenchConsole({})).toBe(false);
    expect(readBenchConsole({ BENCH_CONSOLE: '1' })).toBe(true);
  });
});

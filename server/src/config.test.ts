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

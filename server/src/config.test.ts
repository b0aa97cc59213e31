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

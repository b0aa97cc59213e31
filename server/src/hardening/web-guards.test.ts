import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { allowedHostsFor, hostAllowed } from './web-guards.js';

describe('Host allowlist', () => {
  it('defaults to the loopback names with the listening port when listening on loopback', () => {
    const allowed = allowedHostsFor(null, '127.0.0.1', 4000)!;
    expect(allowed).toEqual(['localhost:4000', '127.0.0.1:4000', '[::1]:4000']);
    expect(hostAllowed('localhost:4000', allowed)).toBe(true);
    expect(hostAllowed('[::1]:4000', allowed)).toBe(true);
    expect(hostAllowed('LOCALHOST:4000', allowed)).toBe(true);
    expect(hostAllowed('localhost:5173', allowed)).toBe(false);
    expect(hostAllowed('rebind.attacker.example:4000', allowed)).toBe(false);
    expect(hostAllowed('rebind.attacker.example', allowed)).toBe(false);
    expect(hostAllowed(undefined, allowed)).toBe(false);
  });

  it('does not check when listening on another address unless names are configured', () => {
    expect(allowedHostsFor(null, '0.0.0.0', 4000)).toBeNull();
    const allowed = allowedHostsFor(['Atlas.example.org', 'intranet:8080'], '0.0.0.0', 4000)!;
    expect(hostAllowed('atlas.example.org', allowed)).toBe(true);
    expect(hostAllowed('atlas.example.org:443', allowed)).toBe(true); // a bare name allows any port
    expect(hostAllowed('intranet:8080', allowed)).toBe(true);
    expect(hostAllowed('intranet:9090', allowed)).toBe(false);
  });

  it('reads ATLAS_ALLOWED_HOSTS through the config, refusing what is not a host name', () => {
    expect(readConfig({ ATLAS_ALLOWED_HOSTS: ' atlas.example.org, 10.0.0.5:4000 ' }).allowedHosts).toEqual(['atlas.example.org', '10.0.0.5:4000']);
    expect(readConfig({}).allowedHosts).toBeNull();
    expect(() => readConfig({ ATLAS_ALLOWED_HOSTS: 'http://atlas.example.org/' })).toThrow(/ATLAS_ALLOWED_HOSTS must list host names/);
  });
});

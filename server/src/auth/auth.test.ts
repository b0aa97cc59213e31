import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie } from './cookies.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { LoginLimiter } from './sign-in-limiter.js';
import { hasRole } from './roles.js';
import { secretHash } from './secrets.js';

describe('passwords', () => {
  it('hashes with a per-user salt and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b); // different salts
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text-is-never-accepted')).toBe(false);
  });

  it('generates 20 characters from an unambiguous alphabet', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});

describe('cookies', () => {
  it('reads one cookie among several and writes the session cookie with its attributes', () => {
    expect(readCookie('a=1; atlas_session=abc%2Fd; b=2', 'atlas_session')).toBe('abc/d');
    expect(readCookie('a=1', 'atlas_session')).toBeUndefined();
    expect(readCookie(undefined, 'atlas_session')).toBeUndefined();
    expect(sessionCookie('xyz', { maxAgeSeconds: 3600, secure: false })).toBe('atlas_session=xyz; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600');
    expect(sessionCookie('xyz', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
  });
});

describe('the sign-in limiter', () => {
  it('blocks an email + address after 5 failures within the window, and forgets after it', () => {
    let now = 0;
    const limiter = new LoginLimiter(5, 1000, () => now);
    for (let i = 0; i < 4; i++) limiter.fail('Ana@x.eu', '1.1.1.1');
    expect(limiter.retryAfter('ana@x.eu', '1.1.1.1')).toBe(0);
    limiter.fail('ana@x.eu', '1.1.1.1');
    now = 400;
    expect(limiter.retryAfter('ana@x.eu', '1.1.1.1')).toBe(600);
    expect(limiter.retryAfter('ana@x.eu', '2.2.2.2')).toBe(0);
    expect(limiter.retryAfter('ben@x.eu', '1.1.1.1')).toBe(0);
    now = 1000;
    expect(limiter.retryAfter('ana@x.eu', '1.1.1.1')).toBe(0);
  });

  it('clears the count on success', () => {
    const limiter = new LoginLimiter(2, 1000, () => 0);
    limiter.fail('a@x.eu', 'ip');
    limiter.succeed('a@x.eu', 'ip');
    limiter.fail('a@x.eu', 'ip');
    expect(limiter.retryAfter('a@x.eu', 'ip')).toBe(0);
  });
});

describe('roles and secrets', () => {
  it('orders roles admin ⊃ analyst ⊃ viewer', () => {
    expect(hasRole('admin', 'analyst')).toBe(true);
    expect(hasRole('analyst', 'analyst')).toBe(true);
    expect(hasRole('viewer', 'analyst')).toBe(false);
    expect(hasRole('analyst', 'admin')).toBe(false);
  });

  it('stores a secret as its SHA-256', () => {
    expect(secretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

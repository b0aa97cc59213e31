import { describe, expect, it } from 'vitest';
import { checkClientKey, IDEMPOTENT_MUTATIONS } from './idempotency.js';

describe('checkClientKey', () => {
  it('accepts 1 to 200 visible ASCII characters', () => {
    for (const key of ['a', 'b7c1e7a2-3f4d-4c7e-9a0b-1c2d3e4f5a6b', '~'.repeat(200)]) expect(() => checkClientKey(key)).not.toThrow();
  });
  it('refuses spaces, control characters, non-ASCII, empty and over-long keys with a 400 naming the header', () => {
    for (const key of ['has a space', '', 'tab\there', 'clé', 'x'.repeat(201)]) {
      let error: any;
      try {
        checkClientKey(key);
      } catch (e) {
        error = e;
      }
      expect(error?.extensions, key).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', http: { status: 400 } });
      expect(error.message).toMatch(/Idempotency-Key.*visible ASCII/);
    }
  });
  it('names the creating mutations', () => {
    expect(IDEMPOTENT_MUTATIONS.has('createTechnology')).toBe(true);
    expect(IDEMPOTENT_MUTATIONS.has('logout')).toBe(false);
  });
});

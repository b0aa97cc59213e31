import { describe, expect, it } from 'vitest';
import { parse, print } from 'graphql';
import { normaliseMutationText, textProblem } from './unicode.js';

describe('textProblem', () => {
  const name = { multiline: false, name: true };
  const text = { multiline: true, name: false };
  it('accepts ordinary names in any script, and line breaks in long text only', () => {
    for (const ok of ['Gallium nitride', 'Détection 3D', 'الطائرات', '無人機', 'A\u200Db']) expect(textProblem(ok, name)).toBeNull();
    expect(textProblem('first line\nsecond\ttabbed', text)).toBeNull();
    expect(textProblem('first line\nsecond', name)).toMatch(/control characters/);
  });
  it('refuses NUL, controls, bidirectional overrides and isolates, and invisible-only names', () => {
    expect(textProblem('a\u0000b', text)).toMatch(/NUL/);
    expect(textProblem('bell\u0007', text)).toMatch(/control/);
    expect(textProblem('\u0085next', text)).toMatch(/control/);
    expect(textProblem('Invoice \u202Egpj.exe', name)).toMatch(/bidirectional/);
    expect(textProblem('x\u2067y', text)).toMatch(/bidirectional/);
    for (const invisible of ['\u200B', '\u200B \u2060', '\u3164', '\uFEFF', '\u2800']) expect(textProblem(invisible, name)).toMatch(/visible/);
  });
});

describe('normaliseMutationText', () => {
  it('NFC-normalises variables and literals, but never a password or the variable passed to one', () => {
    const document = parse(
      'mutation($i: TechnologyInput!, $p: String!) { createTechnology(input: $i) { id } login(email: "e\u0301@x.eu", ' +
        'password: $p) { expiresAt } changePassword(password: "e\u0301") }',
    );
    const variables: Record<string, unknown> = { i: { name: 'Cafe\u0301', tags: ['e\u0301'] }, p: 'pa\u0301ss' };
    const out = print(normaliseMutationText(document, variables));
    expect(variables).toEqual({ i: { name: 'Caf\u00e9', tags: ['\u00e9'] }, p: 'pa\u0301ss' });
    expect(out).toContain('"\u00e9@x.eu"');
    expect(out).toContain('password: "e\u0301"');
  });
});

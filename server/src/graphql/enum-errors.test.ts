import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { enumRefusal } from './enum-errors.js';

const schema = buildSchema(`
  enum Steep { SOCIAL POLITICAL }
  input SignalInput { title: String, steep: Steep }
  type Query { signals(status: Steep, input: SignalInput): String }
`);
const allowed = (name: string) => (name === 'Steep' ? ['SOCIAL', 'POLITICAL'] : undefined);

async function refusal(source: string, variableValues?: Record<string, unknown>) {
  const { errors } = await graphql({ schema, source, variableValues });
  expect(errors).toHaveLength(1);
  return enumRefusal(errors![0], allowed);
}

describe('enum refusals', () => {
  it('name the argument or input field of a literal, quoted or not, with the allowed values', async () => {
    expect(await refusal('{ signals(input: { title: "x", steep: "military" }) }')).toEqual({
      enumName: 'Steep',
      field: 'input.steep',
      message: 'must be one of SOCIAL, POLITICAL; got "military".',
    });
    expect(await refusal('{ signals(status: military) }')).toMatchObject({ field: 'status', message: 'must be one of SOCIAL, POLITICAL; got military.' });
  });

  it('name the variable path of a variable value, also for a value that is not a string', async () => {
    expect(await refusal('query($i: SignalInput) { signals(input: $i) }', { i: { steep: 'social' } })).toMatchObject({
      field: 'i.steep',
      message: 'must be one of SOCIAL, POLITICAL; got "social".',
    });
    expect(await refusal('query($s: Steep) { signals(status: $s) }', { s: 5 })).toMatchObject({
      field: 's',
      message: 'must be one of SOCIAL, POLITICAL; got 5.',
    });
  });

  it('leave other errors and other enums alone', async () => {
    expect(await refusal('{ signals(input: { title: 5 }) }')).toBeNull();
    expect(enumRefusal(new Error('Value "x" does not exist in "Steep" enum.'), allowed)).toBeNull();
  });
});

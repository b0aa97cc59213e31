import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { printedSchema } from '../server/src/graphql/schema.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printedSchema());
  });
});

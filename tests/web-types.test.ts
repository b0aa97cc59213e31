import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { generateWebRules, generateWebTypes, OUTPUT, root, RULES_OUTPUT } from '../scripts/web-types.js';

/** The web's own source files (not the generated one), with their text. */
function webSources(): { file: string; text: string }[] {
  return (readdirSync(join(root, 'web/src'), { recursive: true }) as string[])
    .filter((f) => /\.(ts|svelte)$/.test(f))
    .map((f) => join('web/src', f))
    .filter((f) => f !== OUTPUT)
    .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}

describe('web API types', () => {
  it('match what schema.graphql and the operations generate (run `npm run codegen` after changing either)', async () => {
    const committed = readFileSync(join(root, OUTPUT), 'utf8');
    expect(committed).toBe(await generateWebTypes());
    // Codegen over the whole schema and every operation: ~2 s alone, far more while the integration project runs.
  }, 60_000);

  it('come with the API rules the web reads at run time, generated from the schema and the server table', async () => {
    expect(readFileSync(join(root, RULES_OUTPUT), 'utf8')).toBe(await generateWebRules());
  }, 60_000);

  it('are what every request is typed with: gql<Api.…> names the generated result type, never a hand-written one', () => {
    const handTyped = webSources().flatMap(({ file, text }) =>
      [...text.matchAll(/\bgql<(?!Api\.)([^>(]*)/g)].filter((m) => !text.slice(0, m.index).endsWith('function ')).map((m) => `${file}: gql<${m[1]}`),
    );
    expect(handTyped).toEqual([]);
  });

  it('are the only place a schema enum is spelled out as a union of its values (alias Api.<Enum> instead)', () => {
    const enums = parse(readFileSync(join(root, 'schema.graphql'), 'utf8'))
      .definitions.filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION)
      .map((d) => ({ name: d.name.value, values: new Set((d.values ?? []).map((v) => v.name.value)) }));
    const restated = webSources().flatMap(({ file, text }) =>
      [...text.matchAll(/'[^'\n]+'(?:\s*\|\s*'[^'\n]+')+/g)].flatMap((m) => {
        const values = m[0].split('|').map((v) => v.trim().slice(1, -1));
        const same = enums.find((e) => values.every((v) => e.values.has(v)));
        return same ? [`${file}: ${m[0]} restates ${same.name}`] : [];
      }),
    );
    expect(restated).toEqual([]);
  });
});

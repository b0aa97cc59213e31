// The web app's GraphQL documents must stay valid against the API contract (/schema.graphql). Every exported
// string of every web/src/**/*.operations.ts is parsed and validated; a failure names the file, the export, the
// operation and the schema's complaint, so whichever side drifted knows what to fix.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, Kind, parse, validate, type EnumTypeDefinitionNode } from 'graphql';
import { ENTITY_KINDS } from '../web/src/lib/graphql/types';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaText = readFileSync(join(root, 'schema.graphql'), 'utf8');
const schema = buildSchema(schemaText);

const operationFiles = (readdirSync(join(root, 'web/src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.operations.ts'))
  .map((f) => join(root, 'web/src', f))
  .sort();

describe('web GraphQL operations', () => {
  it('finds the operation files', () => {
    expect(operationFiles.map((f) => relative(root, f))).toContain('web/src/views/Explorer/explorer.operations.ts');
  });

  for (const file of operationFiles) {
    const name = relative(root, file);
    it(`${name}: every exported document is valid against schema.graphql`, async () => {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const documents = Object.entries(module).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
      expect(documents.length, `${name} exports no GraphQL document`).toBeGreaterThan(0);

      const problems: string[] = [];
      for (const [exportName, text] of documents) {
        let document;
        try {
          document = parse(text);
        } catch (error) {
          problems.push(`${exportName}: does not parse: ${(error as Error).message}`);
          continue;
        }
        const operations = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
        if (operations.length !== 1) problems.push(`${exportName}: holds ${operations.length} operations; export exactly one per document`);
        const label = `${exportName} (${operations.map((o) => o.name?.value ?? 'anonymous').join(', ')})`;
        if (operations.some((o) => !o.name)) problems.push(`${label}: name every operation, for the server's logs`);
        for (const error of validate(schema, document)) problems.push(`${label}: ${error.message}`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  it('operation names are unique across the web app', async () => {
    const names: string[] = [];
    for (const file of operationFiles) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const text of Object.values(module)) {
        if (typeof text !== 'string') continue;
        for (const d of parse(text).definitions) if (d.kind === Kind.OPERATION_DEFINITION && d.name) names.push(d.name.value);
      }
    }
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('the web knows exactly the entity kinds of the schema', () => {
    const kindEnum = parse(schemaText).definitions.find(
      (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'EntityKind',
    );
    const schemaKinds = (kindEnum?.values ?? []).map((v) => v.name.value).sort();
    expect([...ENTITY_KINDS].sort()).toEqual(schemaKinds);
  });
});

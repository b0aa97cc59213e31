import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSchema, Kind, parse, validate, specifiedRules, type OperationDefinitionNode } from 'graphql';
import { armorProtection } from './armor.js';
import { checkCost, operationCost } from './cost.js';
import { DEFAULT_LIMITS } from './limits.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));

function cost(text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(schema, document, operation, variables, DEFAULT_LIMITS);
}

describe('operationCost', () => {
  // technologies(first: n) { id enables { capability { id enabledBy { technology { id } } } } }:
  // enabledBy (list, 10) × technology{id} (1+1) = 1 + 10·2 = 21; capability = 1 + (1 + 21) = 23;
  // enables (list, 10) = 1 + 10·23 = 231; a technology = 1 + 231 = 232; technologies = 1 + n·232.
  const nested = 'technologies(first: $n) { id enables { capability { id enabledBy { technology { id } } } } }';

  it('prices a list by the value its variable carries, like the same literal', () => {
    expect(cost(`query($n: Int!) { ${nested} }`, { n: 500 })).toBe(1 + 500 * 232);
    expect(cost(`{ ${nested.replace('$n', '500')} }`)).toBe(1 + 500 * 232);
    expect(cost(`query($n: Int!) { ${nested} }`, { n: 5 })).toBe(1 + 5 * 232);
  });

  it('uses the variable default, then the schema default (technologies: 50) when nothing is sent', () => {
    expect(cost(`query($n: Int! = 3) { ${nested} }`)).toBe(1 + 3 * 232);
    expect(cost('{ technologies { id } }')).toBe(1 + 50 * 1);
  });

  it('prices a fragment bomb as its full expansion, in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Query { __typename }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const began = performance.now();
    expect(cost(`query { ...F0 } ${fragments.join(' ')}`)).toBe(2 ** (levels - 1));
    expect(performance.now() - began).toBeLessThan(1000);
  });

  it('checkCost refuses above maxCost with a 400 naming the limit', () => {
    const document = parse(`query($n: Int!) { ${nested} }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(() => checkCost(schema, document, operation, { n: 500 }, DEFAULT_LIMITS)).toThrow(/estimated cost is 116001; at most 50000/);
    expect(() => checkCost(schema, document, operation, { n: 5 }, DEFAULT_LIMITS)).not.toThrow();
  });

  it('checkCost refuses an operation type the schema lacks (subscriptions) as a 400, not an execution failure', () => {
    const document = parse('subscription { x }');
    expect(() => checkCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, DEFAULT_LIMITS)).toThrow(/no subscription operations/);
  });
});

describe('the web app stays within every document limit', () => {
  const files = (readdirSync(join(root, 'web/src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.operations.ts'));
  const armor = armorProtection(DEFAULT_LIMITS, { hideSuggestions: false });

  it('each operation: tokens, depth, aliases, directives and cost with its variables at their defaults', async () => {
    const problems: string[] = [];
    for (const file of files) {
      const module = (await import(pathToFileURL(join(root, 'web/src', file)).href)) as Record<string, unknown>;
      for (const [name, text] of Object.entries(module)) {
        if (typeof text !== 'string') continue;
        const document = parse(text, { maxTokens: DEFAULT_LIMITS.maxTokens });
        for (const error of validate(schema, document, [...specifiedRules, ...armor.validationRules])) problems.push(`${file} ${name}: ${error.message}`);
        const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
        const price = operationCost(schema, document, operation, {}, DEFAULT_LIMITS);
        if (price > DEFAULT_LIMITS.maxCost / 2) problems.push(`${file} ${name}: cost ${price} is over half of maxCost`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

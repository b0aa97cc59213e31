import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldsUnderEverywhere, selectedFields } from './selection.js';

/** The resolve info of the operation's first root field, as far as the look-ahead reads it. */
function infoOf(source: string): GraphQLResolveInfo {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, operation } as unknown as GraphQLResolveInfo;
}

describe('selectedFields', () => {
  it('names the sub-fields, through aliases, inline fragments and named fragments', () => {
    const info = infoOf(`{ technologies { id e: enables { strength } ... on Technology { areas { id } } ...T } }
      fragment T on Technology { dependsOn { criticality } }`);
    expect([...selectedFields(info)].sort()).toEqual(['areas', 'dependsOn', 'enables', 'id']);
  });

  it('follows a path, e.g. the nodes of a connection', () => {
    const info = infoOf('{ technologyPage { totalCount edges { cursor node { id enables { strength } } } } }');
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['enables', 'id']);
    expect(selectedFields(info, ['pageInfo']).size).toBe(0);
  });
});

describe('fieldsUnderEverywhere', () => {
  it('collects what every use of a link asks of its far end, anywhere in the operation', () => {
    const info = infoOf(`{ technologies { enables { capability { id } } } capability(id: "c") { enabledBy { technology { ...Deep } } } }
      fragment Deep on Technology { enables { capability { name ... on Capability { domain } } } }`);
    expect([...fieldsUnderEverywhere(info, 'enables', 'capability')].sort()).toEqual(['domain', 'id', 'name']);
    expect(fieldsUnderEverywhere(info, 'dependsOn', 'dependency').size).toBe(0);
  });

  it('gives up with "*" on documents whose fragments multiply the walk', () => {
    // Each fragment spreads the next one twice: 2^16 copies of the innermost selection.
    const levels = Array.from(
      { length: 16 },
      (_, i) =>
        `fragment F${i} on Technology { a${i}: enables { capability { id } } b${i}: dependsOn { dependency { ...F${i + 1} } } ` +
        `c${i}: dependsOn { dependency { ...F${i + 1} } } }`,
    );
    const info = infoOf(`{ technologies { ...F0 } } ${levels.join(' ')} fragment F16 on Technology { id }`);
    expect(fieldsUnderEverywhere(info, 'enables', 'capability').has('*')).toBe(true);
  });
});

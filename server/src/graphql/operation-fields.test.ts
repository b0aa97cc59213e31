import { describe, expect, it } from 'vitest';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { operationRootFieldNames, operationRootFields } from './operation-fields.js';

function fieldsOf(text: string) {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { keys: operationRootFields(operation, document).map((f) => f.responseKey), names: operationRootFieldNames(operation, document) };
}

describe('operationRootFields', () => {
  it('finds fields at the top, in inline fragments and in named fragments at any depth of spreads', () => {
    const { keys } = fieldsOf(
      'mutation { a: logout ...M ... on Mutation { b: logout } } fragment M on Mutation { c: logout ...N } fragment N on Mutation { d: logout }',
    );
    expect(keys.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts each response key once, as graphql-js runs it (a fragment spread twice adds nothing)', () => {
    const { keys, names } = fieldsOf('mutation { ...M ...M logout } fragment M on Mutation { logout x: logout }');
    expect(keys.sort()).toEqual(['logout', 'x']);
    expect(names).toEqual(['logout']);
  });

  it('stops at cycles and marks an unknown fragment as "?"', () => {
    expect(fieldsOf('query { ...A } fragment A on Query { me ...B } fragment B on Query { access ...A }').names.sort()).toEqual(['access', 'me']);
    expect(fieldsOf('query { ...Missing me }').names.sort()).toEqual(['?', 'me']);
  });

  it('walks 5,000 chained fragments without overflowing the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => (i === 4999 ? `fragment F${i} on Query { me }` : `fragment F${i} on Query { ...F${i + 1} }`));
    expect(fieldsOf(`query { ...F0 } ${chain.join(' ')}`).names).toEqual(['me']);
  });
});

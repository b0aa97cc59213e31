// What the fuzz sweep sends, built from the schema: values of the right shape with nasty content (Cypher-injection
// strings, huge and binary strings, extreme numbers), values of the wrong type that variable coercion must refuse, and
// a mutation document per field that selects everything it answers, so leaks in `data` are seen too.
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

export const INJECTIONS = [
  "' }) MATCH (n) DETACH DELETE n //",
  '"}) CREATE (:Pwned {x: 1}) //',
  "tech:t001' OR 1=1 --",
  '`) CALL db.clearQueryCaches() //',
  '$id} RETURN 1 UNION MATCH (n) DETACH DELETE n //',
  '\u0000\u202e\ud83d',
  '<script>alert(1)</script>',
  'x'.repeat(200_000),
];

const nasty = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 30 }));

/** A value for an input type: right shape, nasty content (injection strings, extreme numbers, empty lists). */
export function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  const nullable = !isNonNullType(type);
  let arb: fc.Arbitrary<unknown>;
  if (isListType(inner)) arb = fc.array(valueFor(inner.ofType, depth + 1), { maxLength: depth > 2 ? 0 : 3 });
  else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    arb =
      depth > 3
        ? fc.constant({})
        : fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])) as any, {
            requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) as any,
          });
  } else if (isEnumType(inner)) arb = fc.constantFrom(...inner.getValues().map((v) => v.name));
  else {
    const name = getNamedType(inner).name;
    arb =
      name === 'Int'
        ? fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)))
        : name === 'Float'
          ? fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1e308, 1e308))
          : name === 'Boolean'
            ? fc.boolean()
            : name === 'ID'
              ? fc.oneof(nasty, fc.constantFrom('tech:t001', 'cap:c1', 'mat:gallium', 'tech:does-not-exist'))
              : nasty;
  }
  return nullable ? fc.option(arb, { nil: null }) : arb;
}

/** A value of the WRONG type for an input type (GraphQL variable coercion must refuse it). No filters: every branch is wrong by construction. */
export function wrongFor(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  const deep = fc.integer({ min: 1, max: 200 }).map((n) => {
    let v: unknown = 'x';
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  });
  if (isListType(inner))
    return fc.oneof(
      fc.constant(1.5),
      fc.array(fc.constant(1.5), { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(fc.integer(), { minLength: 1 }), { minLength: 1, maxLength: 2 }),
      deep,
    );
  if (isInputObjectType(inner))
    return fc.oneof(fc.integer(), fc.boolean(), fc.constant('{}'), fc.constant([1, 2]), deep, fc.record({ zzzUnknown: fc.string() }));
  const name = getNamedType(inner).name;
  if (name === 'Int') return fc.oneof(fc.constantFrom('12', 'NaN', '', 1.5, 2 ** 40), fc.record({ a: fc.integer() }), fc.constant([1, 2]));
  if (name === 'Float') return fc.oneof(fc.constantFrom('12', 'NaN', '', true), fc.record({ a: fc.integer() }), fc.constant([1, 2]));
  if (name === 'Boolean') return fc.oneof(fc.constantFrom('true', 0, 1), fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }));
  if (isEnumType(inner)) return fc.oneof(fc.constantFrom('NOT_A_VALUE', 3, true), deep);
  return fc.oneof(fc.record({ a: fc.string() }), fc.array(fc.string(), { minLength: 2, maxLength: 3 }), fc.boolean(), deep);
}

/** Every field without required arguments, two levels deep, so whatever a mutation answers is in `data` to be checked. */
function selectionOf(type: GraphQLOutputTypeLike, depth: number): string {
  const named = getNamedType(type);
  if (isUnionType(named)) return ' { __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    const inner = getNamedType(f.type);
    const leaf = !isObjectType(inner) && !isInterfaceType(inner) && !isUnionType(inner);
    if (leaf) return [f.name];
    return depth > 0 ? [`${f.name}${selectionOf(f.type, depth - 1)}`] : [];
  });
  return ` { __typename ${parts.join(' ')} }`;
}
type GraphQLOutputTypeLike = GraphQLField<unknown, unknown>['type'];

export function documentFor(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionOf(field.type, 1)} }`;
}

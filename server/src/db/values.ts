// The one place where driver values (Integer, temporal types, nodes) become plain JS.
// Nothing outside db/ ever sees a neo4j-driver type.
import neo4j from 'neo4j-driver';

const { isInt, isDate, isDateTime, isLocalDateTime, isTime, isLocalTime, isDuration, isNode, isRelationship } = neo4j;

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  // The common cases first: a 100k-row read converts millions of strings and numbers.
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value as Plain;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const out: Plain[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i]);
    return out;
  }
  if (type === 'bigint') return Number(value);
  if (type !== 'object') throw new TypeError(`Unsupported Neo4j value of type ${type}`);
  if (isInt(value)) {
    // Counts and years fit in a double; a value that does not is a data error we want to see, not silently round.
    const int = value as InstanceType<typeof neo4j.Integer>;
    if (!int.inSafeRange()) throw new RangeError(`Integer ${int.toString()} is outside the safe JavaScript range`);
    return int.toNumber();
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return (value as { toString(): string }).toString();
  }
  if (isNode(value)) return toPlain((value as { properties: unknown }).properties);
  if (isRelationship(value)) return toPlain((value as { properties: unknown }).properties);
  const out: { [key: string]: Plain } = {};
  const record = value as Record<string, unknown>;
  for (const k in record) if (Object.hasOwn(record, k)) out[k] = toPlain(record[k]);
  return out;
}

/** Integers sent to Cypher where it needs INTEGER (LIMIT, SKIP, ranges). */
export function int(n: number) {
  return neo4j.int(n);
}

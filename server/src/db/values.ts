// The one place where driver values (Integer, temporal types, nodes) become plain JS.
// Nothing outside db/ ever sees a neo4j-driver type.
import neo4j from 'neo4j-driver';

const { isInt, isDate, isDateTime, isLocalDateTime, isTime, isLocalTime, isDuration, isNode, isRelationship } = neo4j;

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (isInt(value)) {
    // Counts and years fit in a double; a value that does not is a data error we want to see, not silently round.
    const int = value as InstanceType<typeof neo4j.Integer>;
    if (!int.inSafeRange()) throw new RangeError(`Integer ${int.toString()} is outside the safe JavaScript range`);
    return int.toNumber();
  }
  if (typeof value === 'bigint') return Number(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return (value as { toString(): string }).toString();
  }
  if (isNode(value)) return toPlain((value as { properties: unknown }).properties);
  if (isRelationship(value)) return toPlain((value as { properties: unknown }).properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new TypeError(`Unsupported Neo4j value of type ${typeof value}`);
}

/** Integers sent to Cypher where it needs INTEGER (LIMIT, SKIP, ranges). */
export function int(n: number) {
  return neo4j.int(n);
}

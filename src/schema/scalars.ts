import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from './builder.ts';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function stringScalar(name: string, pattern: RegExp, expected: string) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw new GraphQLError(`${name}: expected ${expected}, received ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return {
    serialize: (value: unknown) => String(value),
    parseValue: parse,
    parseLiteral: (node: ValueNode) => parse(node.kind === Kind.STRING ? node.value : (node as { value?: unknown }).value),
  };
}

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date-time such as `2026-11-23T10:00:00.000000Z`, or a date `2026-11-23`.',
  ...stringScalar('DateTime', ISO_DATETIME, 'an ISO-8601 date-time like "2026-11-23T10:00:00Z"'),
});

builder.scalarType('Decimal', {
  description: 'A decimal number carried as a string so no precision is lost, e.g. `"12.5000000000"`.',
  ...stringScalar('Decimal', DECIMAL, 'a decimal string like "12.50"'),
});

/** Bounds of a JSON input: deeper or larger values are refused before anything (our serialiser included) walks them. */
export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_NODES = 10_000;

/** Checks a JSON input without recursion, so a 45,000-level value cannot overflow the stack here either. */
function boundedJson(value: unknown): unknown {
  const pending: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (++nodes > JSON_MAX_NODES) throw badJson(`at most ${JSON_MAX_NODES} values in all`, 'more');
    if (item === null || typeof item !== 'object') continue;
    if (depth > JSON_MAX_DEPTH) throw badJson(`at most ${JSON_MAX_DEPTH} levels of nesting`, 'deeper');
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, depth + 1]);
  }
  return value;
}

function badJson(expected: string, received: string): GraphQLError {
  return new GraphQLError(`JSON: expected ${expected}, received ${received}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

builder.scalarType('JSON', {
  description: `Free-form JSON: offering attributes, limits, options, allocation specs. At most ${JSON_MAX_DEPTH} levels deep and ${JSON_MAX_NODES} values.`,
  serialize: (value) => value,
  parseValue: boundedJson,
  parseLiteral: (node: ValueNode) => boundedJson(jsonLiteral(node)),
});

function jsonLiteral(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING: case Kind.BOOLEAN: return node.value;
    case Kind.INT: case Kind.FLOAT: return Number(node.value);
    case Kind.NULL: return null;
    case Kind.LIST: return node.values.map(jsonLiteral);
    case Kind.OBJECT: return Object.fromEntries(node.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    default: throw new GraphQLError('JSON: variables are not allowed inside a JSON literal; pass the whole value as a variable', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * Waldur's integers that the OpenAPI document leaves unbounded or declares int64 (SLURM partition memory, counts).
 * GraphQL's Int stops at 2^31-1; Long carries any integer as a JSON number, exact up to 2^53-1 (Number.MAX_SAFE_INTEGER),
 * beyond that as the nearest double, which is also what any JSON client reads from Waldur's own answer.
 */
builder.scalarType('Long', {
  description: 'A 64-bit integer as a JSON number: exact up to 2^53-1; larger values (beyond any real memory size or count) arrive rounded to the nearest double.',
  serialize: (value) => {
    const number = typeof value === 'bigint' ? Number(value) : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) {
      throw new GraphQLError(`Long: Waldur sent ${JSON.stringify(value)} where the document declares an integer`, { extensions: { code: 'UPSTREAM_ERROR', service: 'waldur' } });
    }
    return number;
  },
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new GraphQLError(`Long: expected an integer from -(2^53-1) to 2^53-1, received ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  },
  parseLiteral: (node) => {
    const value = node.kind === Kind.INT ? Number(node.value) : Number.NaN;
    if (!Number.isSafeInteger(value)) throw new GraphQLError(`Long: expected an integer literal from -(2^53-1) to 2^53-1`, { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
});

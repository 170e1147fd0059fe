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

builder.scalarType('JSON', {
  description: 'Free-form JSON: offering attributes, limits, options, allocation specs.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(node: ValueNode): unknown {
    switch (node.kind) {
      case Kind.STRING: case Kind.BOOLEAN: return node.value;
      case Kind.INT: case Kind.FLOAT: return Number(node.value);
      case Kind.NULL: return null;
      case Kind.LIST: return node.values.map(literal);
      case Kind.OBJECT: return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
      default: throw new GraphQLError('JSON: variables are not allowed inside a JSON literal; pass the whole value as a variable', { extensions: { code: 'BAD_USER_INPUT' } });
    }
  },
});

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

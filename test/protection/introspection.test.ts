import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

const full = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
const walk = '__schema { types { fields { type { fields { name type { name } } } } } }';

describe('introspection in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack[Symbol.asyncDispose]();
  });

  it("should answer GraphiQL's full introspection query", async () => {
    const result = await stack.query(full);
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.types.length).toBeGreaterThan(100);
  });

  it('should price introspection like other selections: 30 aliased two-level walks are refused before running', async () => {
    const result = await stack.query(`{ ${Array.from({ length: 30 }, (_, i) => `s${i}: ${walk}`).join(' ')} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxCost: 50000 } });
    expect(result.errors?.[0].message).toMatch(/^Operation too expensive/);
  });

  it('should refuse a second __schema in one operation', async () => {
    const result = await stack.query('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }');
    expect(result.errors?.[0].message).toMatch(/^Operation too expensive: estimated cost over 50000 .* \(and __schema at most once\)$/);
  });

  it('should refuse three full introspections in one operation', async () => {
    const body = full.slice(full.indexOf('{', full.indexOf('query IntrospectionQuery')) + 1, full.indexOf('fragment FullType')).trim().replace(/}$/, '');
    const result = await stack.query(`${full.slice(full.indexOf('fragment FullType'))}\nquery { ${[1, 2, 3].map((i) => `s${i}: ${body}`).join(' ')} }`);
    expect(result.errors?.[0].message).toMatch(/^Operation too expensive/);
  });
});

describe('introspection in production', () => {
  it('should be off by default, with a coded error, while __typename still works', async () => {
    await using stack = await startStack({ env: { NODE_ENV: 'production' } });
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }', full]) {
      const result = await stack.query(query);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(result.errors?.[0].message).toMatch(/introspection has been disabled/);
    }
    expect((await stack.query('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('should be on with INTROSPECTION=true', async () => {
    await using stack = await startStack({ env: { NODE_ENV: 'production', INTROSPECTION: 'true' } });
    expect((await stack.query('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

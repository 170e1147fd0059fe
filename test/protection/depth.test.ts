import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

// customers → projects → resources at depth 12, the default MAX_DEPTH.
const inline = `{ customers(first: 1) { edges { node { uuid projects(first: 1) { edges { node { uuid
  resources(first: 1) { edges { node { uuid project { customer { uuid } } } } } } } } } } } }`;
const fragments = `{ customers(first: 1) { edges { node { ...CustomerProjects } } } }
  fragment CustomerProjects on Customer { uuid projects(first: 1) { edges { node { ...ProjectResources } } } }
  fragment ProjectResources on Project { uuid resources(first: 1) { edges { node { uuid project { customer { uuid } } } } } }`;
// The shape the Relay compiler generates: a query spreading one fragment per component, with ids and inline fragments.
const relay = `query AppQuery { ...App_query }
  fragment App_query on Query { customers(first: 1) { edges { node { id ...CustomerRow_customer } } } }
  fragment CustomerRow_customer on Customer { uuid projects(first: 1) { edges { node { id ... on Project { ...ProjectRow_project } } } } }
  fragment ProjectRow_project on Project { uuid resources(first: 1) { edges { node { id uuid project { customer { uuid } } } } } }`;

describe('MAX_DEPTH over the flattened selection', () => {
  it('should accept an operation written with fragments exactly as the same one written inline', async () => {
    const a = await stack.query(inline);
    expect(a.errors).toBeUndefined();
    const b = await stack.query(fragments);
    expect(b.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
  });

  it("should accept the Relay compiler's style of generated query", async () => {
    const result = await stack.query(relay);
    expect(result.errors).toBeUndefined();
    expect(result.data.customers.edges).toHaveLength(1);
  });

  it('should still reject one level more, with a coded message that names the limit', async () => {
    const deeper = fragments.replace('customer { uuid }', 'customer { projects(first: 1) { totalCount } }');
    const result = await stack.query(deeper);
    expect(result.errors?.[0]).toMatchObject({
      message: 'Query depth limit of 12 exceeded, found 13. (the MAX_DEPTH setting)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('should reject too many aliases with a message that does not claim a syntax error', async () => {
    const result = await stack.query(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { uuid }`).join(' ')} }`);
    expect(result.errors?.[0].message).toBe('Aliases limit of 30 exceeded, found 31. (the MAX_ALIASES setting)');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

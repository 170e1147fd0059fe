import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

// The same seeded simulators behind two gateways: compiled (graphql-jit, the default) and interpreted (graphql-js).
// Every answer, errors and their locations included, must be the same word for word.
let compiled: Stack;
let interpreted: Stack;
beforeAll(async () => {
  [compiled, interpreted] = await Promise.all([
    startStack({ env: { NODE_ENV: 'production', BODY_LIMIT_BYTES: '1048576' } }),
    startStack({ env: { NODE_ENV: 'production', BODY_LIMIT_BYTES: '1048576', COMPILED_EXECUTION: 'false' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([compiled?.[Symbol.asyncDispose](), interpreted?.[Symbol.asyncDispose]()]);
});

/** Request ids differ per request; everything else must not. */
const comparable = (response: unknown) => JSON.parse(JSON.stringify(response), (key, value) => (key === 'requestId' ? undefined : value));

async function both(query: string, variables?: Record<string, unknown>, as: Parameters<Stack['query']>[2] = 'staff', operationName?: string) {
  const send = (stack: Stack) => (operationName
    ? fetch(stack.url, {
      method: 'POST', body: JSON.stringify({ query, variables, operationName }),
      headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}` },
    }).then((r) => r.json())
    : stack.query(query, variables, as));
  // A document is compiled when it runs the second time (http/jit.ts): the first answer is graphql-js's own.
  const [[first, fast], plain] = await Promise.all([send(compiled).then(async (r) => [r, await send(compiled)]), send(interpreted)]);
  expect(comparable(first)).toEqual(comparable(plain));
  expect(comparable(fast)).toEqual(comparable(plain));
  return fast as { data?: any; errors?: Array<{ message: string; locations?: unknown; extensions?: Record<string, unknown> }> };
}

describe('compiled execution (COMPILED_EXECUTION)', () => {
  it('should answer nested lists, fragments, aliases, directives, interfaces and scalars exactly as graphql-js does', async () => {
    const result = await both(`
      query Dashboard($withProjects: Boolean!, $skipState: Boolean = false) {
        customers(first: 3) { totalCount nodes { ...CustomerCard } }
        firstTwo: resources(first: 2) { pageInfo { hasNextPage endCursor } edges { cursor node { id uuid __typename
          state @skip(if: $skipState) created offering { name type } project { name } } } }
        orders(first: 3) { nodes { uuid type state created resource { name } } }
      }
      fragment CustomerCard on Customer { __typename id name projects(first: 2) @include(if: $withProjects) { nodes { name } } }`,
    { withProjects: true });
    expect(result.data.customers.nodes.length).toBeGreaterThan(0);
    const { id } = result.data.firstTwo.edges[0].node;
    await both(`{ node(id: ${JSON.stringify(id)}) { __typename id ... on Resource { name state } } }`);
  });

  it('should report resolver errors with the same message, code, path and locations in a multi-line document', async () => {
    const result = await both(`{
  customers(first: 1) { nodes { name } }
    resource(uuid: "00000000000000000000000000000000") {
      name
    }
  node(id: "not an id") { id }
}`);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.every((e) => Array.isArray(e.locations) && e.locations.length)).toBe(true);
    await both('{ viewer { username } }', undefined, {});
  });

  it('should refuse bad variables with graphql-js\'s words (the scalar\'s own reason included)', async () => {
    const wide = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    const mutation = 'mutation ($input: UpdateResourceOptionsInput!) { updateResourceOptions(input: $input) { __typename } }';
    const refused = await both(mutation, { input: { uuid: '00000000000000000000000000000000', options: wide } });
    expect(refused.errors?.[0].message).toMatch(/JSON: expected at most 10000 values in all/);
    await both('query ($first: Int!) { customers(first: $first) { nodes { name } } }', { first: 'three' });
    await both('query ($first: Int!) { customers(first: $first) { nodes { name } } }', {});
  });

  it('should run the operation a document names, not the first one compiled from it', async () => {
    const document = 'query Customers { customers(first: 2) { nodes { name } } } query Offerings { offerings(first: 2) { nodes { name } } }';
    const customers = await both(document, undefined, 'staff', 'Customers');
    const offerings = await both(document, undefined, 'staff', 'Offerings');
    expect(Object.keys(customers.data)).toEqual(['customers']);
    expect(Object.keys(offerings.data)).toEqual(['offerings']);
  });

  it('should answer mutations with the same union members and typed errors', async () => {
    await both(`mutation { updateProject(input: { uuid: "00000000000000000000000000000000", name: "x" }) {
      __typename ... on NotFoundError { message } ... on ValidationError { message fieldErrors { field message } } } }`);
    await both('mutation { updateProject(input: { uuid: "not-a-uuid", name: "x" }) { __typename } }');
  });
});

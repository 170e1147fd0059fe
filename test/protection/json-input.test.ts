import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { BODY_LIMIT_BYTES: '1048576' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const mutation = 'mutation ($input: UpdateResourceOptionsInput!) { updateResourceOptions(input: $input) { __typename } }';

async function resourceUuid(): Promise<string> {
  return (await stack.query('{ resources(first: 1) { nodes { uuid } } }')).data.resources.nodes[0].uuid;
}

describe('JSON inputs are bounded', () => {
  it('should refuse a 45,000-level value as BAD_USER_INPUT before any upstream call, not blame Waldur', async () => {
    // Built as text: JSON.stringify of such a value would overflow the test's own stack.
    const deep = `${'{"a":'.repeat(45_000)}1${'}'.repeat(45_000)}`;
    const uuid = await resourceUuid();
    await stack.resetLogs();
    const body = `{"query":${JSON.stringify(mutation)},"variables":{"input":{"uuid":"${uuid}","options":${deep}}}}`;
    const response = await fetch(stack.url, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}` },
    });
    const result = await response.json() as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/JSON: expected at most 32 levels of nesting, received deeper/);
    expect((await stack.requests('waldur')).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('should refuse more than 10,000 values, and accept a reasonable object', async () => {
    const uuid = await resourceUuid();
    const wide = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    const refused = await stack.query(mutation, { input: { uuid, options: wide } });
    expect(refused.errors?.[0].message).toMatch(/JSON: expected at most 10000 values in all/);
    const fine = await stack.query(mutation, { input: { uuid, options: { a: { b: [1, 2, { c: 'd' }] } } } });
    expect(fine.errors).toBeUndefined();
  });
});

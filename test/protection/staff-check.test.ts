import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  // The link field is staff-only only where the operator trusts it for the orchestration link.
  stack = await startStack({ env: { LINK_TRUST_PROJECT_FIELD: 'backend_id' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

describe('the staff check', () => {
  it('should ask Waldur who the caller is once per request, however many aliased mutations need it', async () => {
    const projects = await stack.query('{ projects(first: 1) { nodes { uuid } } }', undefined, 'owner');
    const uuid = projects.data.projects.nodes[0].uuid as string;
    const aliases = Array.from({ length: 30 }, (_, i) =>
      `m${i}: updateProject(input: { uuid: "${uuid}", backendId: "taken-${i}" }) { __typename ... on ForbiddenError { message } }`);
    await stack.resetLogs();
    const result = await stack.query(`mutation { ${aliases.join(' ')} }`, undefined, 'owner');
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data).map((r: any) => r.__typename)).toEqual(Array(30).fill('ForbiddenError'));
    const me = (await stack.requests('waldur')).filter((r) => r.path === '/api/users/me/');
    expect(me).toHaveLength(1);
  });
});

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { NODE_ENV: 'production', UPSTREAM_RETRIES: '0' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const SECRET = 'Failed to open /srv/waldur/settings.py with password=hunter2';

async function withFault<T>(fault: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  await stack.control('waldur', 'POST', 'faults', fault);
  try {
    return await run();
  } finally {
    await stack.control('waldur', 'DELETE', 'faults');
  }
}

async function projectUuid(): Promise<string> {
  return (await stack.query('{ projects(first: 1) { nodes { uuid } } }')).data.projects.nodes[0].uuid;
}

describe('what clients read of upstream and library texts in production', () => {
  it('should replace an upstream 4xx free text with a generic message, in queries and in typed mutation errors', async () => {
    const query = await withFault({ path: '^/api/users/me/$', status: 400, body: { detail: SECRET } }, () => stack.query('{ viewer { username } }'));
    expect(query.errors?.[0]).toMatchObject({ message: 'Waldur refused the request (HTTP 400)', extensions: { code: 'BAD_USER_INPUT', upstreamStatus: 400 } });
    const uuid = await projectUuid();
    const mutation = await withFault({ method: 'PATCH', path: '^/api/projects/', status: 403, body: { detail: SECRET } },
      () => stack.query(`mutation { updateProject(input: { uuid: "${uuid}", description: "x" }) { __typename ... on MutationError { message } } }`));
    expect(mutation.data.updateProject).toEqual({ __typename: 'ForbiddenError', message: 'Waldur refused the request (HTTP 403)' });
    expect(JSON.stringify([query, mutation])).not.toContain('hunter2');
  });

  it("should pass Waldur's field validation messages and its standard DRF texts: they tell a client what to fix", async () => {
    const uuid = await projectUuid();
    const invalid = await withFault({ method: 'PATCH', path: '^/api/projects/', status: 400, body: { name: ['Ensure this field has no more than 500 characters.'] } },
      () => stack.query(`mutation { updateProject(input: { uuid: "${uuid}", name: "x" }) { __typename ... on ValidationError { fields { field message } } } }`));
    expect(invalid.data.updateProject).toEqual({ __typename: 'ValidationError', fields: [{ field: 'name', message: 'Ensure this field has no more than 500 characters.' }] });
    const denied = await withFault({ method: 'PATCH', path: '^/api/projects/', status: 403, body: { detail: 'You do not have permission to perform this action.' } },
      () => stack.query(`mutation { updateProject(input: { uuid: "${uuid}", description: "x" }) { __typename ... on MutationError { message } } }`));
    expect(denied.data.updateProject.message).toBe('You do not have permission to perform this action.');
  });

  it('should not suggest enum values', async () => {
    const literal = await stack.query('{ offerings(first: 1, filter: { state: [ACTIVEE] }) { totalCount } }');
    const variable = await stack.query('query ($s: [OfferingState!]) { offerings(first: 1, filter: { state: $s }) { totalCount } }', { s: ['ACTIVEE'] });
    for (const result of [literal, variable]) {
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('ACTIVEE');
      expect(JSON.stringify(result)).not.toMatch(/Did you mean/);
    }
  });

  it('should not show the JSON parser\'s own words for a malformed body', async () => {
    const response = await request(stack.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }", "variables": {"a": nope}}' });
    const body = await response.body.json() as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0].message).toBe('POST body sent invalid JSON.');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.originalError).toBeUndefined();
  });
});

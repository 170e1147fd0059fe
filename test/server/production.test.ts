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

describe('the gateway in production mode', () => {
  it('should not suggest field names to a caller probing the schema', async () => {
    const result = await stack.query('{ viewer { usernam } }');
    expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should not serve GraphiQL', async () => {
    const page = await request(stack.url, { headers: { accept: 'text/html' } });
    const text = await page.body.text();
    expect(text).not.toContain('<html');
  });

  it('should turn an upstream HTML 500 page into a coded error without upstream internals', async () => {
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/users/me/$', status: 500 });
    try {
      const result = await stack.query('{ viewer { username } }');
      expect(result.data).toEqual({ viewer: null });
      expect(result.errors).toEqual([{
        message: 'Waldur failed to answer (HTTP 500); try again later',
        path: ['viewer'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'UPSTREAM_ERROR', service: 'waldur', upstreamStatus: 500, retryable: true },
      }]);
    } finally {
      await stack.control('waldur', 'DELETE', 'faults');
    }
  });
});

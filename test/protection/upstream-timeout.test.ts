import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { UPSTREAM_TIMEOUT_MS: '800', UPSTREAM_RETRIES: '0' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

describe('UPSTREAM_TIMEOUT_MS', () => {
  it('should bound the whole exchange: a body trickled a byte at a time fails as UPSTREAM_TIMEOUT', async () => {
    // Headers at once, then one byte every 100 ms for ever: undici's body timeout restarts on each byte.
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/users/me/$', trickleMs: 100 });
    try {
      const result = await stack.query('{ viewer { username } }');
      expect(result.data).toEqual({ viewer: null });
      expect(result.errors?.[0]).toMatchObject({
        message: 'Waldur did not answer in 800 ms',
        extensions: { code: 'UPSTREAM_TIMEOUT', service: 'waldur' },
      });
    } finally {
      await stack.control('waldur', 'DELETE', 'faults');
    }
  }, 15_000);
});

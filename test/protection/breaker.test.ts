import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { UPSTREAM_RETRIES: '0', UPSTREAM_BREAKER_MIN_CALLS: '10', UPSTREAM_BREAKER_RESET_MS: '300' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const viewer = () => stack.query('{ viewer { username } }');

describe('the upstream circuit breaker', () => {
  it('should ride out a short burst of faults within a low fault rate', async () => {
    for (let i = 0; i < 40; i++) expect((await viewer()).errors).toBeUndefined();
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/users/me/$', status: 500, times: 6 });
    for (let i = 0; i < 6; i++) expect((await viewer()).errors?.[0].extensions?.code).toBe('UPSTREAM_ERROR');
    // 6 failures in 46 calls: the breaker stays closed and the next callers are served.
    for (let i = 0; i < 10; i++) expect((await viewer()).errors).toBeUndefined();
  });

  it('should open on a high failure ratio, say so on /readyz without upstream addresses, and close after a good trial', async () => {
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/users/me/$', status: 500 });
    let message = '';
    for (let i = 0; i < 60 && !message.includes('circuit breaker open'); i++) message = (await viewer()).errors?.[0].message ?? '';
    expect(message).toMatch(/circuit breaker open/);

    const ready = await request(`${new URL(stack.url).origin}/readyz`);
    const text = await ready.body.text();
    expect(ready.statusCode).toBe(503);
    expect(JSON.parse(text)).toMatchObject({ status: 'unavailable', checks: { waldur: { status: 'unavailable', reason: expect.stringMatching(/circuit breaker open/) } } });
    expect(text).not.toContain(new URL(stack.sims.waldurUrl).host);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);

    await stack.control('waldur', 'DELETE', 'faults');
    const deadline = Date.now() + 10_000;
    let result = await viewer();
    while (result.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await viewer();
    }
    expect(result.errors).toBeUndefined();
  });
});

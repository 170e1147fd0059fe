import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';

async function preflight(url: string, origin: string) {
  const response = await request(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
  await response.body.dump();
  return response.headers;
}

async function post(url: string, origin: string) {
  const response = await request(url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  await response.body.dump();
  return response.headers;
}

describe('CORS', () => {
  it('should allow no cross-origin browser access by default', async () => {
    await using stack = await startStack();
    for (const headers of [await preflight(stack.url, 'https://evil.example'), await post(stack.url, 'https://evil.example')]) {
      expect(headers['access-control-allow-origin']).toBeUndefined();
      expect(headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('should allow exactly the origins of CORS_ORIGINS, with credentials', async () => {
    await using stack = await startStack({ env: { CORS_ORIGINS: 'https://app.example, http://localhost:5173' } });
    const allowed = await preflight(stack.url, 'https://app.example');
    expect(allowed['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed['access-control-allow-credentials']).toBe('true');
    expect((await post(stack.url, 'http://localhost:5173'))['access-control-allow-origin']).toBe('http://localhost:5173');
    const refused = await preflight(stack.url, 'https://evil.example');
    expect(refused['access-control-allow-origin']).not.toBe('https://evil.example');
    expect((await post(stack.url, 'https://evil.example'))['access-control-allow-origin']).not.toBe('https://evil.example');
  });
});

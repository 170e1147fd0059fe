import { afterEach, describe, expect, it } from 'vitest';
import { createTokenManager } from '../../src/upstream/orchestration/token-manager.ts';
import { reply, startFakeServer, type Handler } from './fake-server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SECRET = { clientId: 'junction-gw', clientSecret: 'client-secret-S3CR3T', refreshToken: 'refresh-token-R3FR3SH' };

async function setup(handler: Handler, now?: () => number) {
  const server = await startFakeServer(handler);
  const tokens = createTokenManager({ tokenUrl: `${server.origin}/auth/v1/token`, ...SECRET, now });
  cleanups.push(() => server.close(), () => tokens.close());
  return { server, tokens };
}

/** A token endpoint that issues access-1, access-2, … after a short delay. */
const issuing = (expiresIn = 3600, delayMs = 30): Handler => (_req, res, _hit, i) => {
  setTimeout(() => reply(res, 200, { access_token: `access-${i + 1}`, token_type: 'Bearer', expires_in: expiresIn }), delayMs);
};

describe('createTokenManager', () => {
  it('should make exactly one token call for 20 concurrent callers, with a form-encoded refresh-token grant', async () => {
    const { server, tokens } = await setup(issuing());
    const results = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(results)).toEqual(new Set(['access-1']));
    expect(server.hits).toHaveLength(1);
    expect(server.hits[0]).toMatchObject({ method: 'POST', url: '/auth/v1/token' });
    expect(server.hits[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(server.hits[0].body))).toEqual({
      grant_type: 'refresh_token', refresh_token: SECRET.refreshToken, client_id: SECRET.clientId, client_secret: SECRET.clientSecret,
    });
    expect(await tokens.getToken()).toBe('access-1');
    expect(server.hits).toHaveLength(1);
  });

  it('should refresh before expiry (10% of the lifetime, at most 30 s) and keep a still-valid token if that fails', async () => {
    let clock = 1_000_000;
    let down = false;
    const { server, tokens } = await setup((req, res, hit, i) => (down ? reply(res, 503, 'down') : issuing(100, 0)(req, res, hit, i)), () => clock);
    expect(await tokens.getToken()).toBe('access-1');
    clock += 89_000;
    expect(await tokens.getToken()).toBe('access-1');
    expect(server.hits).toHaveLength(1);
    clock += 2_000; // 91 s of 100: inside the 10 s margin
    expect(await tokens.getToken()).toBe('access-2');
    expect(server.hits).toHaveLength(2);

    down = true;
    clock += 91_000;
    expect(await tokens.getToken()).toBe('access-2');
    clock += 10_000; // now expired: the failure surfaces
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'orchestration' });
  });

  it('should refresh after invalidate, but only when the failed token is the cached one', async () => {
    const { server, tokens } = await setup(issuing(3600, 0));
    const first = await tokens.getToken();
    tokens.invalidate('some-older-token');
    expect(await tokens.getToken()).toBe(first);
    tokens.invalidate(first);
    expect(await tokens.getToken()).toBe('access-2');
    expect(server.hits).toHaveLength(2);
  });

  it('should map a rejected service account to UPSTREAM_ERROR (the caller is not at fault) without echoing any credential', async () => {
    const { tokens } = await setup((_req, res) => reply(res, 400, { error: 'invalid_grant', error_description: `bad ${SECRET.refreshToken}` }));
    const error = await tokens.getToken().catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', service: 'orchestration', status: 400 });
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).stack)}`;
    for (const secret of Object.values(SECRET).slice(1)) expect(text).not.toContain(secret);
  });

  it('should let one caller abort without cancelling the shared refresh', async () => {
    const { server, tokens } = await setup(issuing(3600, 100));
    const controller = new AbortController();
    const aborted = tokens.getToken(controller.signal);
    const other = tokens.getToken();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(await other).toBe('access-1');
    expect(server.hits).toHaveLength(1);
  });
});

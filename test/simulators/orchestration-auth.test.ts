import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_PROJECT, PROJECT, startTestSim, type TestSim } from './orchestration-helpers.ts';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ serviceAccount: { clientId: 'svc', clientSecret: 's3cret', refreshToken: 'rt-1', accessTokenTtlSeconds: 60 } });
});
afterAll(async () => { await t.close(); });

const allocations = (project = PROJECT) => `/projects/${project}/allocations`;
const withAuth = (authorization?: string) => t.api('GET', allocations(), undefined, authorization === undefined ? {} : { authorization });
const tokenCall = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(t.sim.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
const good = { grant_type: 'refresh_token', refresh_token: 'rt-1', client_id: 'svc', client_secret: 's3cret' };

describe('orchestration simulator: bearer auth', () => {
  it('answers 401 for a missing, malformed or unknown token', async () => {
    const noHeader = await fetch(t.sim.url + allocations());
    expect(noHeader.status).toBe(401);
    expect(noHeader.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await noHeader.json()).toEqual({ message: 'missing bearer token', request_id: expect.stringMatching(/^req-/) });
    expect((await withAuth('Token abc')).status).toBe(401);
    expect((await withAuth('Bearer nope')).status).toBe(401);
  });

  it('answers 403 when a user token lacks the project, 404 when the project is unknown', async () => {
    expect((await withAuth('Bearer user-alpha')).status).toBe(200);
    const forbidden = await t.api('GET', allocations(OTHER_PROJECT), undefined, { authorization: 'Bearer user-alpha' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain(OTHER_PROJECT);
    expect((await t.api('GET', allocations(OTHER_PROJECT), undefined, { authorization: 'bearer user-all' })).status).toBe(200);
    expect((await t.api('GET', allocations('unknown'), undefined, { authorization: 'Bearer user-all' })).status).toBe(404);
    expect((await t.api('GET', allocations('unknown'), undefined, { authorization: 'Bearer user-alpha' })).status).toBe(403);
    expect((await t.api('GET', allocations('unknown'))).status).toBe(404);
  });
});

describe('orchestration simulator: token endpoint', () => {
  it('exchanges the refresh token (form or HTTP Basic client auth)', async () => {
    const res = await tokenCall(good);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 60, refresh_token: 'rt-1' });
    expect((await withAuth(`Bearer ${body.access_token}`)).status).toBe(200);
    const basic = await tokenCall({ grant_type: 'refresh_token', refresh_token: 'rt-1' }, { authorization: `Basic ${Buffer.from('svc:s3cret').toString('base64')}` });
    expect(basic.status).toBe(200);
  });

  it('answers OAuth2 errors for a bad grant, client or grant type', async () => {
    const badGrant = await tokenCall({ ...good, refresh_token: 'stolen' });
    expect(badGrant.status).toBe(400);
    expect(await badGrant.json()).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    const badClient = await tokenCall({ ...good, client_secret: 'wrong' });
    expect(badClient.status).toBe(401);
    expect((await badClient.json()).error).toBe('invalid_client');
    const basic = await tokenCall({ grant_type: 'refresh_token', refresh_token: 'rt-1' }, { authorization: `Basic ${Buffer.from('svc:nope').toString('base64')}` });
    expect(basic.status).toBe(401);
    expect((await (await tokenCall({ ...good, grant_type: 'client_credentials' })).json()).error).toBe('unsupported_grant_type');
  });

  it('lets access tokens expire on the simulator clock and through the control API', async () => {
    const first = await t.fetchToken();
    expect((await withAuth(`Bearer ${first}`)).status).toBe(200);
    await t.control('POST', 'advance', { ms: 61_000 });
    const expired = await withAuth(`Bearer ${first}`);
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
    const second = await t.fetchToken();
    expect((await withAuth(`Bearer ${second}`)).status).toBe(200);
    expect((await t.control('POST', 'tokens/expire')).status).toBe(200);
    expect((await withAuth(`Bearer ${second}`)).status).toBe(401);
    expect((await withAuth('Bearer user-alpha')).status).toBe(200);
  });

  it('reports the credentials through the control API', async () => {
    const { body } = await t.control('GET', 'credentials');
    expect(body.serviceAccount).toMatchObject({ clientId: 'svc', clientSecret: 's3cret', refreshToken: 'rt-1', tokenUrl: t.sim.tokenUrl });
    expect(body.userTokens.map((u: any) => u.name)).toEqual(['alice', 'root']);
    expect(t.sim.serviceAccount).toEqual({ clientId: 'svc', clientSecret: 's3cret', refreshToken: 'rt-1' });
  });
});

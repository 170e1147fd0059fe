import { afterEach, describe, expect, it } from 'vitest';
import { createUpstreamHttp } from '../../src/upstream/http.ts';
import { parseLinkHeader } from '../../src/upstream/link-header.ts';
import { createWaldurClient, publicPlanUrl, waldurUrlFor } from '../../src/upstream/waldur/client.ts';
import type { Project } from '../../src/upstream/waldur/types.ts';
import { FAST, reply, settings, startFakeServer, type Handler } from './fake-server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const CALLER = { authorization: 'Token 0123456789abcdef0123456789abcdef01234567', requestId: 'req-1', impersonateUserUuid: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' };
const ALLOWED_HEADERS = new Set(['host', 'connection', 'accept', 'accept-language', 'authorization', 'x-request-id',
  'x-impersonated-user-uuid', 'content-type', 'content-length', 'transfer-encoding']);

async function setup(handler: Handler) {
  const server = await startFakeServer(handler);
  const http = createUpstreamHttp({ service: 'waldur', baseUrl: `${server.origin}/api/`, settings: settings(), tuning: FAST });
  cleanups.push(() => server.close(), () => http.close());
  return { server, waldur: createWaldurClient(http).as(CALLER), client: createWaldurClient(http) };
}

describe('createWaldurClient', () => {
  it('should send repeated field= params, pages, the allow-listed headers, and parse Link and X-Result-Count', async () => {
    const link = '<http://w/api/projects/?customer=a,b&field=uuid>; rel="first", <http://w/api/projects/?customer=a,b&field=uuid&page=3>; rel="next", '
      + '<http://w/api/projects/?customer=a,b&field=uuid&page=9>; rel="last"';
    const { server, waldur } = await setup((_req, res) => reply(res, 200, [{ uuid: 'p1', url: 'u', name: 'P' }], { 'x-result-count': '42', Link: link }));
    const page = await waldur.list<Project>('projects', { query: [['customer', 'a,b']], fields: ['name', 'uuid', 'backend_id'], page: 2, pageSize: 500 });

    expect(server.hits[0].url).toBe('/api/projects/?customer=a,b&field=uuid&field=name&field=backend_id&page=2&page_size=300');
    const headers = server.hits[0].headers;
    expect(headers).toMatchObject({ authorization: CALLER.authorization, 'accept-language': 'en', 'x-request-id': 'req-1',
      'x-impersonated-user-uuid': CALLER.impersonateUserUuid, accept: 'application/json' });
    expect(Object.keys(headers).filter((name) => !ALLOWED_HEADERS.has(name))).toEqual([]);
    expect(page).toEqual({
      items: [{ uuid: 'p1', url: 'u', name: 'P' }],
      total: 42,
      links: {
        first: 'http://w/api/projects/?customer=a,b&field=uuid',
        next: 'http://w/api/projects/?customer=a,b&field=uuid&page=3',
        last: 'http://w/api/projects/?customer=a,b&field=uuid&page=9',
      },
    });
  });

  it('should count with HEAD and read X-Result-Count', async () => {
    const { server, waldur } = await setup((_req, res) => reply(res, 200, undefined, { 'X-Result-Count': '17' }));
    expect(await waldur.count('marketplace-orders', [['state', 'done'], ['state', 'erred']])).toBe(17);
    expect(server.hits[0]).toMatchObject({ method: 'HEAD', url: '/api/marketplace-orders/?state=done&state=erred&page_size=1' });
  });

  it('should build retrieve, sub-resource, write and action paths with trailing slashes', async () => {
    const { server, waldur } = await setup((req, res) => (req.method === 'DELETE' ? reply(res, 204) : reply(res, req.method === 'POST' ? 201 : 200, { uuid: 'x', url: 'y' })));
    await waldur.retrieve('customers', 'c1', ['name']);
    await waldur.get('marketplace-public-offerings/o1/plans');
    await waldur.listPath('projects/p1/list_users', { fields: ['user_username'] }).catch(() => undefined);
    await waldur.create('marketplace-orders', { project: 'http://w/api/projects/p1/' });
    await waldur.update('projects', 'p1', { name: 'n' }, 'PATCH');
    await waldur.remove('marketplace-orders', 'o1');
    await waldur.action('marketplace-orders', 'o1', 'approve_by_consumer');
    await waldur.me();
    expect(server.hits.map((h) => `${h.method} ${h.url}`)).toEqual([
      'GET /api/customers/c1/?field=uuid&field=name',
      'GET /api/marketplace-public-offerings/o1/plans/',
      'GET /api/projects/p1/list_users/?field=uuid&field=user_username',
      'POST /api/marketplace-orders/',
      'PATCH /api/projects/p1/',
      'DELETE /api/marketplace-orders/o1/',
      'POST /api/marketplace-orders/o1/approve_by_consumer/',
      'GET /api/users/me/',
    ]);
    expect(JSON.parse(server.hits[3].body)).toEqual({ project: 'http://w/api/projects/p1/' });
  });

  it('should retry reads but never writes', async () => {
    const { server, waldur } = await setup((req, res, _hit, i) => (i === 0 || req.method === 'POST' ? reply(res, 503, 'x') : reply(res, 200, [])));
    expect((await waldur.list('customers')).items).toEqual([]);
    await expect(waldur.action('resources', 'r1', 'terminate', {})).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(server.hits.map((h) => h.method)).toEqual(['GET', 'GET', 'POST']);
  });

  it('should reject ids that would change the route, before any request', async () => {
    const { server, waldur } = await setup((_req, res) => reply(res, 200, {}));
    await expect(waldur.retrieve('projects', '../customers')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(waldur.retrieve('projects', 'a/b')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(waldur.retrieve('projects', '')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(server.hits).toHaveLength(0);
  });

  it('should build the hyperlinks Waldur wants as input', async () => {
    const { client } = await setup((_req, res) => reply(res, 200, {}));
    expect(waldurUrlFor('https://w.example/api/', 'projects', 'p1')).toBe('https://w.example/api/projects/p1/');
    expect(waldurUrlFor('https://w.example/api', 'marketplace-public-offerings', 'o1')).toBe('https://w.example/api/marketplace-public-offerings/o1/');
    expect(publicPlanUrl('https://w.example/api/', 'o1', 'p1')).toBe('https://w.example/api/marketplace-public-offerings/o1/plans/p1/');
    expect(client.urlFor('customers', 'c1')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/customers\/c1\/$/);
  });

  it('should parse Link headers case-insensitively, with commas inside targets and missing relations', () => {
    expect(parseLinkHeader('<https://h/api/x/?customer=a,b>; REL="last", <https://h/api/x/?customer=a,b>; rel=first')).toEqual({
      first: 'https://h/api/x/?customer=a,b', last: 'https://h/api/x/?customer=a,b',
    });
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader('garbage')).toEqual({});
  });
});

import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createGateway } from '../../src/server.ts';
import { startSimulators } from '../../simulators/index.ts';
import { startOpenApiWaldur, type WaldurWorld } from './openapi-waldur.ts';
import { wideListQuery, wideLookupQuery } from './selections.ts';

const CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED',
  'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_ERROR', 'NOT_SUPPORTED']);
const UUID = 'f2c5a7f0b1e94c1f9d2d3e4f5a6b7c8d';

const QUERIES = [
  ...['customers', 'projects', 'resources', 'orders', 'offerings', 'backendResourceRequests'].map((root) => wideListQuery(root, 1)),
  ...['customer', 'project', 'resource', 'order', 'offering'].map((root) => wideLookupQuery(root, UUID, 1)),
  '{ customers { totalCount } projects { totalCount } resources(filter: { state: [OK] }) { totalCount } orders { totalCount } }',
  `{ viewer { uuid username isStaff } waldurVersion { version latestVersion supported } project(uuid: "${UUID.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')}") { uuid allocations { id } } }`,
  `{ nodes(ids: [${['Project', 'Resource', 'Order', 'Customer', 'Offering'].map((type) => `"${Buffer.from(`${type}:${UUID}`).toString('base64')}"`).join(', ')}]) { id ... on Resource { name state offering { name plans { name } } } } }`,
];

const worlds: fc.Arbitrary<WaldurWorld> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  optionalsProbability: fc.constantFrom(0.2, 0.6, 0.95),
  countOnGet: fc.boolean(),
  countOnHead: fc.boolean(),
  linkHeader: fc.boolean(),
  maxItems: fc.integer({ min: 0, max: 3 }),
});

describe('any response the Waldur 8.0.5 OpenAPI document allows', () => {
  let waldur: Awaited<ReturnType<typeof startOpenApiWaldur>>;
  let sims: Awaited<ReturnType<typeof startSimulators>>;
  let gateway: ReturnType<typeof createGateway>;
  let url: string;

  beforeAll(async () => {
    waldur = await startOpenApiWaldur();
    sims = await startSimulators({ orderStepMs: 60_000 });
    gateway = createGateway(loadConfig({
      PORT: '0', LOG_LEVEL: 'silent', WALDUR_URL: waldur.url, UPSTREAM_RETRIES: '0',
      ORCHESTRATION_URL: sims.orchestrationUrl, ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl,
      ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId, ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret,
      ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
      MAX_TOKENS: '100000', MAX_COST: '10000000', MAX_DEPTH: '20', MAX_ALIASES: '100',
    }), { logger: createLogger('silent') });
    url = await gateway.start();
  });

  afterAll(async () => {
    await gateway?.stop();
    await sims?.close();
    await waldur?.close();
  });

  it('should answer the representative queries with data, coded errors only, and no request the document lacks', async () => {
    await fc.assert(fc.asyncProperty(worlds, async (world) => {
      waldur.use(world);
      for (const query of QUERIES) {
        const response = await request(url, {
          method: 'POST', body: JSON.stringify({ query }),
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: 'Token generated' },
        });
        const result = (await response.body.json()) as { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };
        const context = `${query.slice(0, 60)}…`;
        expect(result.data, `${context} ${JSON.stringify(result.errors)}`).toBeTypeOf('object');
        for (const error of result.errors ?? []) {
          expect(CODES.has(error.extensions?.code ?? ''), `${context}: ${error.extensions?.code} ${error.message} at ${JSON.stringify(error.path)}`).toBe(true);
          expect(error.path, `${context}: ${error.message}`).toBeDefined();
        }
      }
      const sent = waldur.hits.map((h) => `${h.method} ${h.url}`);
      expect(sent.filter((line) => /=undefined|=null|=&|=$/.test(line.replace(/field=[a-z_]+/g, '')))).toEqual([]);
      expect(waldur.unknown).toEqual([]);
    }), { numRuns: 12, interruptAfterTimeLimit: 40_000, endOnFailure: true });
  }, 90_000);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

/** A second subgraph, as another team would run it: invoices that point at Junction's projects by key. */
const BILLING = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Query { invoices: [Invoice!]! }
  type Invoice { number: String! amount: Float! project: Project }
  type Project @key(fields: "uuid", resolvable: false) { uuid: String! }
`);

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
};
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

let stack: Stack;
let billing: Server;
let gateway: Server;
let gatewayUrl: string;
let projects: Array<{ uuid: string; name: string }>;

beforeAll(async () => {
  stack = await startStack({ env: { FEDERATION: 'true' } });
  projects = (await stack.query('{ projects(first: 2) { nodes { uuid name } } }', {}, 'staff')).data.projects.nodes;
  const invoices = projects.map((p, i) => ({ number: `INV-${i + 1}`, amount: 100 * (i + 1), project: { uuid: p.uuid } }));
  const billingSchema = buildSubgraphSchema({ typeDefs: BILLING, resolvers: { Query: { invoices: () => invoices } } as never });
  billing = createServer(createYoga({ schema: billingSchema, logging: false }));
  const billingUrl = await listen(billing);

  // Junction's subgraph SDL as a composition tool reads it: from `_service { sdl }`.
  const service = await stack.query('{ _service { sdl } }', {}, 'staff');
  const composed = composeServices([
    { name: 'junction', url: stack.url, typeDefs: parse(service.data._service.sdl) },
    { name: 'billing', url: billingUrl, typeDefs: BILLING },
  ]);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const runtime = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    // The caller's credentials go to every subgraph: Junction resolves entities with them.
    propagateHeaders: { fromClientToSubgraphs: ({ request: incoming }) => ({ authorization: incoming.headers.get('authorization') }) },
  });
  gateway = createServer(runtime);
  gatewayUrl = await listen(gateway);
});
afterAll(async () => {
  await Promise.all([gateway && close(gateway), billing && close(billing)]);
  await stack?.[Symbol.asyncDispose]();
});

async function throughGateway(query: string, token: string) {
  const response = await request(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.body.json()) as { data?: any; errors?: Array<{ message: string }> };
}

describe('Junction as a Federation v2 subgraph', () => {
  it('should serve _service and keep the plain schema clean of federation fields', async () => {
    const service = await stack.query('{ _service { sdl } }');
    expect(service.data._service.sdl).toMatch(/type Project[^{]*@key\(fields: "uuid"\)/);
    expect(service.data._service.sdl).toMatch(/type Payload[^{]*@key\(fields: "projectId allocationId payloadId"\)/);
    for (const type of ['Customer', 'Resource', 'Order', 'Offering']) expect(service.data._service.sdl).toMatch(new RegExp(`type ${type}[^{]*@key\\(fields: "uuid"\\)`));
    expect(service.data._service.sdl).toMatch(/type Allocation[^{]*@key\(fields: "projectId allocationId"\)/);
    const { readFileSync } = await import('node:fs');
    const plain = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(plain).not.toMatch(/\b_entities\b|\b_service\b|@key|\b_Any\b/);
  });

  it('should resolve a Junction entity referenced by the other subgraph, through a real gateway', async () => {
    await stack.resetLogs();
    const result = await throughGateway('{ invoices { number amount project { uuid name customer { name } } } }', stack.principal('staff').waldurToken);
    expect(result.errors).toBeUndefined();
    expect(result.data.invoices).toEqual(projects.map((p, i) => ({
      number: `INV-${i + 1}`, amount: 100 * (i + 1), project: { uuid: p.uuid, name: p.name, customer: { name: expect.any(String) } },
    })));
    // The gateway asked Junction through _entities, which read Waldur with the caller's own token.
    const calls = await stack.requests('waldur');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.headers.authorization).toBe(`Token ${stack.principal('staff').waldurToken}`);
  });

  it('should honour the caller\'s credentials in entity resolution: what they cannot see resolves to null', async () => {
    await stack.resetLogs();
    const token = stack.principal('nobody').waldurToken;
    const result = await throughGateway('{ invoices { number project { uuid name } } }', token);
    // The gateway keeps the key it already had (from billing); Junction gives nothing of its own for it.
    expect(result.data.invoices).toEqual(projects.map((p, i) => ({ number: `INV-${i + 1}`, project: { uuid: p.uuid, name: null } })));
    const calls = await stack.requests('waldur');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.headers.authorization).toBe(`Token ${token}`);
  });
});

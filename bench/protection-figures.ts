// The figures of issue 11 for this tree: `npx tsx bench/protection-figures.ts` (nodes fan-out, introspection bytes and time, trickled-body timeout).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { startSimulators } from '../simulators/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createGateway } from '../src/server.ts';

const sims = await startSimulators({ orderStepMs: 60_000 } as never);
const s = sims as any;
const env = (waldurUrl: string, extra: Record<string, string> = {}) => loadConfig({
  PORT: '0', LOG_LEVEL: 'silent', WALDUR_URL: waldurUrl, ORCHESTRATION_URL: s.orchestrationUrl, ORCHESTRATION_TOKEN_URL: s.orchestrationTokenUrl,
  ORCHESTRATION_CLIENT_ID: s.serviceAccount.clientId, ORCHESTRATION_CLIENT_SECRET: s.serviceAccount.clientSecret,
  ORCHESTRATION_REFRESH_TOKEN: s.serviceAccount.refreshToken,
  ...(s.waldur.orchestrationOfferingUuid ? { LINK_OFFERING_UUIDS: s.waldur.orchestrationOfferingUuid } : {}), ...extra,
} as never);
const gateway = createGateway(env(s.waldurUrl), { logger: createLogger('silent') } as never);
const url = await gateway.start();
const token = s.principals.find((p: any) => p.role === 'staff').waldurToken;
const post = async (u: string, query: string, variables?: unknown) => {
  const started = performance.now();
  const r = await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Token ${token}` }, body: JSON.stringify({ query, variables }) });
  const text = await r.text();
  return { ms: Math.round(performance.now() - started), bytes: text.length, body: JSON.parse(text) };
};
const control = async (base: string, method: string, path: string) => (await fetch(`${new URL(base).origin}/__sim/${path}`, { method })).json();

// 1. nodes(ids:): the largest request the gateway accepts
const uuids = (await post(url, '{ resources(first: 100) { nodes { uuid } } }')).body.data.resources.nodes.map((r: any) => r.uuid);
for (const n of [1700, 100]) {
  const ids = Array.from({ length: n }, (_, i) => Buffer.from(`Resource:${i < uuids.length ? uuids[i] : i.toString(16).padStart(32, '0')}`).toString('base64'));
  await control(s.waldurUrl, 'POST', 'reset');
  const r = await post(url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
  const calls = (await control(s.waldurUrl, 'GET', 'requests')).length;
  console.log(`nodes(ids:) with ${n} Resource ids (${JSON.stringify({ query: '', variables: { ids } }).length} B body): ${r.body.errors ? `refused: ${r.body.errors[0].message.slice(0, 90)}` : 'answered'}; Waldur calls: ${calls}`);
}
const link = s.waldur.links.find((l: any) => l.orchestrationProjectId && l.allocations.length >= 3);
if (link) {
  const ids = Array.from({ length: 100 }, (_, i) => Buffer.from(`Allocation:${encodeURIComponent(link.orchestrationProjectId)}/${encodeURIComponent(i < link.allocations.length ? link.allocations[i].id : `missing-${i}`)}`).toString('base64'));
  await control(s.orchestrationUrl, 'POST', 'reset');
  const r = await post(url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
  const calls = (await control(s.orchestrationUrl, 'GET', 'requests')).filter((q: any) => !String(q.path).includes('token')).length;
  console.log(`nodes(ids:) with 100 distinct Allocation ids of one project: ${r.body.errors ? 'refused' : 'answered'}; Orchestration calls: ${calls}`);
}

// 2. introspection
const walk = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { fields { type { fields { name } } } } }`).join(' ')} }`;
const full = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
const body = full.slice(full.indexOf('{', full.indexOf('query IntrospectionQuery')) + 1, full.indexOf('fragment FullType')).trim().replace(/}$/, '');
const two = `${full.slice(full.indexOf('fragment FullType'))}\nquery { s1: ${body} s2: ${body} }`;
for (const [name, q] of [['30 aliased two-level __schema walks', walk], ['one full introspection', full], ['two full introspections aliased', two]] as const) {
  const r = await post(url, q);
  console.log(`${name}: ${r.body.errors ? `refused (${r.body.errors[0].message.slice(0, 60)})` : 'answered'}; ${r.bytes} B in ${r.ms} ms`);
}

// 3. a body trickled one byte per 500 ms under the default UPSTREAM_TIMEOUT_MS (10 s)
const trickle = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => res.write(' '), 500);
  res.on('close', () => clearInterval(timer));
});
await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
const slow = createGateway(env(`http://127.0.0.1:${(trickle.address() as AddressInfo).port}/api/`, { UPSTREAM_RETRIES: '0' }), { logger: createLogger('silent') } as never);
const slowUrl = await slow.start();
const started = performance.now();
const outcome = await Promise.race([post(slowUrl, '{ viewer { username } }').then((r) => r.body.errors?.[0]?.message ?? 'answered'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 45_000))]);
console.log(`trickled body: ${outcome} after ${Math.round(performance.now() - started)} ms`);
trickle.closeAllConnections();
trickle.close();
await Promise.race([Promise.all([slow.stop(), gateway.stop()]), new Promise((resolve) => setTimeout(resolve, 3000))]);
await sims.close();
process.exit(0);

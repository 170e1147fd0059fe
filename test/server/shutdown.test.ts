import { request } from 'undici';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createGateway } from '../../src/server.ts';
import { startSimulators } from '../../simulators/index.ts';

async function gatewayOnSimulators() {
  const sims = await startSimulators({ orderStepMs: 60_000 });
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', POLL_INTERVAL_MS: '50',
    WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl, ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl,
    ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId, ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret,
    ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken, LINK_OFFERING_UUIDS: sims.waldur.orchestrationOfferingUuid,
  });
  const gateway = createGateway(config, { logger: createLogger('silent') });
  const url = await gateway.start();
  const token = `Token ${sims.principals.find((p) => p.name === 'staff')!.waldurToken}`;
  return { sims, gateway, url, token, waldurOrigin: new URL(sims.waldurUrl).origin };
}

describe('graceful shutdown', () => {
  it('should finish in-flight requests and complete subscriptions over WebSocket and SSE', async () => {
    const { sims, gateway, url, token, waldurOrigin } = await gatewayOnSimulators();
    try {
      const orders = await request(url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query: '{ orders(first: 1) { nodes { uuid } } }' }),
      });
      const uuid = ((await orders.body.json()) as any).data.orders.nodes[0].uuid;

      const ws = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0 });
      const wsEvents: unknown[] = [];
      const wsDone = new Promise<string>((resolve) => {
        ws.subscribe({ query: `subscription { orderUpdated(uuid: "${uuid}") { state } }` }, {
          next: (v) => wsEvents.push(v), error: () => resolve('error'), complete: () => resolve('complete'),
        });
      });

      const sse = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: token },
        body: JSON.stringify({ query: `subscription { orderUpdated(uuid: "${uuid}") { state } }` }),
      });
      const sseText = sse.body.text();

      while (wsEvents.length === 0) await new Promise((r) => setTimeout(r, 10));
      // A query still waiting for its upstream when shutdown begins must get its answer.
      await request(`${waldurOrigin}/__sim/faults`, { method: 'POST', body: JSON.stringify({ path: '^/api/users/me/$', delayMs: 300 }) });
      const inflight = request(url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query: '{ viewer { username } }' }),
      }).then(async (r) => r.body.json());
      await new Promise((r) => setTimeout(r, 50));

      await gateway.stop();
      expect(await inflight).toEqual({ data: { viewer: { username: 'sam.staff' } } });
      expect(await wsDone).toBe('complete');
      const events = await sseText;
      expect(events).toContain('"orderUpdated":{"state":');
      expect(events).toContain('event: complete');
      await ws.dispose();
    } finally {
      await sims.close();
    }
  });
});

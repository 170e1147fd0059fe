import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createGateway } from '../../src/server.ts';
import type { Stack } from './stack.ts';

/** A second gateway replica in cluster mode beside `stack`'s, on the same simulators and Redis; `wsUrl` for graphql-ws. */
export async function startReplica(stack: Stack, redisUrl: string, pollIntervalMs: string) {
  const gateway = createGateway(loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', POLL_INTERVAL_MS: pollIntervalMs, REDIS_URL: redisUrl,
    WALDUR_URL: stack.sims.waldurUrl, ORCHESTRATION_URL: stack.sims.orchestrationUrl,
    ORCHESTRATION_TOKEN_URL: stack.sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: stack.sims.serviceAccount.clientId,
    ORCHESTRATION_CLIENT_SECRET: stack.sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: stack.sims.serviceAccount.refreshToken,
    LINK_OFFERING_UUIDS: stack.sims.waldur.orchestrationOfferingUuid,
  }), { logger: createLogger('silent') });
  const url = await gateway.start();
  return { wsUrl: url.replace(/^http/, 'ws'), stop: () => gateway.stop() };
}

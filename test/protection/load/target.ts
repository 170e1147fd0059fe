/**
 * The process under load (run by load.test.ts with `node --expose-gc --import tsx`): the simulators and a production
 * gateway on loopback ports. Prints one JSON line with its URLs and the staff token, then serves `GET /heap`
 * (heap used after a full GC) on a side port, so the test can tell growth from garbage.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulators } from '../../../simulators/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { createGateway } from '../../../src/server.ts';

const sims = await startSimulators({ orderStepMs: 60_000 });
const config = loadConfig({
  PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', UPSTREAM_TIMEOUT_MS: '500', UPSTREAM_RETRIES: '1',
  WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl, ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl,
  ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId, ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret,
  ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken, LINK_OFFERING_UUIDS: sims.waldur.orchestrationOfferingUuid,
});
const gateway = createGateway(config, { logger: createLogger('silent') });
const url = await gateway.start();
const heap = createServer((_req, res) => {
  (globalThis as { gc?: () => void }).gc?.();
  res.end(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
});
await new Promise<void>((resolve) => heap.listen(0, '127.0.0.1', resolve));
const staff = sims.principals.find((p) => p.role === 'staff')!;
process.stdout.write(`${JSON.stringify({
  url, waldurUrl: sims.waldurUrl, heapUrl: `http://127.0.0.1:${(heap.address() as AddressInfo).port}/heap`, staffToken: staff.waldurToken,
})}\n`);
process.on('SIGTERM', () => {
  heap.close();
  void gateway.stop().then(() => sims.close()).then(() => process.exit(0));
});

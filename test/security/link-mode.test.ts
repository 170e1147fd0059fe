import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/server.ts';
import { startSimulators } from '../../simulators/index.ts';

/** Starts a gateway on the simulators with `env` and returns what it logged at start. */
async function startupLog(env: Record<string, string>) {
  const sims = await startSimulators({ orderStepMs: 60_000 });
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const gateway = createGateway(loadConfig({
    PORT: '0', WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl, ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl,
    ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId, ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret,
    ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken, ...env,
  }), { logger: pino({ level: 'info' }, sink) });
  try {
    await gateway.start();
  } finally {
    await gateway.stop();
    await sims.close();
  }
  return { warnings: lines.filter((l) => l.level === 40).map((l) => l.msg), infos: lines.filter((l) => l.level === 30).map((l) => l.msg), sims };
}

describe('the link mode is explicit', () => {
  it('should warn at start when the operator opts in to trusting a project field', async () => {
    const { warnings } = await startupLog({ LINK_TRUST_PROJECT_FIELD: 'backend_id' });
    expect(warnings).toEqual([expect.stringMatching(/LINK_TRUST_PROJECT_FIELD is set.*"backend_id".*safe only where the deployment makes that field staff-only/)]);
  });

  it('should say which offerings it trusts by default, and warn when none are configured', async () => {
    expect((await startupLog({ LINK_OFFERING_UUIDS: '0123456789abcdef0123456789abcdef' })).warnings).toEqual([]);
    expect((await startupLog({})).warnings).toEqual([expect.stringContaining('LINK_OFFERING_UUIDS is empty')]);
  });

  it('should refuse the removed LINK_PROJECT_FIELD and malformed offering uuids, saying what to use instead', () => {
    let error: unknown;
    try {
      loadConfig({ LINK_PROJECT_FIELD: 'backend_id', LINK_OFFERING_UUIDS: 'abc, 01234567-89ab-cdef-0123-456789ABCDEF' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^LINK_PROJECT_FIELD: removed, because a customer owner can write a project's backend_id.*LINK_OFFERING_UUIDS.*LINK_TRUST_PROJECT_FIELD/),
      'LINK_OFFERING_UUIDS: expected comma-separated Waldur uuids, received "abc"',
    ]);
    expect(loadConfig({ LINK_OFFERING_UUIDS: '01234567-89ab-cdef-0123-456789ABCDEF' }).links.offeringUuids).toEqual(['0123456789abcdef0123456789abcdef']);
  });
});

import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startSimulators } from '../../simulators/index.ts';
import { cleanEnv, freePort, isListening, JUNCTION_BIN, launch } from '../helpers/cli.ts';

const BANNER_URL = /Junction (http:\/\/127\.0\.0\.1:(\d+)\/graphql)/;

async function staffQuery(url: string, token: string, query: string) {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.body.json()) as { data?: any; errors?: unknown[] };
}

describe('npm start', () => {
  it('should build, run the README\'s SIM_SCALE=100 example, and stop on SIGTERM to the npm process', async () => {
    const port = await freePort();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const started = launch(npm, ['start'], cleanEnv({ PORT: String(port), SIM_SCALE: '100' }));
    try {
      const [, url] = await started.waitForOutput(BANNER_URL, 150_000);
      expect(url).toBe(`http://127.0.0.1:${port}/graphql`);
      const staff = started.stdout.match(/staff\s+staff\s+Authorization: Token (\S+)/)?.[1];
      expect(staff).toBeDefined();
      const result = await staffQuery(url, staff!, '{ resources(first: 1) { totalCount } }');
      expect(result.errors).toBeUndefined();
      expect(result.data.resources.totalCount).toBeGreaterThanOrEqual(10_000);

      const { code, signal } = await started.stop('SIGTERM');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(started.stderr).not.toMatch(/Error|at .*\.js:\d+/);
      expect(await isListening(port)).toBe(false);
    } finally {
      await started.stop('SIGKILL');
    }
  }, 200_000);
});

describe('junction serve banner', () => {
  it('should say which backend is embedded and which is real, with only the tokens that work', async () => {
    const waldur = await startSimulators({ orderStepMs: 60_000 });
    const port = await freePort();
    const started = launch(process.execPath, [JUNCTION_BIN, 'serve'], cleanEnv({ PORT: String(port), WALDUR_URL: waldur.waldurUrl }));
    try {
      await started.waitForOutput(/Stop with Ctrl-C/, 90_000);
      const out = started.stdout;
      expect(out).toContain(`  Waldur        ${waldur.waldurUrl}   (WALDUR_URL)`);
      expect(out).toMatch(/  Orchestration http:\/\/127\.0\.0\.1:\d+\/api\/v0   \(embedded simulator: ORCHESTRATION_URL is unset\)/);
      expect(out).toContain('Demo principals of the embedded simulator (send as X-Orchestration-Authorization (pass-through)):');
      expect(out).not.toContain('Authorization: Token');
      expect(out).not.toContain('demo staff token');
      expect(out).not.toContain('running on the embedded simulators');
    } finally {
      await started.stop();
      await waldur.close();
    }
  }, 120_000);

  it('should not advertise GraphiQL in production, and serve none', async () => {
    const port = await freePort();
    const started = launch(process.execPath, [JUNCTION_BIN], cleanEnv({ PORT: String(port), NODE_ENV: 'production' }));
    try {
      const [, url] = await started.waitForOutput(BANNER_URL, 90_000);
      await started.waitForOutput(/Stop with Ctrl-C/, 90_000);
      expect(started.stdout).toContain('  GraphiQL      off (NODE_ENV=production)');
      expect(started.stdout).not.toMatch(/tabs/);
      expect(started.stdout).toMatch(/Waldur        http:\/\/127\.0\.0\.1:\d+\/api\/   \(embedded simulator: WALDUR_URL is unset\)/);
      const page = await request(url, { headers: { accept: 'text/html' } });
      expect(await page.body.text()).not.toMatch(/graphiql/i);
    } finally {
      await started.stop();
    }
  }, 120_000);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createGateway, type Gateway } from '../../src/server.ts';
import { startSimulators } from '../../simulators/index.ts';
import { ARTIFACTS, browserMissing, launchBrowser } from '../helpers/browser.ts';

const missing = browserMissing();

/** Simulators and a gateway that the test can stop and start again on the same port (a restart). */
async function startBoardStack() {
  execFileSync(process.execPath, ['--import', 'tsx', 'board/build.ts'], { cwd: join(import.meta.dirname, '../..'), stdio: 'pipe' });
  const sims = await startSimulators({ orderStepMs: 300 });
  const env = {
    LOG_LEVEL: 'silent', POLL_INTERVAL_MS: '100', WALDUR_URL: sims.waldurUrl, ORCHESTRATION_URL: sims.orchestrationUrl,
    ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl, ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId,
    ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret, ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
    LINK_OFFERING_UUIDS: sims.waldur.orchestrationOfferingUuid,
  };
  const demoPrincipals = sims.principals.map((p) => ({ name: p.name, role: p.role, token: p.waldurToken }));
  let port = '0';
  let gateway: Gateway | undefined;
  const start = async () => {
    gateway = createGateway(loadConfig({ ...env, PORT: port }), { logger: createLogger('silent'), demoPrincipals });
    const url = await gateway.start();
    port = new URL(url).port;
    return new URL('/', url).href;
  };
  const base = await start();
  return {
    base, sims,
    stopGateway: async () => gateway?.stop(),
    startGateway: start,
    async [Symbol.asyncDispose]() {
      await gateway?.stop();
      await sims.close();
    },
  };
}

describe.skipIf(missing)(`the operations board in chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let stack: Awaited<ReturnType<typeof startBoardStack>>;
  beforeAll(async () => {
    stack = await startBoardStack();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => stack?.[Symbol.asyncDispose]());

  it('should sign in with a demo token, show live payload states, place an order that reaches DONE, and recover after a restart', async () => {
    await using browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(stack.base);

    expect(await accessibilityProblems(page)).toEqual([]);

    // A wrong token gets a clear message, and the sign-in form stays.
    await page.getByLabel('Waldur API token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Waldur did not accept this token');

    // A demo principal signs in with one click (keyboard: focus and Enter).
    const staffButton = page.getByRole('button', { name: 'Sign in as staff (staff)' });
    await staffButton.focus();
    await page.keyboard.press('Enter');
    await page.locator('#connection[data-state="live"]').waitFor();

    // A linked project with game servers: its card shows resources, the allocation and payload state badges.
    const staffToken = stack.sims.principals.find((p) => p.name === 'staff')!.waldurToken;
    const visible = await graphql(stack.base, staffToken, '{ projects(first: 12) { nodes { uuid } } }');
    const link = stack.sims.waldur.links.filter((l) => l.allocations.length > 0)
      .find((l) => visible.data.projects.nodes.some((p: any) => p.uuid === l.waldurProjectUuid));
    expect(link, 'a linked project among the first 12').toBeDefined();
    const card = page.locator(`details[data-project="${link!.waldurProjectUuid}"]`);
    if (!(await card.evaluate((d) => (d as HTMLDetailsElement).open))) await card.locator('summary').click();
    const payloadRows = card.locator('tr[data-payload]');
    await payloadRows.first().waitFor();
    const states = await payloadRows.locator('.badge').allTextContents();
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => /^(CREATING|ERROR|PREPARING|READY|RESERVED|SHUTDOWN|STARTING|UNHEALTHY)$/.test(s))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'board-signed-in.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // Order a game server through the form; the provider accepts it; the order reaches DONE and its resource appears.
    await page.getByLabel('Project', { exact: true }).selectOption(link!.waldurProjectUuid);
    await page.getByLabel('Offering', { exact: true }).selectOption({ label: 'Game server hosting' });
    await page.getByLabel('Resource name').fill('board-arena-1');
    await page.getByRole('button', { name: 'Place order' }).click();
    const progress = page.locator('#order-progress');
    await progress.locator('li').first().waitFor();
    const orderUuid = await progress.getAttribute('data-order');
    expect(orderUuid).toMatch(/^[0-9a-f]{32}$/);
    const placedState = await progress.locator('li').first().getAttribute('data-order-state');
    if (placedState !== 'EXECUTING' && placedState !== 'DONE') await sim(stack.sims.waldurUrl, 'advance', { order: orderUuid, to: 'executing' });
    await progress.locator('li[data-order-state="DONE"]').waitFor();
    const resourceRow = card.locator('li.resource', { hasText: 'board-arena-1' });
    await resourceRow.locator('[data-allocation]').waitFor();
    await expect.poll(() => resourceRow.locator('.badge').first().textContent()).toBe('OK');
    await page.screenshot({ path: join(ARTIFACTS, 'board-order-done.png'), fullPage: true });
    await page.screenshot({ path: join(ARTIFACTS, 'board.png') });

    // A gateway restart: the badge shows the outage, then the board reconnects and keeps following changes.
    await stack.stopGateway();
    await page.locator('#connection:not([data-state="live"])').waitFor();
    await stack.startGateway();
    await page.locator('#connection[data-state="live"]').waitFor({ timeout: 20_000 });
    const firstPayload = link!.allocations[0]!.id;
    const row = card.locator(`[data-allocation="${firstPayload}"] tr[data-payload]`).first();
    const payloadId = await row.getAttribute('data-payload');
    const crashFrom = await row.locator('.badge').textContent();
    await sim(stack.sims.orchestrationUrl, `payloads/${link!.orchestrationProjectId}/${firstPayload}/${payloadId}/crash`);
    await expect.poll(() => card.locator(`tr[data-payload="${payloadId}"] .badge`).first().textContent(), { timeout: 15_000 }).not.toBe(crashFrom);
    await page.screenshot({ path: join(ARTIFACTS, 'board-after-restart.png'), fullPage: true });
  }, 90_000);
});

/** WCAG 2 A/AA violations axe-core finds (labels, contrast, names, roles), as `rule: selectors` lines. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function graphql(base: string, token: string, query: string) {
  const response = await request(new URL('/graphql', base), {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Token ${token}` }, body: JSON.stringify({ query }),
  });
  return (await response.body.json()) as any;
}

async function sim(baseUrl: string, path: string, body: unknown = {}) {
  const response = await request(`${new URL(baseUrl).origin}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.body.text();
  if (response.statusCode >= 300) throw new Error(`/__sim/${path} answered ${response.statusCode}`);
}

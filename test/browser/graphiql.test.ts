import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, freePort, JUNCTION_BIN, launch } from '../helpers/cli.ts';
import { CHROMIUM, graphiql, openBrowser } from './graphiql-page.ts';

// CI installs Debian's chromium (.ci/run) and must run this; elsewhere a machine without it skips by name.
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get (chromium)`);

describe.skipIf(!available)(`GraphiQL in Debian's chromium (${CHROMIUM}), offline`, () => {
  let server: ReturnType<typeof launch>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    // The real CLI, as a newcomer starts it; orders step and subscriptions poll fast so the tab reaches DONE soon.
    server = launch(process.execPath, [JUNCTION_BIN, 'serve'], cleanEnv({ PORT: String(port), SIM_ORDER_STEP_MS: '400', POLL_INTERVAL_MS: '100' }));
    [, url] = await server.waitForOutput(/Junction (http:\S+\/graphql)/, 90_000);
    browser = await openBrowser();
    await browser.page.goto(url);
    await browser.page.waitForSelector('.graphiql-tab-button', { timeout: 60_000 });
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should load from the gateway alone, with every example tab and the demo token', async () => {
    const ui = graphiql(browser.page);
    expect(await ui.tabNames()).toEqual(['Viewer', 'Dashboard', 'RecentOrders', 'ProjectPlans', 'GameServers', 'ReservePayload', 'PickOrderInputs']);
    const staffToken = server.stdout.match(/staff\s+staff\s+Authorization: (Token \S+)/)![1];
    expect(await ui.editorText('Headers')).toContain(`"Authorization": "${staffToken}"`);
    await ui.screenshot('first-load');
    expect(browser.offLoopback).toEqual([]);
  }, 90_000);

  it.each([
    ['Viewer', /"username": "sam\.staff"/],
    ['Dashboard', /"customers": \{\s+"totalCount": \d+/],
    ['RecentOrders', /"orders": \{\s+"totalCount": \d+/],
    ['ProjectPlans', /"plans": \[/],
    ['GameServers', /"orchestrationProjectId":\s+"[\w-]+"[\s\S]*"allocationId":\s+"[0-9a-f-]{36}"/],
    ['ReservePayload', /"__typename": "ReservePayloadSuccess"[\s\S]*"state": "RESERVED"/],
  ])('should run the %s tab as written and show its data', async (tab, shows) => {
    const ui = graphiql(browser.page);
    await ui.selectTab(tab);
    await ui.run();
    const result = await ui.waitForResult(/"data"|"errors"/);
    await ui.screenshot(tab);
    expect(result).not.toContain('"errors"');
    expect(result).toMatch(shows);
  }, 60_000);

  it('should create a game-server order and watch it live to DONE, with the resource read afresh', async () => {
    const ui = graphiql(browser.page);
    await ui.selectTab('PickOrderInputs');
    await ui.run('PickOrderInputs');
    expect(await ui.waitForResult(/"offerings"/)).not.toContain('"errors"');

    await ui.run('CreateOrder');
    const created = await ui.waitForResult(/"__typename": "CreateOrderSuccess"[\s\S]*"uuid": "[0-9a-f]{32}"/);
    const orderUuid = created.match(/"order":\s+\{\s+"uuid":\s+"([0-9a-f]{32})"/)![1];

    const variables = await ui.variables();
    expect(variables).toMatchObject({ projectUuid: expect.stringMatching(/^[0-9a-f]{32}$/), offeringUuid: expect.stringMatching(/^[0-9a-f]{32}$/) });
    await ui.setVariables(JSON.stringify({ ...variables, orderUuid }));
    await ui.screenshot('WatchOrder-variables');
    await ui.run('WatchOrder');
    const done = await ui.waitForResult(/"state":\s+"DONE"/, 60_000);
    await ui.screenshot('WatchOrder-done');
    expect(done).toContain(`"uuid": "${orderUuid}"`);
    expect(done).toMatch(/"resource":\s+\{\s+"name":\s+"my-first-server",\s+"state":\s+"OK"/);
    expect(browser.offLoopback).toEqual([]);
  }, 120_000);
});

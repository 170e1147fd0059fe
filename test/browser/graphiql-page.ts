import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

// Debian's chromium, offline: no first-run, sync, component updates or background fetches; QUIC off.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's chromium on a fresh profile; every request that leaves loopback is aborted and recorded. */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'junction-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1400 },
  });
  const offLoopback: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    offLoopback.push(url.href);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    offLoopback,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the GraphiQL page offers, driven the way a person drives it: tabs, the Run button, the editors. */
export function graphiql(page: Page) {
  const text = async (selector: string) => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
  return {
    tabNames: () => page.locator('.graphiql-tab-button').allInnerTexts(),
    async selectTab(name: string, operation = name) {
      // GraphiQL's tabs are a drag-to-reorder list: a plain press and release selects one.
      for (let attempt = 0; attempt < 20; attempt++) {
        const box = await page.locator(`.graphiql-tab-button[title="${name}"]`).boundingBox();
        if (box) {
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.down();
          await page.mouse.up();
        }
        const active = await page.locator('.graphiql-tab-active .graphiql-tab-button').innerText().catch(() => '');
        // The editor follows the selected tab a moment later; running before that would run the previous tab.
        if (active === name && (await text('.graphiql-query-editor .view-lines').catch(() => '')).includes(` ${operation}`)) {
          // GraphiQL learns the new tab's operation a moment after showing it; Run before that sends the old name.
          const settled = await page.waitForFunction((op) => {
            const state = JSON.parse(localStorage.getItem('graphiql:tabState') ?? '{}');
            return state.tabs?.[state.activeTabIndex]?.operationName === op;
          }, operation, { timeout: 5000 }).then(() => true, () => false);
          if (settled) return;
        }
        await page.waitForTimeout(250);
      }
      throw new Error(`could not select the GraphiQL tab ${name}`);
    },
    /** Runs the tab's only operation, or the named one from the Run button's menu. */
    async run(operationName?: string) {
      await page.locator('.graphiql-execute-button').click();
      if (operationName) await page.getByRole('menuitem', { name: operationName, exact: true }).click();
    },
    result: () => text('.result-window .view-lines'),
    /** Polls the result pane until it matches (or the deadline passes); returns its text. */
    async waitForResult(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      let shown = '';
      while (Date.now() < deadline) {
        shown = await text('.result-window .view-lines').catch(() => '');
        if (pattern.test(shown)) return shown;
        await page.waitForTimeout(200);
      }
      throw new Error(`the result pane never showed ${pattern}; it shows:\n${shown}`);
    },
    async editorText(pane: 'Variables' | 'Headers') {
      await page.getByRole('tab', { name: pane }).or(page.getByText(pane, { exact: true })).first().click();
      return text('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines');
    },
    /** The active tab's Variables pane, as GraphiQL keeps it (its persisted tab state, not the wrapped screen text). */
    async variables(): Promise<Record<string, unknown>> {
      const state = JSON.parse(await page.evaluate(() => localStorage.getItem('graphiql:tabState') ?? '{}'));
      return JSON.parse(state.tabs[state.activeTabIndex].variables);
    },
    /** Replaces the Variables pane's text, as a person selecting all and pasting would. */
    async setVariables(json: string) {
      await page.getByText('Variables', { exact: true }).first().click();
      await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(json);
    },
    screenshot: (name: string) => page.screenshot({ path: join(ARTIFACTS, `graphiql-${name}.png`) }),
  };
}

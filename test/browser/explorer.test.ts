/**
 * Issue 15: the explorer in a real browser (Debian's chromium), with every
 * request beyond this machine refused: it loads, takes the token from
 * ?token=, runs saved operations of the walk and shows their data.
 * Screenshots go to test-output/browser/ (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '@scr/testing';
import { bundleExplorer } from '../../gateway/explorer/bundle';
import { launchChromium } from './launch-chromium';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'browser');

let t: TestPlatform;
let browser: Browser;
let page: Page;
const offMachine: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  await bundleExplorer({ ifNeeded: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  t = await startTestPlatform({ database: 'sqlite' });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // No network beyond localhost: anything else is refused and remembered.
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    offMachine.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The text CodeMirror shows in the response pane. */
async function responseText(): Promise<string> {
  return page.locator('.result-window .CodeMirror-code').innerText();
}

/** Runs the tab's only operation with the play button. */
async function runOnlyOperation() {
  await page.locator('.graphiql-execute-button').click();
}

/**
 * Runs one operation of a tab holding several, as a user would: cursor in it, Ctrl+Enter
 * (GraphiQL runs the operation under the cursor). GraphiQL parses the editor's text 100 ms
 * after it changes and, in the same step, saves it as localStorage's `graphiql:query`: until
 * that shows the tab's text, GraphiQL still holds the previous tab's operations and would run
 * one of those (HTTP 400, no operation of that name), whichever way it is asked.
 */
async function runOperationAtCursor(name: string, tabText: string) {
  await expectEventually(async () => ((await page.evaluate<string | null>("localStorage.getItem('graphiql:query')")) ?? '').includes(tabText));
  await page.locator('.graphiql-query-editor .CodeMirror-line', { hasText: `mutation ${name}(` }).click();
  await page.keyboard.press('Control+Enter');
}

describe('the explorer in chromium', () => {
  it('opens with the token from ?token= in the headers, and takes it out of the address', async () => {
    const token = await t.token({ subject: 'explorer-user', roles: ['BOARD_MANAGER', 'BOARD_CHAIR'], board: 'LEEDS' });
    await page.goto(`${t.platform.gateway.url}?token=${token}`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-editor-tools').getByText('Headers', { exact: true }).click();
    await expectEventually(async () => (await page.locator('.graphiql-editor-tool').innerText()).includes(`Bearer ${token}`));
    expect(page.url()).toBe(t.platform.gateway.url);
  });

  it('shows the walk as saved tabs and runs the first with the token, showing the data', async () => {
    const titles = await page.locator('.graphiql-tab').allInnerTexts();
    expect(titles.map((title) => title.trim()).slice(0, 4)).toEqual(['Me', 'ReportIncident', 'RecordDecision', 'Reviewers']);
    await runOnlyOperation();
    await expectEventually(async () => (await responseText()).includes('"subject": "explorer-user"'));
    const shown = await responseText();
    for (const board of ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD']) expect(shown).toContain(`"code": "${board}"`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-me.png') });
  });

  it('reports an incident with the saved example of step 1, as it stands', async () => {
    await page.locator('.graphiql-tab', { hasText: 'ReportIncident' }).click();
    await runOperationAtCursor('ReportIncident', 'Walk 1 of 9');
    await expectEventually(async () => (await responseText()).includes('"reference"'));
    expect(await responseText()).toMatch(/"notifiable": true[\s\S]*"code": "LEEDS"/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-report-incident.png') });
    const incidents = await t.gql<{ incidents: { totalCount: number } }>(
      await t.token({ subject: 'check', roles: ['BOARD_MANAGER'], board: 'LEEDS' }),
      '{ incidents { totalCount } }',
    );
    expect(incidents.data?.incidents.totalCount).toBe(1);
  });

  it('called nothing beyond this machine, broke no Content-Security-Policy rule and logged no error', () => {
    expect(offMachine).toEqual([]);
    expect(problems).toEqual([]);
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the page never showed what was expected');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

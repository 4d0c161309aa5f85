/**
 * The trends page as an analyst uses it: open /trends in Debian's chromium,
 * paste a token, ask for a year by criterion, and see a chart per criterion
 * with a line for each of the five boards, and the small counts an analyst
 * may not see shown as suppressed. Nothing is loaded from beyond localhost.
 * A screenshot is left under test-output/browser/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInLondon } from '@scr/calendar';
import { incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';
import { launchChromium } from './launch-chromium';

const { bundleWeb } = require('../../scripts/build-web');

const BOARDS = ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD'];
const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'browser');
const today = todayInLondon();

let t: TestPlatform;
let browser: Browser;
let page: Page;
const outside: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  await bundleWeb();
  t = await startTestPlatform();
  // Every board: 8 seriously harmed children (shown, rounded to 10 for an analyst), 2 deaths and 3 looked-after deaths (suppressed).
  const awareOn = addDays(today, -3).slice(0, 4) === today.slice(0, 4) ? addDays(today, -3) : today;
  for (const board of BOARDS) {
    const manager = await t.token({ subject: `manager-${board}`, roles: ['BOARD_MANAGER'], board });
    for (let i = 0; i < 13; i++) {
      await reportIncident(
        t,
        manager,
        incidentInput(board, { criterion: i < 8 ? 'CHILD_SERIOUSLY_HARMED' : i < 10 ? 'CHILD_DIED' : 'LOOKED_AFTER_CHILD_DIED', awareOn, occurredOn: awareOn }),
      );
    }
  }
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, acceptDownloads: true });
  // A closed network: anything not on this machine is refused and remembered.
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

it('draws each criterion for the five boards and shows suppressed counts as such', async () => {
  const analyst = await t.token({ subject: 'trends-analyst', roles: ['ANALYST'] });
  const response = await page.goto(`http://127.0.0.1:${t.platform.gateway.port}/trends`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");

  await page.fill('#token', analyst);
  await page.fill('#from', `${today.slice(0, 4)}-01-01`);
  await page.fill('#to', today);
  await page.selectOption('#interval', 'YEAR');
  await page.selectOption('#by', 'CRITERION');
  await page.click('button[type=submit]');

  const harmed = page.locator('figure[data-key="CHILD_SERIOUSLY_HARMED"]');
  await harmed.locator('canvas').waitFor();
  fs.mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, 'trends-page.png'), fullPage: true });
  expect(await harmed.locator('canvas').getAttribute('data-series')).toBe(BOARDS.join(','));
  // The canvas holds a drawing, not a blank box.
  const inked = await page.evaluate(`(() => {
    const canvas = document.querySelector('figure[data-key="CHILD_SERIOUSLY_HARMED"] canvas');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n++;
    return n;
  })()`);
  expect(inked).toBeGreaterThan(1000);
  expect(await harmed.locator('tbody td').allTextContents()).toEqual(['10', '10', '10', '10', '10']);

  const died = page.locator('figure[data-key="CHILD_DIED"]');
  await expect(died.locator('.suppressed-note').textContent()).resolves.toContain(`LEEDS: ${today.slice(0, 4)}`);
  expect(await died.locator('td.suppressed').allTextContents()).toEqual(Array(5).fill('c (suppressed)'));
  // The page's CSV download: the same cells, "c" where suppressed.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  expect(download.suggestedFilename()).toBe(`incident-statistics_5-boards_${today.slice(0, 4)}-01-01_to_${today}_year_by_criterion.csv`);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain(`LEEDS,${today.slice(0, 4)},CRITERION,CHILD_DIED,c`);
  expect(csv).toContain(`WAKEFIELD,${today.slice(0, 4)},CRITERION,CHILD_SERIOUSLY_HARMED,10`);

  expect(outside).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

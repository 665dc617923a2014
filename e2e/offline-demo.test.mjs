/**
 * The offline demo (npm run start:mock): the enrolment server itself runs in the page behind the
 * MSW service worker, with no server process at all. A parent logs in with the face sheet, finds
 * the children, keeps upkeep; a reload keeps everything (the page's storage holds the server's data).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createStaticServer } from '../scripts/serve.ts';
import { launchBrowser, MOCK_BUILD_DIR, appReady, qa, login, currentPage } from './harness.mjs';

let site;
let browser;
before(async () => {
  site = createStaticServer(MOCK_BUILD_DIR);
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => site.close(resolve));
});

test('offline demo: the server in the page answers login, children and QA, and a reload keeps its data', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`http://127.0.0.1:${site.address().port}/#/pages/index/index`);
    await page.locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });
    await appReady(page);
    assert.equal((await qa(page, 'POST', '/__qa/reset', { scenario: 'registration-open' })).status, 200);
    await page.reload();
    await login(page);
    const names = await currentPage(page).locator('[data-testid="child-card"]').allInnerTexts();
    assert.ok(names.some((n) => n.includes('王子涵')), `children found: ${names.join(' / ')}`);
    const before = (await qa(page, 'GET', '/__qa/state')).body;
    await page.reload();
    await appReady(page);
    const afterReload = (await qa(page, 'GET', '/__qa/state')).body;
    assert.equal(afterReload.scenario, 'registration-open');
    assert.deepEqual(Object.keys(afterReload.children), Object.keys(before.children), 'the in-page server kept its data across the reload');
    assert.match(afterReload.now, /^2024-06-11T10:/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

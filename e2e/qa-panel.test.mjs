import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUpBrowserSuite, openApp, qa, screenshot, currentPage } from './harness.mjs';

const suite = setUpBrowserSuite();

const openPanel = async (page) => {
  await page.locator('#qa-entry').click();
  await page.getByRole('dialog', { name: '测试面板' }).waitFor();
};

test('QA panel: a clock preset moves the server time and the home page follows', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  await currentPage(page).locator('[data-testid="phase-card"]').waitFor();
  await openPanel(page);
  await screenshot(page, 'qa-panel');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '6-18 10:00 民办报名' }).click()]);
  const card = currentPage(page).locator('[data-testid="phase-card"]');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-phase'), 'privateRegistration');
  const state = await qa(page, 'GET', '/__qa/state');
  assert.match(state.body.now, /^2024-06-18T10:0/);
  await context.close();
});

test('QA panel: running the lottery decides a registered private application', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  const reset = await qa(page, 'POST', '/__qa/reset', { scenario: 'private-registered' });
  assert.equal(reset.status, 200);
  const before = await qa(page, 'GET', '/__qa/state');
  const app = Object.values(before.body.applications)[0];
  assert.equal(app.status, 'privateRegistered');
  await qa(page, 'POST', '/__qa/clock', { now: '2024-06-20T09:00:00+08:00' });
  await page.reload();
  await currentPage(page).locator('[data-testid="phase-card"]').waitFor();
  await openPanel(page);
  await page.getByLabel('学校编号').fill(app.schoolId);
  await page.getByRole('button', { name: '运行摇号并公布结果' }).click();
  await page.locator('[data-testid="qa-status"]', { hasText: '摇号' }).waitFor();
  const after = await qa(page, 'GET', '/__qa/state');
  const decided = after.body.applications[app.id];
  assert.ok(['lotteryWon', 'lotteryLost'].includes(decided.status), `status after the draw: ${decided.status}`);
  assert.ok(decided.lottery && decided.lottery.rank >= 1, 'the application knows its rank');
  assert.ok(Object.keys(after.body.draws).length >= 1, 'the draw is published');
  await context.close();
});

test('QA panel: the entry drags out of the way, stays there after a reload, and a tap still opens the panel', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url, { width: 360, height: 780 });
  const entry = page.locator('#qa-entry');
  const start = await entry.boundingBox();
  await page.mouse.move(start.x + 24, start.y + 24);
  await page.mouse.down();
  await page.mouse.move(40, 200, { steps: 6 });
  await page.mouse.up();
  const moved = await entry.boundingBox();
  assert.ok(Math.abs(moved.x - 16) <= 2 && Math.abs(moved.y - 176) <= 2, `entry at ${moved.x},${moved.y}`);
  assert.equal(await page.getByRole('dialog', { name: '测试面板' }).count(), 0, 'a drag must not open the panel');
  await page.reload();
  await currentPage(page).locator('[data-testid="phase-card"]').waitFor();
  const kept = await entry.boundingBox();
  assert.ok(Math.abs(kept.x - moved.x) <= 1 && Math.abs(kept.y - moved.y) <= 1, 'the position is kept for the tab');
  await openPanel(page);
  await context.close();
});


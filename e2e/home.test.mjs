import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUpBrowserSuite, openApp, qa, screenshot, currentPage } from './harness.mjs';

const suite = setUpBrowserSuite();

const phaseCard = (page) => currentPage(page).locator('[data-testid="phase-card"]');

test('home shows the phase at the mock server time, and the QA clock moves it', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  await phaseCard(page).waitFor();
  assert.match(await phaseCard(page).innerText(), /子女信息维护进行中/);
  assert.equal(await phaseCard(page).getAttribute('data-phase'), 'upkeep');
  await screenshot(page, 'home-upkeep');
  // The help tile's label never breaks inside a word, at the phone width and in 长辈版 alike.
  const words = currentPage(page).locator('.tile-word');
  assert.deepEqual(await words.allInnerTexts(), ['政策查看', '联系我们']);
  for (const lines of await words.evaluateAll((els) => els.map((el) => el.getClientRects().length))) assert.equal(lines, 1);

  const moved = await qa(page, 'POST', '/__qa/clock', { now: '2024-06-18T10:00:00+08:00' });
  assert.equal(moved.status, 200);
  await page.reload();
  await phaseCard(page).waitFor();
  assert.equal(await phaseCard(page).getAttribute('data-phase'), 'privateRegistration');
  assert.match(await phaseCard(page).innerText(), /民办学校报名进行中/);
  await screenshot(page, 'home-private-registration');
  await context.close();
});

test('nightly maintenance shows when the service reopens, never a raw error', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  await qa(page, 'POST', '/__qa/clock', { now: '2024-05-08T23:00:00+08:00' });
  await page.reload();
  await phaseCard(page).waitFor();
  const text = await phaseCard(page).innerText();
  assert.match(text, /系统维护中/);
  assert.match(text, /5月9日 08:00/);
  assert.equal(await phaseCard(page).getAttribute('data-phase'), 'none');
  await screenshot(page, 'home-maintenance');
  await context.close();
});

test('a reload keeps the mock state (the clock QA set is still there)', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  await qa(page, 'POST', '/__qa/clock', { now: '2024-06-21T09:00:00+08:00' });
  await page.reload();
  await phaseCard(page).waitFor();
  const state = await qa(page, 'GET', '/__qa/state');
  assert.match(state.body.now, /^2024-06-21T09:0/);
  // No district and no application: the city-wide registration, not the fallback (which is for
  // children not admitted to a private school, and shown as such on their application).
  assert.equal(await phaseCard(page).getAttribute('data-phase'), 'registration');
  await context.close();
});

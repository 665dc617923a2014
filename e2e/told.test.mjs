/**
 * Being told (issue 15, items 15–17) in Chromium against the dev host: a reviewer takes the
 * application into review (审核中, with the 10-working-day promise on 办件详情) and later asks for
 * 补正; the parent sees 消息 with its unread count in 个人中心, allows pushes in the host's consent
 * sheet, opens the message (marked read, 办件详情 opens), and the day before the 补正 deadline gets a
 * reminder in 消息 and a push (the simulated host's, masked name only). QA only plays the district.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUpBrowserSuite, openApp, qa, screenshot, currentPage, go, button, visible, login, appReady } from './harness.mjs';

const suite = setUpBrowserSuite();

/** After a QA clock jump the session expired in server time: 刷脸 again and back to the same page. */
async function reopen(page) {
  const before = page.url();
  await page.reload();
  await appReady(page);
  await page.waitForURL(/pages\/login/, { timeout: 3500 }).catch(() => undefined);
  if (/pages\/login/.test(page.url()) && !/pages\/login/.test(before)) {
    await button(page, '开始刷脸').click();
    await page.locator('[data-testid="face-sheet"] [data-identity="two-children"]').click();
    const path = before.split('#')[1].split('?')[0];
    await page.waitForURL((url) => url.href.includes(path), { timeout: 15000 });
    await page.waitForTimeout(300);
  }
}

test('a reviewer starts, then asks for 补正: the parent is told in 消息, by push, and reminded the day before', async () => {
  const { context, page } = await openApp(suite.browser, suite.server.url);
  try {
    const reset = await qa(page, 'POST', '/__qa/reset', { scenario: 'submitted' });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    await page.reload();
    await appReady(page);
    await login(page);
    const app = Object.values((await qa(page, 'GET', '/__qa/state')).body.applications)[0];

    // The district takes it into review without deciding: 审核中 with the promise.
    const started = await qa(page, 'POST', '/__qa/review', { applicationId: app.id, action: 'start-review' });
    assert.equal(started.body.application.status, 'underReview');
    await go(page, `/pages/my/application/index?id=${app.id}`);
    await currentPage(page).locator('[data-testid="status"]').filter({ hasText: '审核中' }).waitFor();
    const promise = currentPage(page).locator('[data-testid="review-promise"]');
    await promise.filter({ hasText: '区县将在提交后10个工作日内完成审核，最迟6月25日（含当日）告知结果' }).waitFor();

    // Later it asks for 补正, due 6-14 (reminded on 6-13 00:00).
    const asked = await qa(page, 'POST', '/__qa/review', { applicationId: app.id, action: 'request-correction', reason: '户口簿照片不清晰', items: ['householdRegister'], dueAt: '2024-06-14T00:00:00+08:00' });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));

    // 个人中心 counts it; 消息 lists it unread.
    await go(page, '/pages/my/index');
    const row = button(page, '消息，1条未读');
    await row.waitFor();
    await row.click();
    await page.waitForURL(/pages\/my\/messages\/index/);
    const unread = currentPage(page).getByRole('button', { name: /^未读，需要补正材料，/ });
    await unread.waitFor();
    assert.match(await unread.innerText(), /王\*涵的报名材料需要补正/);
    assert.doesNotMatch(await currentPage(page).innerText(), /王子涵/);
    await screenshot(page, 'told-messages-unread');

    // Pushes: the host's consent sheet, allowed.
    await button(page, '开启消息提醒').click();
    const sheet = page.locator('[data-testid="consent-sheet"]');
    await sheet.waitFor();
    await sheet.getByRole('button', { name: '允许' }).click();
    await visible(page, '已开启10类消息提醒');

    // Opening it marks it read and shows the application's 补正.
    await unread.click();
    await page.waitForURL(/pages\/my\/application\/index\?id=/);
    await currentPage(page).locator('[data-testid="correction"]').waitFor();
    await go(page, '/pages/my/index');
    await button(page, '消息').waitFor();

    // The day before the deadline: a reminder in 消息 and a push through the host.
    await qa(page, 'POST', '/__qa/clock', { now: '2024-06-13T10:00:00+08:00' });
    await go(page, '/pages/my/messages/index');
    await reopen(page);
    await currentPage(page).getByRole('button', { name: /^未读，补正即将截止，/ }).waitFor();
    await visible(page, '1条未读消息');
    const { pushes } = (await qa(page, 'GET', '/__qa/pushes')).body;
    assert.deepEqual(pushes.map((p) => p.kind), ['correctionDue']);
    assert.match(pushes[0].body, /王\*涵/);
    assert.doesNotMatch(JSON.stringify(pushes), /王子涵|李娜|户口簿照片不清晰/);
    await screenshot(page, 'told-messages-reminder');
    // The dev host's panel shows what the phone received.
    await page.locator('#qa-entry').click();
    await page.locator('[data-testid="qa-pushes"]').filter({ hasText: '补正即将截止' }).filter({ hasText: '王*涵' }).waitFor();
  } finally {
    await context.close();
  }
});

test('an overdue review is flagged on 办件详情', async () => {
  const { context, page } = await openApp(suite.browser, suite.server.url);
  try {
    await qa(page, 'POST', '/__qa/reset', { scenario: 'submitted' });
    await page.reload();
    await appReady(page);
    await login(page);
    const app = Object.values((await qa(page, 'GET', '/__qa/state')).body.applications)[0];
    await qa(page, 'POST', '/__qa/clock', { now: '2024-06-26T10:00:00+08:00' });
    await go(page, `/pages/my/application/index?id=${app.id}`);
    await reopen(page);
    const promise = currentPage(page).locator('[data-testid="review-promise"]');
    await promise.filter({ hasText: '已超过审核时限' }).waitFor();
    assert.match(await promise.innerText(), /审核已超过承诺的10个工作日/);
  } finally {
    await context.close();
  }
});

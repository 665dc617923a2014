/**
 * Parent journey II in Chromium against the mock: registration, 办件详情, withdraw and resubmit,
 * 补正, 入学确认, the e-notice PDF, the report code verified (and a tampered one rejected) on the
 * teachers' check-in page; the private lottery won and confirmed before 18:00, lost and followed by
 * the public fallback, and a confirmation at 18:00:01 refused. QA scenarios, the QA clock, reviewer
 * and lottery only arrange time and the district's side; every parent action goes through the UI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setUpBrowserSuite, openApp, qa, screenshot, currentPage, go, button, visible, login, chooseDistrict, uploadPhoto, uploadRequired, fillPublicApplication, NOTES_TICK, appReady } from './harness.mjs';

const suite = setUpBrowserSuite();

const UNIT = '500112003004GB00011F00010001';

const status = (page) => currentPage(page).locator('[data-testid="status"]');

/**
 * The page re-reads the server clock and state, as a parent reopening the app would. After a QA
 * clock jump the 2-hour session has expired in server time: the parent is sent to 刷脸 and, once
 * verified, brought back to the same page.
 */
async function reopen(page, identity = 'two-children') {
  const before = page.url();
  await page.reload();
  await appReady(page);
  // The page's first request answers 401 if the session expired in server time; give it a moment.
  if (!/pages\/login/.test(before)) await page.waitForURL(/pages\/login/, { timeout: 3500 }).catch(() => undefined);
  if (/pages\/login/.test(page.url()) && !/pages\/login/.test(before)) {
    await visible(page, '登录已过期，请重新刷脸');
    await button(page, '开始刷脸').click();
    await page.locator(`[data-testid="face-sheet"] [data-identity="${identity}"]`).click();
    const path = before.split('#')[1].split('?')[0];
    await page.waitForURL((url) => url.href.includes(path), { timeout: 15000 });
    await page.waitForTimeout(300);
  }
}

/**
 * Moves the server clock. The app reads the server time once per visit (as a phone would), so the
 * page is reopened unless the test wants the phone not to know yet.
 */
async function clock(page, now, { frozen = false, reload = true } = {}) {
  const r = await qa(page, 'POST', '/__qa/clock', { now, frozen });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  if (reload) await reopen(page);
}

/** A QA scenario, then a fresh visit so the app reads the scenario's clock. */
async function arrange(page, scenario) {
  const r = await qa(page, 'POST', '/__qa/reset', { scenario });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  await reopen(page);
}

async function expectStatus(page, label) {
  await status(page).filter({ hasText: label }).waitFor({ timeout: 15000 });
}

async function submitFromApplyPage(page, shotPrefix) {
  await button(page, '下一步：核对报名信息').click();
  await page.waitForURL(/pages\/apply\/review/);
  await visible(page, '核对报名信息');
  if (shotPrefix) await screenshot(page, `${shotPrefix}-review`);
  await button(page, '确认提交').click();
  await page.waitForURL(/pages\/apply\/result/);
  await visible(page, '提交成功');
  const number = (await currentPage(page).locator('[data-testid="application-number"]').innerText()).trim();
  assert.match(number, /\S{6,}/, 'the result shows the 办件编号');
  if (shotPrefix) await screenshot(page, `${shotPrefix}-result`);
  await button(page, '查看办件详情').click();
  await page.waitForURL(/pages\/my\/application\/index\?id=/);
  return { number, id: decodeURIComponent(new URL(page.url().replace('#', '')).searchParams.get('id')) };
}

/** On failure, what the phone showed (screenshots/j2-fail-*.png), to read next to the error. */
async function onFailure(page, name, error) {
  await page.screenshot({ path: `screenshots/j2-fail-${name}.png`, fullPage: true }).catch(() => undefined);
  throw error;
}

const storedDraftKeys = (page) => page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.includes('draft:')));

test('public: submit, withdraw and resubmit, 补正 answered, approved, confirmed, notice PDF, report code verified, tampered code rejected', async () => {
  const { page, context, consoleLines } = await openApp(suite.browser, suite.server.url);
  try {
    await arrange(page, 'registration-open');
    await login(page);
    await chooseDistrict(page, '渝北');

    // --- registration: choose, read the 申报须知, tick, 一键引用, check and submit
    await go(page, '/pages/apply/index?stage=primary');
    await visible(page, '报名先后不影响录取结果');
    await screenshot(page, 'j2-apply-start');
    await fillPublicApplication(page);
    await screenshot(page, 'j2-apply-filled');
    const first = await submitFromApplyPage(page, 'j2-apply');
    await expectStatus(page, '待审核');
    await visible(page, '办理进度');
    await screenshot(page, 'j2-application-submitted');

    // --- withdraw while 待审核 (Q18): back to an editable draft, then submitted again
    await button(page, '撤回申请').click();
    await currentPage(page).getByRole('alertdialog', { name: '确定撤回吗？' }).waitFor();
    await screenshot(page, 'j2-application-withdraw-confirm');
    await button(page, '确定撤回').click();
    await visible(page, '已撤回，可修改后重新提交');
    await expectStatus(page, '已撤回');
    await screenshot(page, 'j2-application-withdrawn');
    await button(page, '修改并重新提交').click();
    await page.waitForURL(/pages\/apply\/index\?stage=primary/);
    await visible(page, '您正在修改已撤回的申请，修改后请重新提交');
    // The tick is per submission: it must be given again before the next attempt.
    const tick = currentPage(page).getByRole('checkbox', { name: NOTES_TICK });
    assert.equal(await tick.getAttribute('aria-checked'), 'false');
    await tick.click();
    await uploadRequired(page);
    await screenshot(page, 'j2-apply-after-withdraw');
    const second = await submitFromApplyPage(page);
    await expectStatus(page, '待审核');

    // --- reviewer asks for 补正 of the 户口簿; the parent re-uploads it and resubmits
    const reason = '户口簿照片不清晰，请重新拍摄户主页和本人页';
    const corr = await qa(page, 'POST', '/__qa/review', { applicationId: second.id, action: 'request-correction', reason, items: ['householdRegister'] });
    assert.equal(corr.status, 200, JSON.stringify(corr.body));
    await reopen(page);
    await expectStatus(page, '待补正');
    const box = currentPage(page).locator('[data-testid="correction"]');
    assert.match(await box.innerText(), new RegExp(`审核意见：${reason}`));
    assert.equal(await button(page, '提交补正材料').getAttribute('aria-disabled'), 'true');
    await screenshot(page, 'j2-application-correction');
    await uploadPhoto(page, box, '户口簿');
    assert.equal(await button(page, '提交补正材料').getAttribute('aria-disabled'), 'false');
    await button(page, '提交补正材料').click();
    await visible(page, '补正材料已提交，等待复审');
    await expectStatus(page, '已补正，待复审');
    assert.equal(await button(page, '撤回申请').count(), 0, 'no withdrawal once review has started');
    await screenshot(page, 'j2-application-resubmitted');

    // --- approved; the parent confirms (入学确认) before 7-15
    assert.equal((await qa(page, 'POST', '/__qa/review', { applicationId: second.id, action: 'approve' })).status, 200);
    await clock(page, '2024-07-01T10:00:00+08:00');
    await expectStatus(page, '审核通过');
    await screenshot(page, 'j2-application-approved');
    // Binding: it asks once, saying what it means, before the place is taken.
    await button(page, '确认入学').click();
    await currentPage(page).getByRole('alertdialog', { name: '确定确认入学吗？' }).waitFor();
    assert.match(await currentPage(page).getByRole('alertdialog').innerText(), /确认不能撤回/);
    await screenshot(page, 'j2-application-confirm-ask');
    await button(page, '确定确认入学').click();
    await visible(page, '已确认入学');
    await expectStatus(page, '已确认入学');
    await screenshot(page, 'j2-application-confirmed');

    // --- 7-16: the e-notice, downloaded as a real PDF through the bridge
    await clock(page, '2024-07-16T10:00:00+08:00');
    await button(page, '查看电子入学通知书').click();
    await page.waitForURL(/pages\/my\/notice/);
    const notice = currentPage(page).locator('[data-testid="notice"]');
    await notice.waitFor();
    const noticeText = await notice.innerText();
    assert.match(noticeText, /入学通知书/);
    assert.match(noticeText, new RegExp(second.number));
    assert.doesNotMatch(noticeText, /50011220180312004X/, 'the child ID is masked on the notice');
    await screenshot(page, 'j2-notice');
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载 PDF').click()]);
    assert.match(download.suggestedFilename(), /^入学通知书-.+\.pdf$/);
    const file = await download.path();
    assert.equal(fs.readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    await visible(page, '通知书已下载');

    // --- the report code: a QR code and its text, verified on the teachers' check-in page
    await button(page, '查看报到码').click();
    await page.waitForURL(/pages\/child\/report-code/);
    const codeText = currentPage(page).locator('[data-testid="report-code-text"]');
    await codeText.waitFor();
    const code = (await codeText.innerText()).trim();
    assert.ok(code.length > 40, `report code text: ${code.length} characters`);
    assert.equal(await currentPage(page).getByRole('img', { name: /报到码二维码/ }).count(), 1);
    await screenshot(page, 'j2-report-code');

    await go(page, '/pages/service/checkin/index');
    await visible(page, /已加载2024年度核验公钥/);
    const textarea = currentPage(page).locator('textarea');
    await textarea.fill(code);
    await button(page, '核验').click();
    const result = currentPage(page).locator('[data-testid="checkin-result"]');
    await result.waitFor();
    assert.match(await result.innerText(), /✓ 报到码有效/);
    assert.match(await result.innerText(), new RegExp(second.number));
    // The school matches the child by the full reviewed name, the ID masked to its last four.
    assert.equal((await result.locator('[data-testid="checkin-child"]').innerText()).trim(), '王子涵');
    assert.match((await result.locator('[data-testid="checkin-child-id"]').innerText()).trim(), /^\*{14}004X$/);
    await screenshot(page, 'j2-checkin-valid');

    // One character changed in the middle of the code: the signature no longer holds.
    const at = Math.floor(code.length / 2);
    const tampered = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    await textarea.fill(tampered);
    await button(page, '核验').click();
    await result.waitFor();
    assert.match(await result.innerText(), /✗ (报到码无效|无法识别的报到码)/);
    assert.doesNotMatch(await result.innerText(), /✓ 报到码有效/);
    await screenshot(page, 'j2-checkin-tampered');

    // --- 个人中心 and 我的申请 show the history: the withdrawn first attempt and the admitted one
    await go(page, '/pages/my/applications/index');
    await currentPage(page).locator('.apps-item').first().waitFor();
    const listText = await currentPage(page).innerText();
    assert.match(listText, new RegExp(second.number));
    if (first.id !== second.id) assert.match(listText, new RegExp(first.number));
    await screenshot(page, 'j2-my-applications');
    assert.ok(!consoleLines.some((l) => l.includes('50011220180312004X')), 'no unmasked ID number in the console');
  } catch (error) {
    await onFailure(page, 'public', error);
  } finally {
    await context.close();
  }
});

test('个人中心: 长辈版 switch, and 退出登录 removes every draft on the phone', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  try {
    await arrange(page, 'registration-open');
    await login(page);
    await chooseDistrict(page, '渝北');
    // A registration draft started and left unfinished.
    await go(page, '/pages/apply/index?stage=primary');
    await currentPage(page).getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first().click();
    await currentPage(page).getByRole('radiogroup', { name: '学校性质', exact: true }).getByRole('radio', { name: /公办学校/ }).click();
    // An upkeep draft from the first half of the journey, typed and not saved.
    await go(page, '/pages/children/index');
    await currentPage(page).locator('[data-testid="child-card"]').first().waitFor();
    await go(page, '/pages/my/index');
    await visible(page, '我的申请');
    const before = await storedDraftKeys(page);
    assert.ok(before.some((k) => k.includes('draft:apply:primary')), `drafts before logout: ${before.join(', ')}`);

    const sw = currentPage(page).getByRole('switch', { name: '长辈版' });
    assert.equal(await sw.getAttribute('aria-checked'), 'false');
    await screenshot(page, 'j2-my');
    await sw.click();
    assert.equal(await sw.getAttribute('aria-checked'), 'true');
    await screenshot(page, 'j2-my-elder');
    await sw.click();

    await button(page, '退出登录').click();
    await currentPage(page).getByRole('alertdialog', { name: '确定退出登录吗？' }).waitFor();
    await button(page, '确定退出').click();
    await page.waitForURL(/pages\/index\/index/);
    assert.deepEqual(await storedDraftKeys(page), [], 'no draft left after logout');
  } catch (error) {
    await onFailure(page, 'my', error);
  } finally {
    await context.close();
  }
});

/**
 * Draws 王子涵's school on fresh `private-registered` states until the outcome is `wanted`, and
 * leaves the server in that state. Each draw salts its pseudonyms with a fresh secret, so a value
 * that won once does not win again after a reset: the state is kept, not the value.
 */
async function drawUntil(page, wanted) {
  for (let n = 1; n < 60; n++) {
    await qa(page, 'POST', '/__qa/reset', { scenario: 'private-registered' });
    const state = await qa(page, 'GET', '/__qa/state');
    const app = Object.values(state.body.applications)[0];
    // Before the 10:00 decision job, so QA's published value is the one drawn with.
    await clock(page, '2024-06-20T09:30:00+08:00', { reload: false });
    const randomness = `j2-${wanted}-${n}`;
    const draw = await qa(page, 'POST', '/__qa/lottery', { schoolId: app.schoolId, publicRandomness: randomness });
    assert.equal(draw.status, 200, JSON.stringify(draw.body));
    const after = await qa(page, 'GET', '/__qa/state');
    if (after.body.applications[app.id].status === wanted) return { randomness, id: app.id };
  }
  throw new Error(`no draw ended in ${wanted}`);
}

test('private: oversubscribed, lottery drawn, admitted, verified on the phone, confirmed before 18:00', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  try {
    await arrange(page, 'private-registered');
    await login(page);
    await go(page, '/pages/my/applications/index');
    const item = currentPage(page).locator('.apps-item').first();
    await item.waitFor();
    assert.match(await item.innerText(), /民办/);
    await item.click();
    await page.waitForURL(/pages\/my\/application/);
    await expectStatus(page, '待摇号');
    await screenshot(page, 'j2-application-private-registered');

    // 6-20: the district draws (QA publishes the randomness); the parent opens the result.
    const { randomness: winning, id: drawnId } = await drawUntil(page, 'lotteryWon');
    await reopen(page);
    await go(page, `/pages/my/application/index?id=${encodeURIComponent(drawnId)}`);
    await expectStatus(page, '摇号录取');
    await button(page, '查看录取结果和摇号过程').click();
    await page.waitForURL(/pages\/my\/lottery/);
    const result = currentPage(page).locator('[data-testid="lottery-result"]');
    await result.waitFor();
    assert.match(await result.innerText(), /摇号录取/);
    assert.match(await result.innerText(), /摇号顺序：第 \d+ 位/);
    const proof = currentPage(page).locator('[data-testid="lottery-proof"]');
    await proof.waitFor();
    const checks = await proof.getByRole('listitem').allInnerTexts();
    assert.equal(checks.length, 3);
    for (const line of checks) assert.match(line, /^✓/, `recomputed on the phone: ${line}`);
    assert.ok((await proof.innerText()).includes(winning), 'the published randomness is shown');
    await screenshot(page, 'j2-lottery-won');

    // A few minutes before 18:00: the live countdown, then 确认入学.
    await clock(page, '2024-06-20T17:55:00+08:00');
    await button(page, '去确认入学').click();
    await page.waitForURL(/pages\/my\/application/);
    const timer = currentPage(page).getByRole('timer');
    await timer.waitFor();
    assert.match(await timer.innerText(), /距民办学校入学确认截止/);
    await screenshot(page, 'j2-application-private-countdown');
    await button(page, '确认入学').click();
    // Private: confirming binds the place and ends the public fallback; it says so and asks once.
    assert.match(await currentPage(page).getByRole('alertdialog', { name: '确定确认入学吗？' }).innerText(), /（民办），不能撤回，也不能再报名公办学校/);
    await button(page, '确定确认入学').click();
    await visible(page, '已确认入学');
    await expectStatus(page, '已确认入学');
    await screenshot(page, 'j2-application-private-confirmed');
  } catch (error) {
    await onFailure(page, 'private-won', error);
  } finally {
    await context.close();
  }
});

test('private: lottery lost, waiting-list position, and the public fallback (公办兜底) applied for', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  try {
    await go(page, '/pages/index/index');
    const { id: appId } = await drawUntil(page, 'lotteryLost');
    const app = { id: appId };
    await login(page);

    // Two days later the parent opens the app again (刷脸 once more) and looks at the result.
    await reopen(page);
    await go(page, `/pages/my/lottery/index?id=${encodeURIComponent(app.id)}`);
    const result = currentPage(page).locator('[data-testid="lottery-result"]');
    await result.waitFor();
    assert.match(await result.innerText(), /未录取/);
    assert.match(await result.innerText(), /候补顺序：第 \d+ 位/);
    const checks = await currentPage(page).locator('[data-testid="lottery-proof"]').getByRole('listitem').allInnerTexts();
    for (const line of checks) assert.match(line, /^✓/);
    await screenshot(page, 'j2-lottery-lost');

    // 6-21: the public fallback opens for this child.
    await clock(page, '2024-06-21T10:00:00+08:00');
    await result.waitFor();
    await button(page, '报名公办学校').click();
    await page.waitForURL(/pages\/apply\/index\?stage=primary/);
    // The apply page finishes opening before the test moves on (a hash change mid-transition is lost).
    await visible(page, '当前区域是孩子9月就读学校所在的区县。');
    await page.waitForTimeout(500);
    await chooseDistrict(page, '渝北');
    await go(page, '/pages/apply/index?stage=primary');
    const p = currentPage(page);
    await p.getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first().click();
    await p.getByRole('radiogroup', { name: '学校性质', exact: true }).getByRole('radio', { name: /公办学校/ }).click();
    await visible(page, '公办兜底报名');
    await screenshot(page, 'j2-apply-fallback');
    await fillPublicApplication(page, { quoted: false });
    await button(page, '一键引用子女信息维护内容').click();
    const quoted = p.locator('[data-testid="quoted-upkeep"]');
    if (!(await quoted.isVisible().catch(() => false))) {
      await visible(page, '该子女还没有维护过信息');
      const field = (label) => p.getByLabel(label, { exact: true }).locator('input');
      await field('户籍地址（户口簿地址）').fill('重庆市渝北区龙溪街道金龙路1号');
      await field('实际居住地址').fill('重庆市渝北区龙溪街道金龙路1号');
      await field('不动产单元号').fill(UNIT);
      await field('监护人姓名').fill('李娜');
      await field('监护人手机号码').fill('13800138000');
    }
    await uploadRequired(page);
    const fallback = await submitFromApplyPage(page);
    await expectStatus(page, '待审核');
    assert.match(await currentPage(page).innerText(), /公办兜底/);
    await screenshot(page, 'j2-application-fallback');
    assert.notEqual(fallback.id, app.id);
  } catch (error) {
    await onFailure(page, 'private-lost', error);
  } finally {
    await context.close();
  }
});

test('private: a confirmation arriving at 18:00:01 is refused and the place is shown as forfeited', async () => {
  const { page, context } = await openApp(suite.browser, suite.server.url);
  try {
    await arrange(page, 'private-admitted');
    await login(page);
    const state = await qa(page, 'GET', '/__qa/state');
    const app = Object.values(state.body.applications)[0];
    await go(page, `/pages/my/application/index?id=${encodeURIComponent(app.id)}`);
    await clock(page, '2024-06-20T17:59:30+08:00');
    await currentPage(page).getByRole('timer').waitFor();
    await screenshot(page, 'j2-application-last-seconds');

    // The server's clock passes 18:00 while the parent's screen still offers the button.
    await clock(page, '2024-06-20T18:00:01+08:00', { frozen: true, reload: false });
    await button(page, '确认入学').click();
    await button(page, '确定确认入学').click();
    await visible(page, '操作未成功');
    await visible(page, '已逾期未确认，视为放弃该学位');
    assert.equal(await button(page, '确认入学').count(), 0);
    await screenshot(page, 'j2-application-forfeited');
    const after = await qa(page, 'GET', '/__qa/state');
    assert.notEqual(after.body.applications[app.id].status, 'confirmed');

    await reopen(page);
    await visible(page, '已逾期未确认，视为放弃该学位');
    assert.match(await currentPage(page).innerText(), /入学确认已于 6月20日 18:00 截止/);
    assert.equal(await button(page, '确认入学').count(), 0);
  } catch (error) {
    await onFailure(page, 'deadline', error);
  } finally {
    await context.close();
  }
});

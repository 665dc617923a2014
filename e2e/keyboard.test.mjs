/**
 * A parent who uses only a keyboard (Tab, Shift+Tab, Enter, Space, arrow keys), in Chromium: face
 * login, 当前区域, the home page's stage tabs, the help page's tabs (联系我们 reachable), a child's
 * upkeep reached from 我的子女 with its radios moved by the arrow keys and a refused save whose error
 * summary takes the focus and whose links move it to the field, and a photo picked through the
 * uploader on 我的材料.
 * Only a page address is ever typed (as a parent follows a link from elsewhere); nothing is clicked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUpBrowserSuite, openApp, currentPage, go, photoOf, screenshot } from './harness.mjs';

const suite = setUpBrowserSuite();

/** What has the keyboard focus: its role, accessible name and where it sits. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { role: 'body', name: '' };
    const name = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('title') || '').trim().replace(/\s+/g, ' ');
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      name,
      tag: el.tagName.toLowerCase(),
      selected: el.getAttribute('aria-selected'),
      checked: el.getAttribute('aria-checked'),
      identity: el.getAttribute('data-identity'),
      summary: el.getAttribute('data-testid') === 'error-summary',
      inSummary: Boolean(el.closest('[data-testid="error-summary"]')),
      // The field a native input belongs to (Taro's Input wraps it in an element with the field's id).
      fieldId: el.closest('[id^="upkeep-"]')?.id ?? null,
      group: (() => {
        const g = el.closest('[role="radiogroup"],[role="tablist"]');
        const by = g?.getAttribute('aria-labelledby');
        return g ? (g.getAttribute('aria-label') ?? (by ? document.getElementById(by)?.textContent?.trim() : null) ?? null) : null;
      })(),
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on what `want` accepts; fails after `max` presses. */
async function tabTo(page, want, what, { max = 80, back = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (want(f)) return f;
    seen.push(`${f.role} "${f.name.slice(0, 24)}"`);
  }
  throw new Error(`${what}: not reached by ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went through ${seen.slice(-20).join(' → ')}`);
}

const named = (role, name) => (f) => f.role === role && (typeof name === 'string' ? f.name === name : name.test(f.name));

async function waitForRoute(page, route) {
  await page.waitForFunction((r) => window.location.hash.includes(r), route, { timeout: 15000 });
  await currentPage(page).locator('[data-testid="page"]').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(600);
}

/** Starts a new page's keyboard walk from its top, as a page opened by a link does. */
async function fromTop(page) {
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.getSelection()?.removeAllRanges();
  });
}

test('keyboard only: login, home and help tabs, upkeep radios, uploader and the error summary', { timeout: 240_000 }, async () => {
  const { page, context, consoleLines } = await openApp(suite.browser, suite.server.url);
  try {
    // --- face login: 刷脸登录 on the home page, 开始刷脸, then the host's face screen
    await fromTop(page);
    await tabTo(page, named('button', '刷脸登录'), 'home 刷脸登录');
    await page.keyboard.press('Enter');
    await waitForRoute(page, 'pages/login/index');
    await fromTop(page);
    await tabTo(page, named('button', /开始刷脸/), 'login 开始刷脸');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="face-sheet"]').waitFor();
    // The host's modal sheet takes the focus (its first choice); the others are reached with Tab.
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="face-sheet"]') != null, null, { timeout: 5000 });
    if ((await focused(page)).identity !== 'two-children') await tabTo(page, (f) => f.identity === 'two-children', 'face sheet identity', { max: 20 });
    await page.keyboard.press('Enter');
    await waitForRoute(page, 'pages/children/index');
    await currentPage(page).locator('[data-testid="child-card"]').first().waitFor();

    // --- 当前区域 with the search field and the roving district list
    await go(page, '/pages/district/index');
    await waitForRoute(page, 'pages/district/index');
    await currentPage(page).getByRole('radio').first().waitFor();
    await fromTop(page);
    await tabTo(page, (f) => f.tag === 'input', 'district search field');
    await page.keyboard.type('渝北');
    // The list narrows as the parent types; the walk goes on once it shows only the match.
    await page.waitForFunction(() => [...document.querySelectorAll('[role="radio"]')].every((r) => r.textContent.includes('渝北')), null, { timeout: 10000 });
    const district = await tabTo(page, (f) => f.role === 'radio', 'district list');
    assert.match(district.name, /渝北区/);
    await page.keyboard.press('Space');
    await currentPage(page).locator('[data-testid="district-current"]').waitFor();

    // --- home: the stage tabs follow the arrow keys, the selected tab is the one in the tab order
    await go(page, '/pages/index/index');
    await waitForRoute(page, 'pages/index/index');
    await fromTop(page);
    const first = await tabTo(page, (f) => f.role === 'tab', 'home stage tabs');
    assert.match(first.name, /幼升小/);
    assert.equal(first.selected, 'true');
    await page.keyboard.press('ArrowRight');
    let tab = await focused(page);
    assert.match(tab.name, /小升初/, 'ArrowRight moves to 小升初');
    assert.equal(tab.selected, 'true', 'and selects it');
    assert.equal(await currentPage(page).getByRole('tab', { name: /幼升小/ }).getAttribute('aria-selected'), 'false');
    await page.keyboard.press('ArrowLeft');
    tab = await focused(page);
    assert.match(tab.name, /幼升小/);
    assert.equal(tab.selected, 'true');
    // Tab leaves the tab list (one stop for the whole list) and reaches the tiles below.
    await tabTo(page, named('button', '政策查看 · 联系我们'), 'home 政策查看 · 联系我们', { max: 40 });
    await page.keyboard.press('Enter');

    // --- help: 联系我们 is reachable with the arrow keys, and its call button with Tab
    await waitForRoute(page, 'pages/service/help/index');
    await currentPage(page).locator('[data-testid="policy"]').waitFor();
    await fromTop(page);
    const helpTab = await tabTo(page, (f) => f.role === 'tab', 'help tabs');
    assert.equal(helpTab.name, '政策查看');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).name, '联系我们');
    await currentPage(page).locator('[data-testid="contact"]').waitFor();
    await tabTo(page, named('button', /^拨打渝北区招生咨询电话$/), 'help 拨打电话', { max: 10 });
    await screenshot(page, 'keyboard-help-contact');

    // --- 我的子女 → 详情 → 子女信息维护, by Tab and Enter
    await go(page, '/pages/children/index');
    await waitForRoute(page, 'pages/children/index');
    await fromTop(page);
    await tabTo(page, named('button', /^查看.+的详情$/), 'children 详情');
    await page.keyboard.press('Enter');
    await waitForRoute(page, 'pages/child/detail/index');
    await fromTop(page);
    await tabTo(page, named('button', /^子女信息维护/), 'detail 子女信息维护');
    await page.keyboard.press('Enter');
    await waitForRoute(page, 'pages/child/upkeep/index');
    await currentPage(page).getByText('信息维护开放中').first().waitFor();

    // --- the 户籍地址 emptied with the keyboard, so the save below is refused on it
    await fromTop(page);
    const address = await tabTo(page, (f) => f.fieldId === 'upkeep-householdAddress-text' && f.tag === 'input', '户籍地址 field');
    assert.equal(address.tag, 'input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');

    // --- 房产情况: arrow keys move the choice (roving radios)
    const radio = await tabTo(page, (f) => f.role === 'radio' && f.group === '房产情况', '房产情况 radios');
    const before = radio.name;
    await page.keyboard.press('ArrowRight');
    const moved = await focused(page);
    assert.notEqual(moved.name, before, 'ArrowRight moves to the next option');
    assert.equal(moved.checked, 'true', 'and chooses it');
    assert.equal(await currentPage(page).getByRole('radio', { name: before, exact: true }).getAttribute('aria-checked'), 'false');
    // Back to 有不动产权证书 (the first option) with the left arrow.
    for (let i = 0; i < 4 && (await focused(page)).name !== '有不动产权证书'; i++) await page.keyboard.press('ArrowLeft');
    assert.equal((await focused(page)).name, '有不动产权证书');
    await currentPage(page).getByRole('group', { name: '不动产单元号', exact: true }).waitFor();

    // --- a refused save: the summary takes the focus, its first link moves it to the field
    await tabTo(page, named('button', '保存信息'), 'upkeep 保存信息', { max: 60 });
    await page.keyboard.press('Enter');
    await currentPage(page).locator('[data-testid="error-summary"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary', null, { timeout: 5000 });
    const link = await tabTo(page, (f) => f.inSummary && f.role === 'link', 'error summary link', { max: 3 });
    assert.match(link.name, /户籍地址/, `the first problem is the emptied 户籍地址: ${link.name}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT', null, { timeout: 5000 });
    const field = await focused(page);
    assert.equal(field.fieldId, 'upkeep-householdAddress-text', 'Enter on the link puts the caret in 户籍地址');
    await page.keyboard.type('重庆市渝北区龙溪街道金龙路88号3栋2单元501');
    assert.equal(await currentPage(page).locator('#upkeep-householdAddress-text input').inputValue(), '重庆市渝北区龙溪街道金龙路88号3栋2单元501');
    await screenshot(page, 'keyboard-upkeep-summary');

    // --- 我的材料: a choice with Space, then the uploader: Enter opens the picker; 更换 and 删除 are reachable after
    const childId = new URL(page.url().replace('#', '')).searchParams.get('childId');
    await go(page, `/pages/child/materials/index?childId=${childId}`);
    await waitForRoute(page, 'pages/child/materials/index');
    await fromTop(page);
    await tabTo(page, (f) => f.role === 'radio' && f.group === '生源类型', '生源类型 radios');
    for (let i = 0; i < 4 && !/随迁子女/.test((await focused(page)).name); i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).checked, 'true', 'Space chooses the focused option');
    // The checklist below follows the choice (saved, then redrawn with the 居住证 a 随迁 child needs):
    // Tab on once it has been redrawn, so the focus is not on a button the redraw replaces.
    await currentPage(page).locator('[data-testid="material-residencePermit"]').getByRole('button', { name: /^上传.+照片$/ }).waitFor({ timeout: 15000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(500);
    const pick = await tabTo(page, named('button', /^上传.+照片$/), 'uploader');
    const label = pick.name.replace(/^上传/, '').replace(/照片$/, '');
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
    await page.keyboard.press('Enter');
    const opened = await chooser.catch(async (error) => {
      const now = await focused(page);
      await screenshot(page, 'keyboard-uploader-no-chooser');
      throw new Error(`Enter on "${pick.name}" opened no picker; the focus is now on ${now.role} "${now.name}" (${error.message.split('\n')[0]})`);
    });
    await opened.setFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: await photoOf(page, label) });
    await currentPage(page).getByText('✓ 已上传').first().waitFor({ timeout: 30000 });
    await fromTop(page);
    await tabTo(page, named('button', `更换${label}第 1 张`), 'uploader 更换', { max: 120 });
    await tabTo(page, named('button', `删除${label}第 1 张`), 'uploader 删除', { max: 3 });

    const errors = consoleLines.filter((l) => /pageerror|Uncaught|TypeError/.test(l));
    assert.deepEqual(errors, [], 'no script error during the keyboard journey');
  } finally {
    await context.close();
  }
});

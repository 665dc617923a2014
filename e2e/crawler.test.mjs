/**
 * No dead end (issue 15, "Done when"): a parent can walk from the home page to every page of the
 * module by tapping. In Chromium, starting on home in a few QA scenarios (so that pages such as 摇号,
 * 入学通知书 and 报到码 exist), the crawler taps every button and link of every page it reaches and
 * follows where each tap leads. It asserts that:
 * - every page of PAGE_PATHS (src/config/routes.ts) is reached by taps alone;
 * - every page has a way back or forward: the footer (首页 / 个人中心) and at least one tap that
 *   leads to another page;
 * - no page throws.
 * Taps that bind, submit or lose something (确认入学, 撤回, 退出登录, 确认提交, 保存…) and those that
 * leave the module for the host (拨打, 扫码, 下载) are not crawled; the submission is done once,
 * last, on its own fresh scenario, to reach 核对报名信息 and 提交成功. The footer and the help links,
 * the same kit components on every page, are tapped once and then only checked for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUpBrowserSuite, openApp, qa, currentPage, go, newParentIn, faceLogin, chooseDistrict, fillPublicApplication, ROOT } from './harness.mjs';

const suite = setUpBrowserSuite();

/** PAGE_PATHS of the route table, read from its source (the one list of the module's pages). */
const PAGE_PATHS = (() => {
  const source = fs.readFileSync(path.join(ROOT, 'src/config/routes.ts'), 'utf8');
  const block = /export const PAGE_PATHS = \{([\s\S]*?)\} as const;/.exec(source)[1];
  return Object.fromEntries([...block.matchAll(/(\w+): '([^']+)'/g)].map((m) => [m[1], m[2]]));
})();
const PAGE_OF_PATH = Object.fromEntries(Object.entries(PAGE_PATHS).map(([name, p]) => [p, name]));

/** Taps not crawled: they bind, submit or lose something, or hand over to the host (calls, scanner, files). */
const SKIP = /退出登录|确定退出|撤回|确认入学|确认提交|再次提交|提交补正|确认新增|保存|恢复为|开始刷脸|重新刷脸|已登录，继续办理|删除|放弃|一键引用|^上传|重新上传|上传.*照片|拍照|拨打|☎|扫码|下载|复制|修改并重新提交/;

const pageName = (hash) => PAGE_OF_PATH[hash.replace(/^#\/?/, '').split('?')[0]] ?? null;

async function settle(page) {
  await currentPage(page).locator('[data-testid="page"]').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(350);
}

async function hashOf(page) {
  return page.evaluate(() => window.location.hash);
}

/** Opens a page already reached by taps (to tap its next control), and waits for it. */
async function reopen(page, hash) {
  if ((await hashOf(page)) === hash) return;
  await go(page, hash.replace(/^#/, ''));
  await page.waitForFunction((h) => window.location.hash === h, hash, { timeout: 15000 });
  await settle(page);
}

/** The visible page's buttons and links: their text, and whether they are the frame's. */
async function controlsOf(page) {
  return currentPage(page)
    .locator('[role="button"]:visible, [role="link"]:visible')
    .evaluateAll((els) =>
      els.map((el) => ({
        name: (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim(),
        chrome: Boolean(el.closest('[data-testid="page-footer"], .help-links')),
      })),
    );
}

function newReport() {
  // leadsTo: where a control (page:name) led when it was tapped, so a later scenario walks on through it.
  return { reached: new Map(), edges: new Map(), tapped: new Set(), leadsTo: new Map(), unmatched: [], problems: [] };
}

function reach(report, name, hash, via) {
  if (!report.reached.has(name)) report.reached.set(name, { hash, via });
  if (!report.edges.has(name)) report.edges.set(name, new Set());
}

/** Checks the frame of the visible page: a footer leading home and to 个人中心 (except to itself). */
async function checkFrame(page, name, report) {
  const footer = currentPage(page).locator('[data-testid="page-footer"]');
  if ((await footer.count()) === 0) return void report.problems.push(`${name}: no footer (no way home or to 个人中心)`);
  const text = await footer.first().innerText();
  if (name !== 'home' && !text.includes('返回首页')) report.problems.push(`${name}: the footer has no way home`);
  if (name !== 'my' && !text.includes('个人中心')) report.problems.push(`${name}: the footer has no way to 个人中心`);
}

/**
 * Breadth-first from the visible page: every control of every page reached is tapped once (per
 * page and name, across scenarios), and every page it leads to is crawled in turn.
 */
async function crawl(page, report, startHash) {
  const queue = [startHash];
  const crawled = new Set();
  while (queue.length) {
    const hash = queue.shift();
    const name = pageName(hash);
    if (!name || crawled.has(name)) continue;
    crawled.add(name);
    await reopen(page, hash);
    await settle(page);
    await checkFrame(page, name, report);
    const controls = await controlsOf(page);
    for (const control of controls) {
      const key = control.chrome ? `*:${control.name}` : `${name}:${control.name}`;
      if (!control.name || SKIP.test(control.name)) continue;
      if (report.tapped.has(key)) {
        // Tapped in an earlier scenario: follow where it led, to reach what this scenario adds beyond.
        const known = report.leadsTo.get(`${name}:${control.name}`);
        if (known && !crawled.has(pageName(known))) queue.push(known);
        continue;
      }
      report.tapped.add(key);
      await reopen(page, hash);
      // The same control again, once the reopened page has loaded what it showed when it was listed.
      const target = await controlAt(page, control.name);
      if (!target) {
        report.unmatched.push(`${name}: ${control.name}`);
        continue;
      }
      // A greyed (aria-disabled) button is tapped as a parent taps it: it must answer too.
      await target.click({ force: true, timeout: 5000 });
      await page.waitForTimeout(400);
      const after = await hashOf(page);
      const to = pageName(after);
      if (to && to !== name) {
        report.leadsTo.set(`${name}:${control.name}`, after);
        report.edges.get(name).add(to);
        reach(report, to, after, `${name} → ${control.name}`);
        queue.push(after);
      }
    }
  }
}

/** The visible control named `name` (the page may have changed since it was listed, e.g. an editor opened). */
async function controlAt(page, name) {
  for (let tries = 0; tries < 8; tries++) {
    const controls = currentPage(page).locator('[role="button"]:visible, [role="link"]:visible');
    const names = await controls.evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim()));
    const at = names.indexOf(name);
    if (at >= 0) return controls.nth(at);
    await page.waitForTimeout(250);
  }
  return null;
}

/** A QA scenario on a new parent's phone: home, then 刷脸登录 tapped on home, then 渝北区. */
async function arrange(page, scenario, report) {
  await newParentIn(page, scenario);
  await currentPage(page).locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });
  reach(report, 'home', await hashOf(page), 'start');
  await currentPage(page).getByRole('button', { name: '刷脸登录', exact: true }).click();
  await page.waitForURL(/pages\/login\/index/);
  reach(report, 'login', await hashOf(page), 'home → 刷脸登录');
  await checkFrame(page, 'login', report);
  report.edges.get('login').add('children');
  await faceLogin(page);
  await page.waitForURL(/pages\/children\/index/);
  await currentPage(page).locator('[data-testid="child-card"]').first().waitFor();
  // The district is a choice (a radio), which the crawler does not make: the parent's is 渝北区.
  await chooseDistrict(page, '渝北');
  await go(page, '/pages/index/index');
  await settle(page);
  return (await qa(page, 'GET', '/__qa/state')).body;
}

test('from home, every page of the module is reached by tapping, and none is a dead end', async () => {
  const started = Date.now();
  const { page, context, consoleLines } = await openApp(suite.browser, suite.server.url);
  const report = newReport();
  try {
    // A registration in progress, an admitted child (notice, report code), a private admission (摇号).
    for (const scenario of ['registration-open', 'confirmed-with-notice', 'private-admitted']) {
      await arrange(page, scenario, report);
      await crawl(page, report, await hashOf(page));
    }

    // Last, on a fresh scenario: the submission itself, to reach 核对报名信息 and 提交成功 by tapping.
    await arrange(page, 'registration-open', report);
    // The 办理入口 tile (the phase card offers the same step as its own button).
    await currentPage(page).locator('.tile').getByText('幼升小在线申报', { exact: true }).click();
    await page.waitForURL(/pages\/apply\/index/);
    await settle(page);
    await fillPublicApplication(page);
    await currentPage(page).getByRole('button', { name: '下一步：核对报名信息', exact: true }).click();
    await page.waitForURL(/pages\/apply\/review\/index/);
    reach(report, 'review', await hashOf(page), 'apply → 下一步：核对报名信息');
    report.edges.get('apply')?.add('review');
    await settle(page);
    const reviewHash = await hashOf(page);
    await crawl(page, report, reviewHash);
    await reopen(page, reviewHash);
    await currentPage(page).getByRole('button', { name: '确认提交', exact: true }).click();
    await page.waitForURL(/pages\/apply\/result\/index/, { timeout: 30000 });
    reach(report, 'result', await hashOf(page), 'review → 确认提交');
    report.edges.get('review').add('result');
    await settle(page);
    await crawl(page, report, await hashOf(page));

    const missing = Object.keys(PAGE_PATHS).filter((name) => !report.reached.has(name));
    // Every page leads on by a tap of its own or by the footer, checked on every page (checkFrame);
    // the footer's links, tapped once, really lead home and to 个人中心.
    const chromeLed = Object.fromEntries([...report.leadsTo].filter(([key]) => /:(返回首页|个人中心)$/.test(key)).map(([key, hash]) => [key.split(':')[1], pageName(hash)]));
    const deadEnds = [...(chromeLed['返回首页'] === 'home' ? [] : ['footer 返回首页 did not lead home']), ...(chromeLed['个人中心'] === 'my' ? [] : ['footer 个人中心 did not lead to 个人中心'])];
    const errors = consoleLines.filter((line) => line.startsWith('pageerror:'));
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `crawler: ${report.reached.size}/${Object.keys(PAGE_PATHS).length} pages reached, ${report.tapped.size} controls tapped in ${seconds} s\n` +
        (report.unmatched.length ? `  not found again to tap: ${report.unmatched.join('; ')}\n` : '') +
        [...report.reached].map(([name, { via }]) => `  ${name.padEnd(12)} via ${via}; leads to ${[...report.edges.get(name)].join(', ') || '(footer only)'}`).join('\n'),
    );
    assert.deepEqual(missing, [], `pages never reached by tapping: ${missing.join(', ')}`);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(deadEnds, []);
    assert.deepEqual(errors, []);
  } catch (error) {
    console.log(consoleLines.slice(-20).join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});

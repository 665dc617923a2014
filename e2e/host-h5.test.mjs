/**
 * The module embedded in a host web page (examples/host-h5) at a sub-path, through the JSBridge
 * adapter: the host page at /host-h5/ loads the module's build from /host-h5/module/ with embed.js
 * and gives it a fake ZWJSBridge-style container. A parent logs in with the container's face screen
 * and submits an application; the container's title bar, picker and face screen are the ones used.
 * The module build is the suite's dev-host build (publicPath 'auto' makes it work at any path).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleHostH5 } from '../examples/host-h5/assemble.mjs';
import { BUILD_DIR, setUpBrowserSuite, startServer, qa, currentPage, go, button, visible, chooseDistrict, fillPublicApplication, uploadPhoto, screenshot } from './harness.mjs';

const suite = setUpBrowserSuite();
const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxyjs-host-h5-'));
after(() => fs.rmSync(siteDir, { recursive: true, force: true }));

const containerCalls = (page) => page.evaluate(() => window.__containerCalls);
const callNames = async (page) => (await containerCalls(page)).map((c) => c.name);

test('host-h5: embedded at /host-h5/ through the JSBridge, a parent logs in with the container face and submits an application', async () => {
  await assembleHostH5({ moduleDir: BUILD_DIR, outDir: siteDir });
  const server = await startServer({ staticDir: siteDir });
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('framenavigated', (frame) => frame === page.mainFrame() && consoleLines.push(`navigated ${frame.url()}`));
  const assetPaths = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/\.(js|css)$/.test(url.pathname)) assetPaths.add(url.pathname);
  });
  try {
    await page.goto(`${server.url}/host-h5/`);
    await page.locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });
    assert.equal(await page.evaluate(() => window.RxyjsModule.contractVersion), 2);
    // The module rendered inside the host's mount element, beside the container's title bar.
    assert.equal(await page.locator('#module #app [data-testid="phase-card"]').count() > 0, true, 'the module renders inside the host mount element');
    assert.equal(await page.locator('#qa-entry').count(), 0, "an embedded module starts none of the dev host's tools");

    assert.equal((await qa(page, 'POST', '/__qa/reset', { scenario: 'registration-open' })).status, 200);
    await page.reload();
    await page.locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });

    // --- face login through the container's face screen (the server began it; the container shows it)
    await go(page, '/pages/login/index');
    await visible(page, '不会获取或保存您的人脸照片');
    await button(page, '开始刷脸').click();
    const sheet = page.locator('[data-testid="container-face-sheet"]');
    await sheet.waitFor();
    assert.match(await sheet.innerText(), /示例政务 · 刷脸认证/);
    await screenshot(page, 'host-h5-face');
    await sheet.locator('[data-identity="two-children"]').click();
    await page.waitForURL(/pages\/children\/index/);
    await currentPage(page).locator('[data-testid="child-card"]').first().waitFor();
    await visible(page, '王子涵');
    assert.equal(new URL(page.url()).pathname, '/host-h5/', 'the module routes in the hash, the host page stays at its sub-path');

    // --- apply: 渝北, 幼升小 public school, 申报须知 tick, 一键引用, materials picked with the container picker
    await chooseDistrict(page, '渝北');
    await go(page, '/pages/apply/index?stage=primary');
    await visible(page, '报名先后不影响录取结果');
    await fillPublicApplication(page);
    // Every required material is 免传 here (verified by data sharing): add the optional 居住证 photo, through the container's picker.
    const permitBox = currentPage(page).locator('[data-testid="materials"] .material').filter({ hasText: '居住证' });
    await uploadPhoto(page, permitBox, '居住证');
    assert.equal(Object.keys((await qa(page, 'GET', '/__qa/state')).body.uploads).length, 1, 'the picked photo reached the server');
    await button(page, '下一步：核对报名信息').click();
    await page.waitForURL(/pages\/apply\/review/);
    await visible(page, '核对报名信息');
    await button(page, '确认提交').click();
    await page.waitForURL(/pages\/apply\/result/);
    await visible(page, '提交成功');
    const number = (await currentPage(page).locator('[data-testid="application-number"]').innerText()).trim();
    assert.match(number, /\S{6,}/, 'the result shows the 办件编号');
    await screenshot(page, 'host-h5-submitted');
    const state = (await qa(page, 'GET', '/__qa/state')).body;
    assert.equal(Object.keys(state.applications ?? {}).length, 1, 'the server holds the one application');

    // --- what the container saw: its face screen, its picker, its title bar
    const names = await callNames(page);
    assert.equal(names.filter((n) => n === 'faceVerify').length, 1, `container calls: ${names.join(', ')}`);
    assert.ok(names.includes('chooseImage'), 'materials were picked with the container picker');
    const titles = (await containerCalls(page)).filter((c) => c.name === 'setTitle').map((c) => c.args.title);
    assert.ok(titles.includes('在线申报') && titles.includes('提交结果'), `titles told to the container: ${titles.join(' / ')}`);
    assert.equal(await page.locator('#container-title').innerText(), '提交结果');

    // --- the container's 长辈版 switch reaches the running module, and back
    const pageFrame = (style) => currentPage(page).locator(style === 'elder' ? '[data-testid="page"].elder' : '[data-testid="page"]:not(.elder)');
    await pageFrame('normal').first().waitFor();
    await page.evaluate(() => window.DemoContainer.setUiStyle('elder'));
    await pageFrame('elder').first().waitFor({ timeout: 5000 });
    await page.evaluate(() => window.DemoContainer.setUiStyle('normal'));
    await pageFrame('normal').first().waitFor({ timeout: 5000 });

    // --- the host's colours and telemetry (its config object): brand colour on the module's buttons,
    // page views by title, errors as codes and routes with no ids
    const primary = currentPage(page).locator('.btn-primary').first();
    assert.equal(await primary.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(10, 127, 90)', "the host's primary colour");
    await go(page, '/pages/my/application/index?id=A0000000000404');
    await visible(page, '重新加载');
    const telemetry = await page.evaluate(() => window.DemoHostTelemetry);
    assert.ok(
      telemetry.some((t) => t.type === 'error' && t.kind === 'api' && t.where === 'GET /api/v1/applications/:id' && t.status === 404),
      `the failed load reached the host's telemetry as a route: ${JSON.stringify(telemetry.filter((t) => t.type === 'error'))}`,
    );
    const views = telemetry.filter((t) => t.type === 'pageView').map((t) => t.title);
    assert.ok(views.some((v) => v.endsWith('在线申报')) && views.includes('提交结果'), `page views: ${views.join(' / ')}`);
    for (const event of telemetry.filter((t) => t.type === 'error')) {
      assert.ok(!/\d{4}|王|涵/.test(JSON.stringify(event)), `telemetry carries no ids or names: ${JSON.stringify(event)}`);
    }

    // --- the module kept to its namespace and its folder
    const keys = await page.evaluate(() => Object.keys(window.localStorage));
    assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('demohost-rxyjs:')), `storage keys: ${keys.join(', ')}`);
    const foreign = [...assetPaths].filter((p) => !p.startsWith('/host-h5/'));
    assert.deepEqual(foreign, [], 'every script and style comes from under /host-h5/');
    assert.ok([...assetPaths].some((p) => p.startsWith('/host-h5/module/js/')), 'the module build loads from /host-h5/module/');
    assert.deepEqual(errors, []);
  } catch (error) {
    console.log('failed at', page.url(), 'container calls:', await callNames(page).catch((e) => String(e)), errors, consoleLines.slice(-15));
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/host-h5-failure.png' }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
    await server.close();
  }
});

test('any-path build: the same H5 build also runs on its own at a sub-path (/host-h5/module/), pages and chunks included', async () => {
  await assembleHostH5({ moduleDir: BUILD_DIR, outDir: siteDir });
  const server = await startServer({ staticDir: siteDir });
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const missing = [];
  page.on('response', (response) => response.status() === 404 && missing.push(new URL(response.url()).pathname));
  try {
    await page.goto(`${server.url}/host-h5/module/#/pages/index/index`);
    await page.locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });
    // A page from a subpackage: its chunk is found relative to the build, not the site root.
    await go(page, '/pages/service/help/index');
    await page.waitForFunction(() => document.title === '政策查看 · 联系我们');
    await visible(page, '联系我们');
    await page.waitForTimeout(300);
    assert.deepEqual(missing.filter((p) => p !== '/favicon.ico'), [], 'no asset missing at the sub-path');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

/**
 * Shared set-up for the browser suite: serves the mock H5 build on loopback and drives Debian's
 * Chromium through playwright-core (never a downloaded browser).
 */
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createStaticServer } from '../scripts/serve.mjs';

export const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
export const BUILD_DIR = process.env.E2E_BUILD_DIR ? path.resolve(ROOT, process.env.E2E_BUILD_DIR) : path.join(ROOT, 'dist', 'h5-mock');
export const SCREENSHOT_DIR = path.join(ROOT, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function startServer() {
  const server = createStaticServer(BUILD_DIR);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** One served build and one browser for a test file; fields are set before its tests run. */
export function setUpBrowserSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** A fresh phone-sized context: its own storage, so every test starts from a new mock state. */
export async function openApp(browser, baseUrl, { elder = false, width = 390, height = 844 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${baseUrl}/#/pages/index/index`);
  // The home page's phase card needs the calendar from the mock: once it shows, the mock host answers.
  await page.locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });
  if (elder) await qa(page, 'POST', '/__qa/ui-style', { style: 'elder' });
  return { context, page, consoleLines };
}

async function qaOnce(page, method, url, body) {
  return page.evaluate(
    async ([m, u, b]) => {
      const response = await fetch(u, { method: m, headers: { 'Content-Type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    [method, url, body],
  );
}

/**
 * Calls the mock's QA API from inside the page (MSW answers it there). Waits until the service worker
 * controls the page, and tries again while a reload is still settling (first load, reloads).
 */
export async function qa(page, method, url, body) {
  for (let attempt = 1; ; attempt++) {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
    try {
      return await qaOnce(page, method, url, body);
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.waitForTimeout(500);
    }
  }
}

/** A small real photo drawn by the page's canvas (the mock sniffs image content, not names). */
export async function photoOf(page, label) {
  const base64 = await page.evaluate((text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 900;
    canvas.height = 600;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#f4efe4';
    ctx.fillRect(0, 0, 900, 600);
    ctx.fillStyle = '#222';
    ctx.font = 'bold 64px sans-serif';
    ctx.fillText(text, 60, 300);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  }, label);
  return Buffer.from(base64, 'base64');
}

/** Chromium's mobile emulation can stay zoomed after a capture, so later taps miss: put the phone back. */
async function resetPhone(page, viewport) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  await cdp.detach();
  await page.setViewportSize(viewport);
  await page.waitForTimeout(100);
}

/**
 * Waits for the current Taro page to finish its slide-in, then saves what the phone shows (not
 * fullPage: Taro pages scroll inside themselves), resetting the emulated phone around the capture.
 */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize();
  await resetPhone(page, viewport);
  await page.waitForTimeout(350);
  // The mock's floating QA entry is a tool, not the product: keep it out of the pictures.
  await page.evaluate(() => document.getElementById('qa-entry')?.style.setProperty('visibility', 'hidden'));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  await page.evaluate(() => document.getElementById('qa-entry')?.style.removeProperty('visibility'));
  await resetPhone(page, viewport);
}

/** The visible Taro page (H5 keeps earlier pages in the DOM, hidden). */
export function currentPage(page) {
  return page.locator('.taro_page:not([style*="display: none"])').last();
}

/** Taro's Input renders a custom element labelled by aria-labelledby; the native input is inside. */
export const input = (page, label) => currentPage(page).getByLabel(label, { exact: true }).locator('input');
export const button = (page, name) => currentPage(page).getByRole('button', { name, exact: true });
/** Waits for text on the visible page (Playwright's default timeout unless given). */
export const visible = (page, text, timeout) => currentPage(page).getByText(text).first().waitFor({ timeout });

/** Opens a page inside the running app, as a tap on a link would. */
export async function go(page, path) {
  await page.evaluate((p) => {
    window.location.hash = `#${p}`;
  }, path);
  await page.waitForTimeout(300);
}

/** Answers the mock host's face sheet as one of the seeded identities. */
export async function faceLogin(page, identity = 'two-children') {
  await currentPage(page).getByRole('button', { name: /开始刷脸|重新刷脸/ }).click();
  const sheet = page.locator('[data-testid="face-sheet"]');
  await sheet.waitFor();
  await sheet.locator(`[data-identity="${identity}"]`).click();
}

/** Face login from the login page; ends on 我的子女 with the children found. */
export async function login(page, identity = 'two-children') {
  await go(page, '/pages/login/index');
  await faceLogin(page, identity);
  await page.waitForURL(/pages\/children\/index/);
  await currentPage(page).locator('[data-testid="child-card"]').first().waitFor();
}

/** Makes `name` (e.g. 渝北) the parent's current district. */
export async function chooseDistrict(page, name) {
  await go(page, '/pages/district/index');
  await input(page, '搜索区县').fill(name);
  await currentPage(page).getByRole('radio', { name: new RegExp(name) }).first().click();
  await currentPage(page).locator('[data-testid="district-current"]').waitFor();
}

/** Picks a test photo for the material `label` inside `scope` (does not wait for the upload). */
export async function pickPhoto(page, scope, label) {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: `上传${label}照片` }).click();
  await (await chooser).setFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: await photoOf(page, label) });
}

/** Picks a test photo and waits until the page says it is uploaded. */
export async function uploadPhoto(page, scope, label) {
  await pickPhoto(page, scope, label);
  await scope.getByText('✓ 已上传').first().waitFor({ timeout: 30000 });
}

/** Uploads every material the district's checklist marks 必传 and that is still empty. */
export async function uploadRequired(page) {
  const box = currentPage(page).locator('[data-testid="materials"]');
  await box.waitFor();
  const items = box.locator('.material');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    const item = items.nth(i);
    if ((await item.locator('.tag').innerText()).trim() !== '必传') continue;
    if ((await item.getByText('✓ 已上传').count()) > 0) continue;
    const name = (await item.locator('.material-name').innerText()).trim();
    await uploadPhoto(page, item, name);
  }
}

export const NOTES_TICK = '我已阅读以上申报须知，知晓并确认相关内容';

/** 幼升小在线申报 for the first child: 公办学位紧张学校, the first school, tick, 一键引用 (or fill in), materials. */
export async function fillPublicApplication(page, { quoted = true } = {}) {
  const p = currentPage(page);
  const child = p.getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first();
  if ((await child.getAttribute('aria-checked')) !== 'true') await child.click();
  await p.getByRole('radiogroup', { name: '学校性质', exact: true }).getByRole('radio', { name: /公办学校/ }).click();
  await p.getByRole('radiogroup', { name: '学校类型', exact: true }).getByRole('radio', { name: /公办学位紧张学校/ }).click();
  await p.getByRole('radiogroup', { name: '学校', exact: true }).getByRole('radio').first().click();
  await p.locator('[data-testid="notes"] .notes-item').first().waitFor();
  await p.getByRole('checkbox', { name: NOTES_TICK }).click();
  if ((await p.getByRole('checkbox', { name: NOTES_TICK }).getAttribute('aria-checked')) !== 'true') throw new Error('the 申报须知 tick did not take');
  if (quoted) {
    await button(page, '一键引用子女信息维护内容').click();
    await p.locator('[data-testid="quoted-upkeep"]').waitFor();
  }
  await uploadRequired(page);
}


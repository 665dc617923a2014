/**
 * Shared set-up for the browser suite: every phone gets its own enrolment server — the Node server
 * of `npm start` (PGlite in a temporary folder, QA API and dev host on) serving the dev-host H5
 * build — and Debian's Chromium drives it through playwright-core (never a downloaded browser).
 * The offline demo (MSW, the server in the page) has a suite of its own (offline-demo.test.mjs).
 */
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
export const BUILD_DIR = process.env.E2E_BUILD_DIR ? path.resolve(ROOT, process.env.E2E_BUILD_DIR) : path.join(ROOT, 'dist', 'h5-dev');
export const MOCK_BUILD_DIR = process.env.E2E_MOCK_BUILD_DIR ? path.resolve(ROOT, process.env.E2E_MOCK_BUILD_DIR) : path.join(ROOT, 'dist', 'h5-mock');
export const SCREENSHOT_DIR = path.join(ROOT, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let templateDir = null;
/**
 * A migrated, empty PGlite folder made once per test file: creating a database costs seconds on
 * this machine, copying a closed one milliseconds, and every phone still gets its own database.
 */
async function pgliteTemplate() {
  templateDir ??= (async () => {
    const { openStore } = await import('../server/adapters/sql/open.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxyjs-e2e-template-'));
    const opened = await openStore({ dataDir: path.join(dir, 'pglite') });
    await opened.close();
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    return path.join(dir, 'pglite');
  })();
  return templateDir;
}

/** A fresh enrolment server (as npm start runs it) on a free loopback port, with its own database. */
export async function startServer({ staticDir = BUILD_DIR } = {}) {
  const { startNodeServer } = await import('../server/node/start.ts');
  const { loadConfig } = await import('../server/node/config.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxyjs-e2e-'));
  // E2E_STORE=memory: a quicker local run on the memory adapter (CI runs the real engine).
  const store = process.env.E2E_STORE === 'memory' ? (await import('../server/adapters/memory/store.ts')).createMemoryStore() : undefined;
  if (!store) fs.cpSync(await pgliteTemplate(), path.join(dataDir, 'pglite'), { recursive: true });
  const running = await startNodeServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: staticDir, LOG_REQUESTS: '0' }), { store });
  return {
    url: running.url,
    server: running.server,
    close: async () => {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** One browser for a test file; every phone it opens brings its own server (openApp). */
export function setUpBrowserSuite() {
  const suite = { browser: null, server: { url: null } };
  before(async () => {
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
  });
  return suite;
}

/** The app's server answers (the offline demo's in-page server needs its service worker first). */
export async function appReady(page) {
  if (await page.evaluate(() => Boolean(navigator.serviceWorker?.controller) || document.querySelector('script[src*="mockServiceWorker"]') !== null)) {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
  }
}

/**
 * A fresh phone-sized context with its own server: its own storage and its own enrolment database,
 * so every test starts from a new state. Closing the context stops the server. `baseUrl` is kept
 * for the tests' call sites; the phone's own server's address is used.
 */
export async function openApp(browser, _baseUrl, { elder = false, width = 390, height = 844, staticDir } = {}) {
  const server = await startServer(staticDir ? { staticDir } : {});
  const baseUrl = server.url;
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const closeContext = context.close.bind(context);
  context.close = async (...args) => {
    await closeContext(...args);
    await server.close();
  };
  const page = await context.newPage();
  // File choosers are intercepted from the start: Playwright turns interception on only when the first
  // listener is added, asynchronously, so a waitForEvent('filechooser') made just before a fast press
  // could lose that race on a loaded machine (the picker opened unseen; a CI run failed on it).
  page.on('filechooser', () => undefined);
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${baseUrl}/#/pages/index/index`);
  // The home page's phase card comes from the mock server: once it shows, the mock host answers.
  await page.locator('[data-testid="phase-card"]').first().waitFor({ timeout: 30000 });
  if (elder) await qa(page, 'POST', '/__qa/ui-style', { style: 'elder' });
  return { context, page, consoleLines, baseUrl, server };
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

/** The phone's network timeout is the host's setting, kept in the page (mock/networkKnob.ts), not the server's. */
async function networkKnob(page, body) {
  return page.evaluate((timeoutMs) => {
    if (typeof timeoutMs === 'number' && timeoutMs >= 100) localStorage.setItem('qa:network-timeout-ms', String(Math.round(timeoutMs)));
    else localStorage.removeItem('qa:network-timeout-ms');
    return { status: 200, body: { timeoutMs: typeof timeoutMs === 'number' ? timeoutMs : null } };
  }, body?.timeoutMs ?? null);
}

/** Calls the server's QA API from inside the page (same origin), retrying while a reload settles. */
export async function qa(page, method, url, body) {
  if (url === '/__qa/network') return networkKnob(page, body);
  for (let attempt = 1; ; attempt++) {
    await appReady(page);
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
  // The dev host's floating QA entry is a tool, not the product: keep it out of the pictures.
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

/** Answers the dev host's face sheet as one of the seeded identities. */
/** A new parent on this phone in a QA scenario: nothing kept from before, the app reopened on home so it reads the scenario's clock. */
export async function newParentIn(page, scenario) {
  await page.evaluate(() => localStorage.clear());
  const r = await qa(page, 'POST', '/__qa/reset', { scenario });
  if (r.status !== 200) throw new Error(`QA scenario ${scenario}: ${r.status} ${JSON.stringify(r.body)}`);
  await go(page, '/pages/index/index');
  await page.reload();
  await appReady(page);
}

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


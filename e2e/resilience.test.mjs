/**
 * Resilience and security in Chromium against the mock. For the API calls of both journeys, a
 * fault is injected through /__qa/faults at the moment the parent triggers the call in the UI
 * (server error, offline, timeout and session expired for every call, the timeouts with the phone's
 * network timeout shortened through the mock host; the real 15 s timeout and a sustained overload
 * on representative calls, since their waits are 15–50 s each) and the test proves: a clear Chinese message (never a
 * raw error), a way to retry, the draft and uploads intact, and after the fault clears the step
 * completes. Also: double tap on 确认提交 and on upload, personal data kept out of URLs and the
 * console, markup shown as text, masking by default, drafts cleared on logout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUpBrowserSuite, openApp, qa, currentPage, photoOf, go, button, input, visible as visibleOn, login, faceLogin, chooseDistrict, pickPhoto, fillPublicApplication, appReady } from './harness.mjs';

const suite = setUpBrowserSuite();

const API = '/api/v1';
const CHILD_ID_NUMBER = '50011220180312004X';
// Faults should surface fast: wait 15 s for a message unless a step says otherwise.
const visible = (page, text, timeout = 15000) => visibleOn(page, text, timeout);

/** What a parent may be shown for a failure: Chinese, and one of the client's or server's messages. */
const CLEAR_MESSAGE = /服务暂时出现问题|网络连接不稳定|网络不稳定|服务器响应超时|当前访问人数较多|登录已过期|未成功|暂时无法/;
/** What a parent must never see. */
const RAW = /undefined|\[object|TypeError|ReferenceError|Error:|at https?:|INTERNAL|UNAUTHENTICATED|OVERLOADED|NETWORK|Failed to fetch|^\s*(500|401|429)\s*$/m;
const RETRY = /重试|重新加载|重新上传|重新刷脸|开始刷脸/;

/**
 * Opens a page as a fresh visit (the app starts and makes the page's calls again). The address is
 * changed without a hashchange, so the running app does not open the page (and spend the fault)
 * before the reload.
 */
async function visit(page, path) {
  await page.evaluate((p) => {
    window.history.replaceState(window.history.state, '', `#${p}`);
  }, path);
  await page.reload();
  await appReady(page);
}

async function arrange(page, scenario) {
  const r = await qa(page, 'POST', '/__qa/reset', { scenario });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  await page.reload();
}

const state = async (page) => (await qa(page, 'GET', '/__qa/state')).body;

/** Waits until an input shows a value (a draft restored after a re-login arrives a moment later). */
async function expectValue(locator, value, what) {
  const deadline = Date.now() + 8000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await locator.inputValue().catch(() => '');
    if (seen === value) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(seen, value, what);
}

/**
 * Waits until the fault just injected has hit a request (its remaining count went down, or it is
 * used up), so a message still shown from an earlier fault can never pass for this one.
 */
async function waitForHit(page, times, what) {
  const deadline = Date.now() + 25000;
  for (;;) {
    const faults = (await state(page)).faults ?? [];
    if (faults.length === 0 || faults[0].remaining < times) return;
    if (Date.now() > deadline) assert.fail(`${what}: the fault never hit the call`);
    await page.waitForTimeout(200);
  }
}
const firstApp = async (page) => Object.values((await state(page)).applications)[0];
const firstChildId = async (page) => {
  const s = await state(page);
  return Object.values(s.children).find((c) => c.idNumber === CHILD_ID_NUMBER)?.id ?? Object.keys(s.children)[0];
};

/** A clear Chinese message on the visible page and nothing raw. */
async function expectClearMessage(page, what) {
  const p = currentPage(page);
  await p.getByText(CLEAR_MESSAGE).first().waitFor({ timeout: 25000 });
  const text = await p.innerText();
  assert.ok(text.trim().length > 20, `${what}: the page is not blank`);
  assert.doesNotMatch(text, RAW, `${what}: no raw error on the page`);
}

/**
 * Each row: the route substring a fault is put on, how to reach the moment before the call
 * (setup), the parent's action that makes it (trigger), what proves the step finished (done),
 * and whether the step can be done twice (otherwise every fault is tried before the one success).
 */
const rows = [
  {
    name: 'home card',
    route: `${API}/home-card`,
    scenario: 'fresh',
    setup: async () => undefined,
    trigger: (page) => visit(page, '/pages/index/index'),
    done: (page) => currentPage(page).getByRole('tablist', { name: '报名学段' }).waitFor(),
    repeatable: true,
  },
  {
    name: 'districts',
    route: `${API}/districts`,
    scenario: 'fresh',
    setup: (page) => login(page),
    trigger: (page) => visit(page, '/pages/district/index'),
    done: (page) => currentPage(page).getByRole('radiogroup', { name: '区县列表' }).getByRole('radio').first().waitFor(),
    repeatable: true,
  },
  {
    name: 'children list',
    route: `${API}/children`,
    scenario: 'fresh',
    setup: (page) => login(page),
    trigger: (page) => visit(page, '/pages/children/index'),
    done: (page) => currentPage(page).locator('[data-testid="child-card"]').first().waitFor(),
    repeatable: true,
  },
  {
    name: 'session (face login)',
    route: `${API}/session`,
    scenario: 'fresh',
    kinds: ['error500', 'offline', 'timeout'],
    setup: (page) => go(page, '/pages/login/index'),
    trigger: (page) => faceLogin(page),
    // 重新刷脸 / 开始刷脸 opens the face sheet again: the retry is a whole face login.
    retry: (page) => faceLogin(page),
    done: (page) => page.waitForURL(/pages\/children\/index/),
    repeatable: false,
  },
  {
    name: 'children add (手动新增)',
    route: `${API}/children`,
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
      await go(page, '/pages/child/add/index');
      await input(page, '子女姓名').fill('张小雨');
      await input(page, '子女身份证件号码').fill('500112201801150026');
      await currentPage(page).getByRole('radio', { name: '母亲' }).click();
    },
    trigger: (page) => button(page, '确认新增').click(),
    loginOnExpiry: true,
    draft: async (page) => {
      // After the session-expired re-login this is the add form again, refilled from its draft.
      assert.match(page.url(), /pages\/child\/add/);
      await expectValue(input(page, '子女姓名'), '张小雨', 'child name kept');
      await expectValue(input(page, '子女身份证件号码'), '500112201801150026', 'ID number kept');
    },
    done: (page) => visible(page, '出生医学证明姓名'),
    repeatable: false,
  },
  {
    name: 'children patch (户口簿姓名)',
    route: '/children/',
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await go(page, `/pages/child/detail/index?childId=${encodeURIComponent(await firstChildId(page))}`);
      await currentPage(page).getByRole('button', { name: /填写户口簿姓名|修改户口簿姓名/ }).click();
      await input(page, '户口簿姓名').fill('王梓涵');
    },
    trigger: (page) => button(page, '保存户口簿姓名').click(),
    loginOnExpiry: true,
    draft: (page) => expectValue(input(page, '户口簿姓名'), '王梓涵', '户口簿姓名 kept through the fault (a draft after a re-login)'),
    done: (page) => visible(page, '已保存户口簿姓名'),
    repeatable: false,
  },
  {
    name: 'children reveal (显示证件号)',
    route: '/reveal',
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await go(page, `/pages/child/detail/index?childId=${encodeURIComponent(await firstChildId(page))}`);
    },
    trigger: (page) => button(page, '显示身份证件号码').click(),
    done: (page) => currentPage(page).getByText(CHILD_ID_NUMBER).waitFor(),
    repeatable: false,
  },
  {
    name: 'upkeep get',
    route: '/upkeep',
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
    },
    trigger: async (page) => visit(page, `/pages/child/upkeep/index?childId=${encodeURIComponent(await firstChildId(page))}`),
    done: (page) => input(page, '户籍地址（户口簿地址）').waitFor(),
    repeatable: true,
  },
  {
    name: 'upkeep put (保存信息)',
    route: '/upkeep',
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
      await go(page, `/pages/child/upkeep/index?childId=${encodeURIComponent(await firstChildId(page))}`);
      await visible(page, '信息维护开放中');
      await input(page, '户籍地址（户口簿地址）').fill('重庆市渝北区龙溪街道金龙路88号3栋2单元501');
      await button(page, '与户籍地址相同').click();
      await input(page, '不动产单元号').fill('500112003004GB00011F00010001');
      await input(page, '权利人姓名（证书上的产权人）').fill('李娜');
      await input(page, '监护人1姓名').fill('李娜');
      await input(page, '监护人1手机号码').fill('13883216574');
    },
    trigger: (page) => button(page, '保存信息').click(),
    // 保存信息 stays on the page after a failure: tapping it again is the retry.
    retry: (page) => button(page, '保存信息').click(),
    draft: async (page) => {
      assert.equal(await input(page, '户籍地址（户口簿地址）').inputValue(), '重庆市渝北区龙溪街道金龙路88号3栋2单元501');
      assert.equal(await input(page, '不动产单元号').inputValue(), '500112003004GB00011F00010001');
    },
    done: (page) => visible(page, '信息已保存'),
    repeatable: true,
  },
  {
    name: 'materials (checklist)',
    route: `${API}/materials`,
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
    },
    trigger: async (page) => visit(page, `/pages/child/materials/index?childId=${encodeURIComponent(await firstChildId(page))}`),
    done: (page) => currentPage(page).locator('.material').first().waitFor(),
    repeatable: true,
  },
  {
    name: 'uploads',
    route: `${API}/uploads`,
    scenario: 'fresh',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
      await go(page, `/pages/child/materials/index?childId=${encodeURIComponent(await firstChildId(page))}`);
      await currentPage(page).getByRole('radio', { name: /随迁子女/ }).click();
      await currentPage(page).locator('[data-testid="material-residencePermit"]').getByText('必传').waitFor();
    },
    trigger: (page) => pickPhoto(page, currentPage(page).locator('[data-testid="material-residencePermit"]'), '居住证'),
    // The upload itself tries 3 times (network and 5xx), so the fault must outlast them.
    times: (kind) => (kind === 'sessionExpired' ? 1 : 3),
    retry: async (page) => {
      const permit = currentPage(page).locator('[data-testid="material-residencePermit"]');
      // The upload's own automatic retry may already have got through once the fault cleared.
      await page.waitForTimeout(500);
      if (await permit.getByText('✓ 已上传').count()) return;
      const again = currentPage(page).getByRole('button', { name: '重试上传' });
      if (await again.count()) await again.click();
      else await pickPhoto(page, currentPage(page).locator('[data-testid="material-residencePermit"]'), '居住证');
    },
    done: (page) => currentPage(page).locator('[data-testid="material-residencePermit"]').getByText('✓ 已上传').first().waitFor({ timeout: 30000 }),
    // Thumbnails load from /api/v1/uploads/<id> too: remove the photo so the next kind's fault
    // can only hit the next upload.
    reset: async (page) => {
      const permit = currentPage(page).locator('[data-testid="material-residencePermit"]');
      await permit.getByRole('button', { name: /删除/ }).first().click();
      await permit.getByRole('button', { name: '上传居住证照片' }).waitFor();
      await page.waitForTimeout(1100);
    },
    repeatable: true,
  },
  {
    name: 'schools (申报)',
    route: '/schools',
    scenario: 'registration-open',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
      await go(page, '/pages/apply/index?stage=primary');
      await currentPage(page).getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first().click();
      await currentPage(page).getByRole('radiogroup', { name: '学校性质', exact: true }).getByRole('radio', { name: /公办学校/ }).click();
      await page.waitForTimeout(500);
    },
    trigger: (page) => visit(page, '/pages/apply/index?stage=primary'),
    draft: async (page) => assert.equal(await currentPage(page).getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first().getAttribute('aria-checked'), 'true'),
    done: (page) => currentPage(page).getByRole('radiogroup', { name: '学校类型', exact: true }).getByRole('radio').first().waitFor(),
    repeatable: true,
  },
  {
    name: 'apply upkeep read (一键引用)',
    route: '/upkeep',
    scenario: 'registration-open',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
      await go(page, '/pages/apply/index?stage=primary');
      const p = currentPage(page);
      await p.getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first().click();
      await p.getByRole('radiogroup', { name: '学校性质', exact: true }).getByRole('radio', { name: /公办学校/ }).click();
      await p.getByRole('radiogroup', { name: '学校类型', exact: true }).getByRole('radio', { name: /公办学位紧张学校/ }).click();
      await button(page, '一键引用子女信息维护内容').waitFor();
    },
    trigger: (page) => button(page, '一键引用子女信息维护内容').click(),
    // The same button asks again.
    retry: (page) => button(page, '一键引用子女信息维护内容').click(),
    draft: async (page) => {
      const p = currentPage(page);
      assert.equal(await p.getByRole('radiogroup', { name: '子女', exact: true }).getByRole('radio').first().getAttribute('aria-checked'), 'true');
      assert.equal(await p.getByRole('radiogroup', { name: '学校类型', exact: true }).getByRole('radio', { name: /公办学位紧张学校/ }).getAttribute('aria-checked'), 'true');
    },
    done: (page) => currentPage(page).locator('[data-testid="quoted-upkeep"]').waitFor(),
    repeatable: true,
  },
  {
    name: 'applications submit (确认提交)',
    route: `${API}/applications`,
    scenario: 'registration-open',
    setup: async (page) => {
      await login(page);
      await chooseDistrict(page, '渝北');
      await go(page, '/pages/apply/index?stage=primary');
      await fillPublicApplication(page);
      await button(page, '下一步：核对报名信息').click();
      await page.waitForURL(/pages\/apply\/review/);
      await visible(page, '核对报名信息');
    },
    // After an unanswered attempt the same button reads 再次提交 and replays the same key.
    trigger: (page) => currentPage(page).getByRole('button', { name: /^(确认提交|再次提交)$/ }).click(),
    retry: (page) => currentPage(page).getByRole('button', { name: /^(确认提交|再次提交)$/ }).click(),
    done: async (page) => {
      await visible(page, '提交成功', 30000);
      assert.equal(Object.keys((await state(page)).applications).length, 1, 'exactly one application after faults and retries');
    },
    repeatable: false,
  },
  {
    name: 'applications resubmit (补正)',
    route: '/resubmit',
    scenario: 'awaiting-correction',
    setup: async (page) => {
      await login(page);
      await go(page, `/pages/my/application/index?id=${encodeURIComponent((await firstApp(page)).id)}`);
      const fix = currentPage(page).locator('[data-testid="correction"]');
      await fix.waitFor();
      await pickPhoto(page, fix, '户口簿');
      await fix.getByRole('button', { name: /删除户口簿/ }).first().waitFor({ timeout: 30000 });
    },
    trigger: (page) => button(page, '提交补正材料').click(),
    draft: (page) => currentPage(page).locator('[data-testid="correction"]').getByRole('button', { name: /删除户口簿/ }).first().waitFor({ timeout: 10000 }),
    done: async (page) => {
      await visible(page, '补正材料已提交，等待复审', 30000);
      const apps = Object.values((await state(page)).applications);
      assert.equal(apps.length, 1, 'still one application');
      assert.equal(apps[0].status, 'resubmitted');
    },
    repeatable: false,
  },
  {
    name: 'applications list',
    route: `${API}/applications`,
    scenario: 'submitted',
    setup: (page) => login(page),
    trigger: (page) => visit(page, '/pages/my/applications/index'),
    done: (page) => currentPage(page).locator('.apps-item').first().waitFor(),
    repeatable: true,
  },
  {
    name: 'application detail',
    route: `${API}/applications/`,
    scenario: 'submitted',
    setup: (page) => login(page),
    trigger: async (page) => visit(page, `/pages/my/application/index?id=${encodeURIComponent((await firstApp(page)).id)}`),
    done: (page) => currentPage(page).locator('[data-testid="status"]').waitFor(),
    repeatable: true,
  },
  {
    name: 'applications withdraw',
    route: '/withdraw',
    scenario: 'submitted',
    setup: async (page) => {
      await login(page);
      await go(page, `/pages/my/application/index?id=${encodeURIComponent((await firstApp(page)).id)}`);
      await currentPage(page).locator('[data-testid="status"]').waitFor();
    },
    trigger: async (page) => {
      if (!(await currentPage(page).getByRole('alertdialog', { name: '确定撤回吗？' }).count())) await button(page, '撤回申请').click();
      await button(page, '确定撤回').click();
    },
    done: (page) => visible(page, '已撤回，可修改后重新提交'),
    repeatable: false,
  },
  {
    name: 'applications confirm (入学确认)',
    route: '/confirm',
    scenario: 'approved-awaiting-confirmation',
    setup: async (page) => {
      await login(page);
      await go(page, `/pages/my/application/index?id=${encodeURIComponent((await firstApp(page)).id)}`);
      await button(page, '确认入学').waitFor();
    },
    // 确认入学 asks once; the fault hits the answer that sends it.
    trigger: async (page) => {
      if (!(await currentPage(page).getByRole('alertdialog', { name: '确定确认入学吗？' }).count())) await button(page, '确认入学').click();
      await button(page, '确定确认入学').click();
    },
    done: (page) => currentPage(page).locator('[data-testid="status"]').filter({ hasText: '已确认入学' }).waitFor(),
    repeatable: false,
  },
  {
    name: 'notice',
    route: '/notice',
    scenario: 'confirmed-with-notice',
    setup: (page) => login(page),
    trigger: async (page) => visit(page, `/pages/my/notice/index?id=${encodeURIComponent((await firstApp(page)).id)}`),
    done: (page) => currentPage(page).locator('[data-testid="notice"]').waitFor(),
    repeatable: true,
  },
  {
    name: 'notice.pdf',
    route: '/notice.pdf',
    scenario: 'confirmed-with-notice',
    kinds: ['error500', 'offline', 'timeout'],
    setup: async (page) => {
      await login(page);
      await go(page, `/pages/my/notice/index?id=${encodeURIComponent((await firstApp(page)).id)}`);
      await currentPage(page).locator('[data-testid="notice"]').waitFor();
    },
    trigger: (page) => button(page, '下载 PDF').click(),
    done: (page) => visible(page, '通知书已下载'),
    repeatable: true,
  },
  {
    name: 'report code',
    route: '/report-code',
    scenario: 'confirmed-with-notice',
    setup: (page) => login(page),
    trigger: async (page) => visit(page, `/pages/child/report-code/index?childId=${encodeURIComponent((await firstApp(page)).childId)}`),
    done: (page) => currentPage(page).locator('[data-testid="report-code-text"]').waitFor(),
    repeatable: true,
  },
  {
    name: 'report-code public key (报到核验)',
    route: '/public-key',
    scenario: 'confirmed-with-notice',
    kinds: ['error500', 'offline', 'timeout'],
    setup: async () => undefined,
    trigger: (page) => visit(page, '/pages/service/checkin/index'),
    done: (page) => visible(page, /已加载2024年度核验公钥/),
    repeatable: true,
  },
];

const DEFAULT_KINDS = ['error500', 'offline', 'timeout', 'sessionExpired'];
/**
 * For the timeout rows the phone's network timeout is shortened through the mock host (a host
 * setting, like a mini-program's networkTimeout), so every call can time out in seconds; the
 * long-timeout case below still runs the real 15 s timeout on representative calls.
 */
const SHORT_NETWORK_TIMEOUT_MS = 2500;

async function retryControl(page, row) {
  if (row.retry) return row.retry(page);
  const again = currentPage(page).getByRole('button', { name: RETRY });
  if (await again.count()) return again.first().click();
  return row.trigger(page);
}

/** Runs one fault kind against a row: message, retry control, draft intact; clears the fault. */
async function oneFault(page, row, kind) {
  const what = `${row.name} × ${kind}`;
  // offline: GETs and keyed writes are retried twice by the client, so 3 misses reach the parent;
  // a page may ask for the same route twice at start, so reads get double. Leftovers are cleared below.
  const retried = kind === 'offline' || kind === 'timeout';
  const times = row.times?.(kind) ?? (kind === 'sessionExpired' ? 1 : (retried ? 3 : 1) * (row.repeatable ? 2 : 1));
  if (kind === 'timeout') assert.equal((await qa(page, 'POST', '/__qa/network', { timeoutMs: SHORT_NETWORK_TIMEOUT_MS })).status, 200);
  const r = await qa(page, 'POST', '/__qa/faults', { route: row.route, kind, times });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  await row.trigger(page);
  await waitForHit(page, times, what);
  if (kind === 'sessionExpired') {
    // The parent is sent to 刷脸 with a reason, and brought back to the same step after it.
    await currentPage(page).getByText('登录已过期，请重新刷脸').waitFor({ timeout: 15000 }).catch(async (error) => {
      // A page that shows its own message in place is fine too, as long as it offers a way on.
      await expectClearMessage(page, what).catch(() => {
        throw error;
      });
    });
    await qa(page, 'DELETE', '/__qa/faults');
    if (row.loginOnExpiry) await page.waitForURL(/pages\/login/, { timeout: 5000 });
    if (/pages\/login/.test(page.url())) {
      await faceLogin(page);
      await page.waitForURL((url) => !/pages\/login/.test(url.href), { timeout: 15000 });
      await page.waitForTimeout(500);
    }
  } else {
    await expectClearMessage(page, what);
    const retry = row.retry ? 1 : await currentPage(page).getByRole('button', { name: RETRY }).count();
    assert.ok(retry > 0 || row.sameButton !== false, `${what}: a way to retry`);
    await qa(page, 'DELETE', '/__qa/faults');
    if (kind === 'timeout') await qa(page, 'POST', '/__qa/network', { timeoutMs: null });
  }
  if (row.draft) await row.draft(page);
}

for (const row of rows) {
  test(`faults on ${row.name}: clear message, retry, draft kept, then the step completes`, async () => {
    const { page, context, consoleLines } = await openApp(suite.browser, suite.server.url);
    try {
      await arrange(page, row.scenario);
      await row.setup(page);
      const kinds = row.kinds ?? DEFAULT_KINDS;
      for (const kind of kinds) {
        await oneFault(page, row, kind);
        if (row.repeatable) {
          await retryControl(page, row);
          await row.done(page);
          if (kind !== kinds[kinds.length - 1]) await row.reset?.(page);
        }
      }
      if (!row.repeatable) {
        await retryControl(page, row);
        await row.done(page);
      }
      assert.ok(!consoleLines.some((l) => l.includes(CHILD_ID_NUMBER) || l.includes('13883216574')), 'no personal data in the console');
    } catch (error) {
      await page.screenshot({ path: `screenshots/res-fail-${row.name.replace(/\W+/g, '_')}.png` }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
}

const rowNamed = (name) => rows.find((r) => r.name === name);
const TIMEOUT_TEXT = '服务器响应超时';
const QUEUE_TEXT = '当前访问人数较多，请稍候';

/** Runs a case in its own phone (own storage, own mock); a failure leaves a screenshot. */
async function onPhone(name, body) {
  const { page, context, consoleLines } = await openApp(suite.browser, suite.server.url);
  try {
    await body(page);
    assert.ok(!consoleLines.some((l) => l.includes(CHILD_ID_NUMBER) || l.includes('13883216574')), `${name}: no personal data in the console`);
  } catch (error) {
    await page.screenshot({ path: `screenshots/res-fail-${name.replace(/\W+/g, '_')}.png` }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * Timeout: the mock answers after 20 s, the client gives up at 15 s (and retries GETs and keyed
 * writes twice by itself), so the fault stays until the parent has seen the message.
 */
async function timeoutCase(row, check) {
  await onPhone(`timeout ${row.name}`, async (page) => {
    const what = `${row.name} × timeout`;
    await arrange(page, row.scenario);
    await row.setup(page);
    await check?.before?.(page);
    assert.equal((await qa(page, 'POST', '/__qa/faults', { route: row.route, kind: 'timeout' })).status, 200);
    await row.trigger(page);
    const p = currentPage(page);
    await p.getByText(TIMEOUT_TEXT).first().waitFor({ timeout: 75000 });
    assert.doesNotMatch(await p.innerText(), RAW, `${what}: no raw error`);
    assert.ok(row.retry || (await p.getByRole('button', { name: RETRY }).count()) > 0, `${what}: a way to retry`);
    await qa(page, 'DELETE', '/__qa/faults');
    if (row.draft) await row.draft(page);
    await retryControl(page, row);
    await row.done(page);
    await check?.after?.(page);
  });
}

/** Submit keys: every attempt, timed out or not, carries the draft's one idempotency key, and a replay makes nothing new. */
function submitKeyCheck() {
  const posts = [];
  return {
    before: async (page) => {
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === `${API}/applications`) posts.push(request);
      });
    },
    after: async (page) => {
      const keys = [...new Set(posts.map((r) => r.headers()['idempotency-key']))];
      assert.ok(posts.length >= 2, `submit was tried more than once (${posts.length})`);
      assert.equal(keys.length, 1, `one idempotency key for every attempt: ${keys.join(', ')}`);
      assert.ok(keys[0], 'the key is sent');
      const apps = Object.values((await state(page)).applications);
      assert.equal(apps.length, 1, 'exactly one application after the timeout and the retry');
      // Replaying the last request as it was sent returns the same application.
      const last = posts[posts.length - 1];
      const replay = await page.evaluate(
        async ([url, headers, body]) => {
          const response = await fetch(url, { method: 'POST', headers, body });
          return { status: response.status, body: await response.json() };
        },
        [last.url(), last.headers(), last.postData()],
      );
      assert.ok(replay.status < 300, `replay answered ${replay.status}`);
      assert.equal(replay.body.application?.id, apps[0].id, 'the replay returns the first application');
      assert.equal(Object.keys((await state(page)).applications).length, 1, 'still one application after a replay');
    },
  };
}

/**
 * Sustained overload on a save: the queue message shows, the whole app sends at most 8 requests in
 * any minute while it waits, and the save completes once the server recovers.
 */
async function overloadCase() {
  const row = rowNamed('upkeep put (保存信息)');
  await onPhone('overload upkeep put', async (page) => {
    await arrange(page, row.scenario);
    await row.setup(page);
    const sent = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(API)) sent.push({ at: Date.now(), url: request.url() });
    });
    assert.equal((await qa(page, 'POST', '/__qa/faults', { route: row.route, kind: 'overloaded' })).status, 200);
    const start = Date.now();
    await row.trigger(page);
    await currentPage(page).getByText(QUEUE_TEXT).first().waitFor({ timeout: 15000 });
    // Keep the server overloaded a while, then let it recover.
    await page.waitForTimeout(Math.max(0, 28000 - (Date.now() - start)));
    await currentPage(page).getByText(QUEUE_TEXT).first().waitFor({ timeout: 5000 }); // still queued, still told
    await qa(page, 'DELETE', '/__qa/faults');
    await row.done(page).catch(() => visible(page, '信息已保存', 60000));
    await row.draft(page);
    const saves = sent.filter((r) => r.url.includes('/upkeep'));
    assert.ok(saves.length >= 2, `the save was retried under overload (${saves.length})`);
    for (const first of sent) {
      const inMinute = sent.filter((r) => r.at >= first.at && r.at < first.at + 60000).length;
      assert.ok(inMinute <= 8, `at most 8 requests a minute under overload, saw ${inMinute}: ${sent.map((r) => `${r.at - start}ms ${new URL(r.url).pathname}`).join(', ')}`);
    }
  });
}

test('timeout on the home card, upkeep save and submit (timeout message, retry, draft kept, one application); sustained overload queues at ≤ 8 requests a minute', async () => {
  // Each case waits 15–50 s on the clock, not the CPU: run them side by side, each in its own phone.
  const results = await Promise.allSettled([
    timeoutCase(rowNamed('home card')),
    timeoutCase(rowNamed('upkeep put (保存信息)')),
    timeoutCase(rowNamed('applications submit (确认提交)'), submitKeyCheck()),
    overloadCase(),
  ]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (failed.length) throw failed.length === 1 ? failed[0] : new AggregateError(failed, failed.map((e) => e.message).join('\n---\n'));
});

/** Personal data that must never leave the page in a URL or the console. */
const PERSONAL = [CHILD_ID_NUMBER, '13883216574', '王子涵', '李娜', '王梓涵'];
const leaks = (text) => PERSONAL.filter((p) => text.includes(p) || text.includes(encodeURIComponent(p)));

/** Logout on the 我的 page must leave no draft: the phone had drafts before (so the check means something). */
async function logoutClearsDrafts(page) {
  const draftKeys = () => page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.includes('draft:')));
  assert.ok((await draftKeys()).length > 0, 'drafts on the phone before logout');
  await go(page, '/pages/my/index');
  await button(page, '退出登录').click();
  await button(page, '确定退出').click();
  await page.waitForURL(/pages\/index\/index/);
  assert.deepEqual(await draftKeys(), [], 'no draft left after logout');
}

test('security: no personal data in URLs or the console, masked by default, markup shown as text, double tap submits and uploads once, drafts gone after logout', async () => {
  const urls = [];
  const consoles = [];
  let dialogs = 0;
  /** A phone whose URLs, console and dialogs are all watched. */
  async function watchedPhone() {
    const opened = await openApp(suite.browser, suite.server.url);
    opened.page.on('request', (request) => urls.push(request.url()));
    opened.page.on('framenavigated', (frame) => urls.push(frame.url()));
    opened.page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    consoles.push(opened.consoleLines);
    return opened;
  }
  const XSS = '<img src=x onerror=alert(1)>';

  // Phone 1, 5-14 (upkeep open in 渝北): masking and markup in a name and an address.
  const one = await watchedPhone();
  try {
    const { page } = one;
    await arrange(page, 'fresh');
    await login(page);
    await chooseDistrict(page, '渝北');
    // Masked by default.
    await go(page, `/pages/child/detail/index?childId=${encodeURIComponent(await firstChildId(page))}`);
    await currentPage(page).locator('[data-testid="masked-text"]').waitFor();
    assert.doesNotMatch(await currentPage(page).innerText(), new RegExp(CHILD_ID_NUMBER));
    // Markup as a real-name correction: text or refused in Chinese, never an element.
    await currentPage(page).getByRole('button', { name: /填写户口簿姓名|修改户口簿姓名/ }).click();
    await input(page, '户口簿姓名').fill(XSS);
    await button(page, '保存户口簿姓名').click();
    await page.waitForTimeout(800);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'markup never becomes an element');
    // Markup as an address.
    await go(page, `/pages/child/upkeep/index?childId=${encodeURIComponent(await firstChildId(page))}`);
    await visible(page, '信息维护开放中');
    await input(page, '户籍地址（户口簿地址）').fill(`重庆市渝北区${XSS}金龙路88号`);
    await button(page, '与户籍地址相同').click();
    await page.waitForTimeout(500);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'markup in an address never becomes an element');
    assert.equal(dialogs, 0, 'no script ran');
    // The typed address is a draft on the phone until logout.
    await logoutClearsDrafts(page);
  } catch (error) {
    await one.page.screenshot({ path: 'screenshots/res-fail-security-1.png' }).catch(() => undefined);
    throw error;
  } finally {
    await one.context.close();
  }

  // Phone 2, 6-11 (registration open): double taps on 确认提交 and on an upload.
  const two = await watchedPhone();
  try {
    const { page } = two;
    await arrange(page, 'registration-open');
    await login(page);
    await chooseDistrict(page, '渝北');
    // A double tap on 确认提交 makes one application.
    await go(page, '/pages/apply/index?stage=primary');
    await fillPublicApplication(page);
    await button(page, '下一步：核对报名信息').click();
    await page.waitForURL(/pages\/apply\/review/);
    await button(page, '确认提交').dblclick();
    await visible(page, '提交成功', 30000);
    await page.waitForTimeout(1000);
    assert.equal(Object.keys((await state(page)).applications).length, 1, 'one application after a double tap');

    // A double tap on an upload button sends one photo.
    await go(page, `/pages/child/materials/index?childId=${encodeURIComponent(await firstChildId(page))}`);
    await currentPage(page).getByRole('radio', { name: /随迁子女/ }).click();
    const permit = currentPage(page).locator('[data-testid="material-residencePermit"]');
    await permit.getByText('必传').waitFor();
    const before = Object.keys((await state(page)).uploads).length;
    const chooser = page.waitForEvent('filechooser');
    await permit.getByRole('button', { name: '上传居住证照片' }).dblclick();
    await (await chooser).setFiles({ name: '居住证.jpg', mimeType: 'image/jpeg', buffer: await photoOf(page, '居住证') });
    await permit.getByText('✓ 已上传').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1500);
    assert.equal(Object.keys((await state(page)).uploads).length, before + 1, 'one upload after a double tap');
    assert.equal(dialogs, 0, 'no script ran');
  } catch (error) {
    await two.page.screenshot({ path: 'screenshots/res-fail-security-2.png' }).catch(() => undefined);
    throw error;
  } finally {
    await two.context.close();
  }

  assert.deepEqual(urls.flatMap(leaks), [], 'no personal data in any URL');
  assert.deepEqual(consoles.flat().flatMap(leaks), [], 'no personal data in the console');
});

/**
 * Parent journey I in Chromium against the mock: face login as the two-children identity, 渝北区,
 * a real-name correction, a hand-added child (wrong then right ID), upkeep with a 不动产单元号,
 * a large photo compressed on the device before upload, a non-image refused, and a reload mid-form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUpBrowserSuite, openApp, qa, screenshot, currentPage, go, input, button, visible } from './harness.mjs';

const suite = setUpBrowserSuite();

const ADDED_ID = '500112201801150026';
const ADDED_ID_WRONG = '500112201801150027';
const UNIT = '500112003004GB00011F00010001';


/** Reloads the app on the same page: the session and the drafts must both come back. */
async function reloadAndResume(page, pageText) {
  await page.reload();
  await currentPage(page).getByText(pageText).first().waitFor();
  // Give a refused session time to show (it would send the parent to face login).
  await page.waitForTimeout(1000);
  assert.equal(await currentPage(page).getByRole('button', { name: '开始刷脸', exact: true }).count(), 0, 'a reload must not log the parent out');
}

/** A 12-megapixel "photo" (noise + text) made by the page's own canvas, as a JPEG buffer. */
async function bigPhoto(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(4000, 3000);
    for (let i = 0; i < image.data.length; i += 4) {
      const v = (Math.random() * 255) | 0;
      image.data[i] = v;
      image.data[i + 1] = (v * 7) & 255;
      image.data[i + 2] = 255 - v;
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    ctx.fillStyle = '#000';
    ctx.font = 'bold 160px sans-serif';
    ctx.fillText('重庆市居住证 500112 测试', 200, 1500);
    return canvas.toDataURL('image/jpeg', 0.92).split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

test('parent journey I: login, district, children, manual add, upkeep, materials, reload', async () => {
  const { page, context, consoleLines } = await openApp(suite.browser, suite.server.url);
  try {
    await qa(page, 'POST', '/__qa/clock', { now: '2024-05-14T10:00:00+08:00' });

    // --- face login through the simulated host sheet
    await go(page, '/pages/login/index');
    await visible(page, '不会获取或保存您的人脸照片');
    await screenshot(page, 'j1-login');
    await button(page, '开始刷脸').click();
    const sheet = page.locator('[data-testid="face-sheet"]');
    await sheet.waitFor();
    await screenshot(page, 'j1-face-sheet');
    await sheet.locator('[data-identity="two-children"]').click();
    await visible(page, '王浩宇');
    assert.match(page.url(), /pages\/children\/index/);

    // --- current district: search and choose 渝北区
    await button(page, '去选择孩子9月就读的区县').click();
    await visible(page, '例如：在长寿区读六年级、初中打算回渝北区就读的，选择渝北区');
    await input(page, '搜索区县').fill('渝北');
    await currentPage(page).getByRole('radio', { name: /渝北区/ }).click();
    const chosen = currentPage(page).locator('[data-testid="district-current"]');
    await chosen.waitFor();
    assert.match(await chosen.innerText(), /子女信息维护\s*5月13日 08:00 至 5月18日 22:00/);
    await screenshot(page, 'j1-district');
    await button(page, '下一步：我的子女').click();
    await visible(page, '当前区域：渝北区');
    const cards = currentPage(page).locator('[data-testid="child-card"]');
    assert.equal(await cards.count(), 2);
    assert.match(await cards.first().innerText(), /5001\*{10}004X/);
    await screenshot(page, 'j1-children');

    // --- real-name correction (Q14) and the masked ID
    await button(page, '查看王子涵的详情').click();
    await button(page, '填写户口簿姓名').click();
    await input(page, '户口簿姓名').fill('王梓涵');
    await button(page, '保存户口簿姓名').click();
    await visible(page, '已保存户口簿姓名“王梓涵”');
    const masked = currentPage(page).locator('[data-testid="masked-text"]');
    assert.equal(await masked.innerText(), '5001**********004X');
    await button(page, '显示身份证件号码').click();
    await currentPage(page).getByText('50011220180312004X').waitFor();
    await screenshot(page, 'j1-detail');

    // --- manual add: wrong ID then right
    await page.goBack();
    await button(page, '＋ 手动新增子女').click();
    await input(page, '子女姓名').fill('张小雨');
    await input(page, '子女身份证件号码').fill(ADDED_ID_WRONG);
    await currentPage(page).locator('.field-error').first().waitFor();
    assert.match(await currentPage(page).locator('.field-error').first().innerText(), /校验位/);
    await screenshot(page, 'j1-add-wrong-id');
    await input(page, '子女身份证件号码').fill(ADDED_ID);
    await visible(page, '出生日期 2018年1月15日，可报名：幼升小（入读一年级）');
    await currentPage(page).getByRole('radio', { name: '母亲' }).click();
    await screenshot(page, 'j1-add-right-id');
    await button(page, '确认新增').click();
    await visible(page, '出生医学证明姓名');
    assert.match(page.url(), /child\/detail\/index\?childId=/);

    // --- upkeep for the added child, with a reload in the middle of the form
    await currentPage(page).getByRole('button', { name: /子女信息维护/ }).click();
    await visible(page, '信息维护开放中');
    await input(page, '户籍地址（户口簿地址）').fill('重庆市渝北区龙溪街道金龙路88号3栋2单元501');
    await button(page, '与户籍地址相同').click();
    await input(page, '不动产单元号').fill('500112003004XB00011F00010001');
    await currentPage(page).locator('.field-invalid .field-error').first().waitFor();
    await screenshot(page, 'j1-upkeep-wrong-unit');
    await input(page, '不动产单元号').fill(UNIT);
    await visible(page, '✓ 不动产单元号格式正确');
    await input(page, '监护人1姓名').fill('李娜');
    await page.waitForTimeout(300);
    await reloadAndResume(page, '信息维护开放中');
    assert.equal(await input(page, '户籍地址（户口簿地址）').inputValue(), '重庆市渝北区龙溪街道金龙路88号3栋2单元501');
    assert.equal(await input(page, '不动产单元号').inputValue(), UNIT);
    assert.equal(await input(page, '监护人1姓名').inputValue(), '李娜');
    await input(page, '权利人姓名（证书上的产权人）').fill('李娜');
    await input(page, '监护人1手机号码').fill('13883216574');
    await button(page, '保存信息').click();
    await visible(page, '信息已保存。报名时可“一键引用”');
    await screenshot(page, 'j1-upkeep-saved');

    // --- materials: a 12-megapixel photo compressed before upload, and a non-image refused
    await button(page, '下一步：我的材料').click();
    await currentPage(page).getByRole('radio', { name: /随迁子女/ }).click();
    const permit = currentPage(page).locator('[data-testid="material-residencePermit"]');
    await permit.getByText('必传').waitFor();
    const photo = await bigPhoto(page);
    assert.ok(photo.length > 3_000_000, `generated photo is ${photo.length} bytes`);
    let chooser = page.waitForEvent('filechooser');
    await permit.getByRole('button', { name: '上传居住证照片' }).click();
    await (await chooser).setFiles({ name: '居住证.jpg', mimeType: 'image/jpeg', buffer: photo });
    await permit.getByText('✓ 已上传').waitFor({ timeout: 30000 });
    const state = await qa(page, 'GET', '/__qa/state');
    const uploads = Object.values(state.body.uploads);
    assert.equal(uploads.length, 1);
    assert.ok(uploads[0].size < photo.length / 4, `sent ${uploads[0].size} bytes for a ${photo.length}-byte photo`);
    assert.ok(Math.max(uploads[0].width, uploads[0].height) <= 2048 && Math.max(uploads[0].width, uploads[0].height) >= 1600, `long edge ${uploads[0].width}x${uploads[0].height}`);
    await screenshot(page, 'j1-materials-uploaded');

    // A second picture for the same item, but a PDF: refused, and the first photo stays.
    chooser = page.waitForEvent('filechooser');
    await permit.getByRole('button', { name: '上传居住证照片' }).click();
    await (await chooser).setFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const refusal = permit.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /不是图片/);
    assert.equal(Object.keys((await qa(page, 'GET', '/__qa/state')).body.uploads).length, 1);
    assert.equal(await permit.getByText('✓ 已上传').count(), 1);
    await screenshot(page, 'j1-materials-refused');

    // --- reload: the choice and the uploaded photo are still there
    await reloadAndResume(page, '材料清单');
    await permit.getByText('✓ 已上传').waitFor();
    assert.equal(await currentPage(page).getByRole('radio', { name: /随迁子女/ }).getAttribute('aria-checked'), 'true');
    await screenshot(page, 'j1-materials-after-reload');
    assert.deepEqual(consoleLines.filter((l) => l.startsWith('pageerror')), []);
  } catch (error) {
    console.log('failed at', page.url());
    await page.screenshot({ path: 'screenshots/j1-failure.png' }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
});

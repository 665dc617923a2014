/**
 * The parent's main journey on the built mini-program, step by step as a parent taps it: launch →
 * face login → 当前区域 → children → upkeep → materials (a picked image) → 申报须知 tick → 确认提交 →
 * 办件详情 → 入学确认 → notice → 报到码 → check-in. QA moves the server clock between phases.
 * Each step names where it is, so a failure says exactly where the walk stopped.
 */
import QRCode from 'qrcode';
import UPNG from 'upng-js';
import { makePhoto } from './wxHost';
import type { Session } from './session';

export interface Step {
  name: string;
  run: (s: Session) => Promise<void>;
}

const UNIT = '500112003004GB00011F00010001';

async function qaClock(s: Session, local: string) {
  await s.host.qa('POST', '/__qa/clock', { now: `${local}+08:00`, frozen: false });
}

export const JOURNEY: Step[] = [
  {
    name: 'launch',
    async run(s) {
      await qaClock(s, '2024-05-14T10:00:00');
      if (s.embedded) {
        // The host's own home page (a plain WeChat page), and its entry to the module.
        s.mp.launch('host/index/index');
        await s.mp.settle();
        const host = s.mp.current();
        if (typeof host.openEnrolment !== 'function') throw new Error('the host page has no 入学一件事 entry');
        (host.openEnrolment as () => void).call(host);
        await s.waitForRoute('pages/index/index');
      } else {
        s.mp.launch();
      }
      await s.mp.settle();
      await s.waitForText('义务教育入学一件事');
    },
  },
  {
    name: 'face login (wx.login code → server begins WeChat face 2.0 → wx.requestFacialVerify → session)',
    async run(s) {
      await s.tap('刷脸登录', 'button');
      await s.waitForRoute('pages/login/index');
      await s.waitForText('开始刷脸');
      // User text names the host the module runs in: the example host names itself in its registration.
      const host = s.embedded ? '示例宿主' : '渝快办';
      await s.waitForText(`${host}会打开刷脸核验`);
      if (s.embedded && s.pageText().includes('渝快办')) throw new Error('the embedded login page names 渝快办, not the host');
      if (s.embedded) {
        // The host's registration gave its colour and telemetry: the page frame carries the colour,
        // the host heard the page view.
        const frame = s.findAll((n) => typeof n.cl === 'string' && /(^| )page( |$)/.test(n.cl))[0];
        const style = String(frame?.st ?? '');
        if (!/--c-primary:\s*#0a7f5a/.test(style)) throw new Error(`the page frame does not carry the host's primary colour (style "${style}")`);
        const log = (s.mp.realm as unknown as { __HOST_TELEMETRY__?: { type: string; title?: string }[] }).__HOST_TELEMETRY__ ?? [];
        if (!log.some((t) => t.type === 'pageView' && t.title === '刷脸登录')) throw new Error(`the host's telemetry heard no page view of 刷脸登录: ${JSON.stringify(log)}`);
      }
      await s.tap('开始刷脸');
      await s.waitForRoute('pages/children/index');
      await s.waitForText('王子涵');
    },
  },
  {
    name: '当前区域: 渝北区',
    async run(s) {
      await s.tap('去选择孩子9月就读的区县');
      await s.waitForRoute('pages/district/index');
      await s.waitForText('渝北区');
      await s.tap(/渝北区/, 'radio');
      await s.waitForText('子女信息维护5月13日 08:00 至 5月18日 22:00');
      await s.tap('下一步：我的子女');
      await s.waitForRoute('pages/children/index');
      await s.waitForText('当前区域：渝北区');
    },
  },
  {
    name: 'children → detail',
    async run(s) {
      await s.tap('详情与信息维护');
      await s.waitForRoute('pages/child/detail/index');
      await s.waitForText('出生医学证明姓名');
    },
  },
  {
    name: 'upkeep: addresses, 不动产单元号, guardian, saved',
    async run(s) {
      await s.tap(/子女信息维护/);
      await s.waitForRoute('pages/child/upkeep/index');
      await s.waitForText('信息维护开放中');
      await s.fill('户籍地址（户口簿地址）', '重庆市渝北区龙溪街道金龙路88号3栋2单元501');
      await s.tap('与户籍地址相同');
      await s.fill('不动产单元号', UNIT);
      await s.waitForText('✓ 不动产单元号格式正确');
      await s.fill('权利人姓名（证书上的产权人）', '李娜');
      await s.fill('监护人1姓名', '李娜');
      await s.fill('监护人1手机号码', '13883216574');
      await s.tap('保存信息');
      await s.waitForText('信息已保存');
    },
  },
  {
    name: 'materials: a photo picked with chooseMedia, compressed and uploaded',
    async run(s) {
      await s.tap('下一步：我的材料');
      await s.waitForRoute('pages/child/materials/index');
      await s.tap(/随迁子女/, 'radio');
      await s.waitForText('居住证');
      // A 2000 x 1500 photo at high quality: the bridge must have WeChat scale and re-encode it before upload.
      const photo = makePhoto(2000, 1500, 95);
      s.host.pick({ bytes: photo, ext: 'jpg' });
      await s.tap('上传居住证照片');
      await s.waitForText('✓ 已上传', 20000);
      const state = (await s.host.qa('GET', '/__qa/state')) as { uploads: Record<string, { size: number; width: number; height: number; mime: string }> };
      const uploads = Object.values(state.uploads);
      if (uploads.length !== 1) throw new Error(`${uploads.length} uploads on the server`);
      const [sent] = uploads;
      if (Math.max(sent.width, sent.height) !== 1800 || sent.mime !== 'image/jpeg') throw new Error(`sent ${sent.width}x${sent.height} ${sent.mime}`);
      if (sent.size >= photo.length / 2) throw new Error(`sent ${sent.size} bytes for a ${photo.length}-byte photo`);
    },
  },
  {
    name: '网上报名 opens (QA clock 6月11日): cold start on 幼升小在线申报',
    async run(s) {
      await qaClock(s, '2024-06-11T10:00:00');
      await s.restart('pages/index/index');
      await s.waitForText('正式网上报名进行中');
      await s.tap('幼升小在线申报', 'button');
      await s.waitForRoute('pages/apply/index');
      await s.waitForText('报名先后不影响录取结果');
    },
  },
  {
    name: 'apply: child, 公办学位紧张学校, a school, 申报须知 tick, 一键引用, required materials',
    async run(s) {
      const child = s.findControl(/王\*涵/, 'radio', s.group('子女'));
      if (!child) throw new Error('王子涵 is not among the children to choose');
      if (child && child.ariaChecked !== true) await s.tap(child);
      await s.tap(/公办学校/, 'radio', s.group('学校性质'));
      await s.tap(/公办学位紧张学校/, 'radio', s.group('学校类型'));
      await s.waitForText('申报须知');
      const schools = s.group('学校');
      const first = s.findAll((n) => n.role === 'radio').find((n) => s.walkContains(schools, n));
      if (!first) throw new Error('no school to choose');
      await s.tap(first);
      await s.waitForText(NOTES_TICK);
      const tick = () => s.findControl(NOTES_TICK, 'checkbox');
      for (let i = 0; i < 50 && tick()?.ariaDisabled === true; i++) await new Promise((r) => setTimeout(r, 20));
      await s.tap(tick()!);
      if (tick()?.ariaChecked !== true) throw new Error('the 申报须知 tick did not take');
      await s.tap('一键引用子女信息维护内容');
      await s.waitForText('已引用子女信息维护中的内容');
      await uploadRequired(s);
    },
  },
  {
    name: '核对 → 确认提交 → 提交成功',
    async run(s) {
      await s.tap('下一步：核对报名信息');
      await s.waitForRoute('pages/apply/review/index');
      await s.waitForText('核对报名信息');
      await s.tap('确认提交');
      await s.waitForRoute('pages/apply/result/index');
      await s.waitForText('提交成功');
    },
  },
  {
    name: '办件详情: 待审核',
    async run(s) {
      await s.tap('查看办件详情');
      await s.waitForRoute('pages/my/application/index');
      await s.waitForText('待审核');
    },
  },
  {
    name: '入学确认: approved by the office (QA), 7月1日, 确认入学',
    async run(s) {
      const id = decodeURIComponent(s.mp.current().options.id ?? '');
      if (!id) throw new Error('the application page has no id');
      await s.host.qa('POST', '/__qa/review', { applicationId: id, action: 'approve' });
      await qaClock(s, '2024-07-01T10:00:00');
      await s.restart('pages/my/application/index', { id: encodeURIComponent(id) });
      await s.waitForText('审核通过');
      await s.tap('确认入学');
      // A binding choice asks once (issue 15): the dialog says what it binds.
      await s.waitForText('确定确认入学吗？');
      await s.tap('确定确认入学');
      await s.waitForText('已确认入学');
    },
  },
  {
    name: 'notice: 7月16日, 电子入学通知书, PDF through wx.downloadFile + openDocument',
    async run(s) {
      const id = s.mp.current().options.id;
      await qaClock(s, '2024-07-16T10:00:00');
      await s.restart('pages/my/application/index', { id });
      await s.tap('查看电子入学通知书');
      await s.waitForRoute('pages/my/notice/index');
      await s.waitForText('入学通知书');
      await s.tap('下载 PDF');
      await s.waitForText('通知书已下载');
    },
  },
  {
    name: '报到码: one QR image',
    async run(s) {
      await s.tap('查看报到码');
      await s.waitForRoute('pages/child/report-code/index');
      await s.waitForText('秋季入学报到码', 10000);
      const qr = s.findAll((n) => n.role === 'img' && typeof n.ariaLabel === 'string' && n.ariaLabel.startsWith('报到码二维码'));
      if (qr.length !== 1) throw new Error(`expected one QR code, found ${qr.length}`);
      // One <image> with a PNG data URL inside it, and nothing else.
      const inside = s.findAll((n) => n.nn !== undefined && s.walkContains(qr[0], n)).length - 1;
      const src = JSON.stringify(qr[0]).match(/data:image\/png;base64,[A-Za-z0-9+/=]+/);
      if (inside !== 1 || !src) throw new Error(`the QR code is ${inside} nodes${src ? '' : ' without a PNG'}`);
      const text = s.byTestId('report-code-text')[0] ?? s.findAll((n) => typeof n.cl === 'string' && n.cl.includes('rc-text-value'))[0];
      reportCode = text ? s.textOf(text).trim() : '';
      // The image a teacher's camera sees is the QR code of exactly that text.
      if (!sameQr(src[0], reportCode)) throw new Error('the QR image does not encode the report code text');
      if (reportCode.length < 40) throw new Error(`report code text: ${reportCode.length} characters`);
    },
  },
  {
    name: 'check-in: the teacher verifies the code offline (@noble/curves without TextEncoder)',
    async run(s) {
      await s.restart('pages/service/checkin/index');
      await s.waitForText(/已加载2024年度核验公钥/, 10000);
      // The teacher scans the parent's screen (wx.scanCode through the bridge) …
      s.host.showToCamera(reportCode);
      await s.tap('扫码核验', 'button');
      await s.waitForText('✓ 报到码有效');
      // … and a code with one character changed, pasted by hand, is refused (the signature no longer holds).
      const at = Math.floor(reportCode.length / 2);
      const tampered = reportCode.slice(0, at) + (reportCode[at] === 'A' ? 'B' : 'A') + reportCode.slice(at + 1);
      const area = s.findAll((n) => n.p13 !== undefined || typeof n.nativeProps === 'object')[0];
      if (!area) throw new Error('no code field on the check-in page');
      await s.input(area, tampered);
      await s.tap('核验', 'button');
      await s.waitForText(/✗ (报到码无效|无法识别的报到码)/);
    },
  },
  {
    name: '长辈版: the WeChat font size is raised while the mini-program is in the background; on return the page switches',
    async run(s) {
      const pageClass = () => String((s.root()?.cn?.[0] as { cl?: string } | undefined)?.cl ?? '');
      if (pageClass().includes('elder')) throw new Error('the page is already in 长辈版');
      s.host.setFontScale(1.4);
      s.mp.foreground();
      s.host.appShow();
      await s.waitFor(() => pageClass().includes('elder'), '长辈版 class on the page');
    },
  },
];

let reportCode = '';

export const NOTES_TICK = '我已阅读以上申报须知，知晓并确认相关内容';

/** Uploads a photo for every 必传 material of the apply page that has none yet. */
async function uploadRequired(s: Session) {
  const box = await s.waitFor(() => s.byTestId('materials')[0] ?? s.findAll((n) => n.cl === 'card' && s.textOf(n).startsWith('6. 上传材料'))[0], 'the materials list of the apply page');
  const items = s.findAll((n) => n.cl === 'material').filter((n) => s.walkContains(box, n));
  for (const item of items) {
    const text = s.textOf(item);
    if (!text.includes('必传') || text.includes('✓ 已上传')) continue;
    const name = s.textOf(s.findAll((n) => n.cl === 'material-name').find((n) => s.walkContains(item, n))!);
    s.host.pick({ bytes: makePhoto(1600, 1200), ext: 'jpg' });
    await s.tap(`上传${name}照片`, 'button');
    await s.waitForText('✓ 已上传', 15000);
  }
}

/** Whether a PNG data URL shows the QR code of `text` (module centres sampled, quiet zone of 4). */
export function sameQr(dataUrl: string, text: string): boolean {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const bytes = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  const img = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  const rgba = new Uint8Array(UPNG.toRGBA8(img)[0]);
  const count = modules.size + 8;
  const scale = img.width / count;
  if (img.width !== img.height || !Number.isInteger(scale)) return false;
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < count; c++) {
      const inside = r >= 4 && c >= 4 && r < count - 4 && c < count - 4;
      const want = inside && modules.get(r - 4, c - 4) === 1;
      const at = ((Math.floor((r + 0.5) * scale) * img.width) + Math.floor((c + 0.5) * scale)) * 4;
      if ((rgba[at] < 128) !== want) return false;
    }
  }
  return true;
}

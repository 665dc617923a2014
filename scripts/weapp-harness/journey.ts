/**
 * The parent's main journey on the built mini-program, step by step as a parent taps it: launch →
 * face login → 当前区域 → children → upkeep → materials (a picked image) → 申报须知 tick → 确认提交 →
 * 办件详情 → 入学确认 → notice → 报到码 → check-in. QA moves the server clock between phases.
 * Each step names where it is, so a failure says exactly where the walk stopped.
 */
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
      s.mp.launch();
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
      await s.waitForText('子女信息维护5月13日 至 5月18日');
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
      s.host.pick({ bytes: makePhoto(1600, 1200), ext: 'jpg' });
      await s.tap('上传居住证照片');
      await s.waitForText('✓ 已上传', 15000);
    },
  },
];

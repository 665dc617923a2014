/**
 * The QA panel (mock builds only, plain DOM): clock presets, next face identity, reviewer actions
 * on any application, lottery, faults, host UI style and scenario reset. It only talks to /__qa/.
 */
import { MATERIAL_NAMES } from '@/domain/labels';
import { STATUS_INFO } from '@/domain/status';
import type { Application, ApplicationStatus } from '@contract/application';
import { UI_STYLE_EVENT } from './devHost/capabilities';
import { qaNetworkTimeoutMs, setQaNetworkTimeoutMs } from './networkKnob';
import type { MaterialCode } from '@contract/materials';

const CLOCK_PRESETS: [string, string][] = [
  ['5-08 10:00 子女信息维护（第1批）', '2024-05-08T10:00:00+08:00'],
  ['5-08 23:00 夜间维护', '2024-05-08T23:00:00+08:00'],
  ['5-10 10:00 全天维护', '2024-05-10T10:00:00+08:00'],
  ['5-14 10:00 子女信息维护（渝北第2批）', '2024-05-14T10:00:00+08:00'],
  ['6-05 10:00 正式报名（第1批）', '2024-06-05T10:00:00+08:00'],
  ['6-11 10:00 正式报名（渝北第2批）', '2024-06-11T10:00:00+08:00'],
  ['6-18 10:00 民办报名', '2024-06-18T10:00:00+08:00'],
  ['6-20 10:00 摇号日', '2024-06-20T10:00:00+08:00'],
  ['6-20 17:59:50 确认截止前', '2024-06-20T17:59:50+08:00'],
  ['6-20 18:00:01 确认已截止', '2024-06-20T18:00:01+08:00'],
  ['6-21 10:00 公办兜底', '2024-06-21T10:00:00+08:00'],
  ['7-15 10:00 入学确认最后一天（提醒）', '2024-07-15T10:00:00+08:00'],
  ['7-16 10:00 通知书发放', '2024-07-16T10:00:00+08:00'],
];

const FAULTS: [string, string][] = [
  ['error500', '服务器错误 500'],
  ['timeout', '请求超时'],
  ['offline', '网络断开'],
  ['sessionExpired', '登录过期'],
  ['overloaded', '访问人数过多 429'],
];

const BUTTON = 'min-height:44px;padding:0 12px;margin:4px 6px 4px 0;border:1px solid #c9cdd4;border-radius:6px;background:#f7f8fa;font-size:14px';
const FIELD = 'min-height:44px;box-sizing:border-box;width:100%;margin:4px 0;padding:0 8px;font-size:14px;border:1px solid #c9cdd4;border-radius:6px';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, style = ''): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (style) node.style.cssText = style;
  return node;
}

function button(label: string, onClick: () => void | Promise<void>): HTMLButtonElement {
  const b = el('button', { type: 'button', textContent: label }, BUTTON);
  b.addEventListener('click', () => void onClick());
  return b;
}

function labelled<T extends HTMLElement>(text: string, control: T): HTMLLabelElement {
  const label = el('label', { textContent: text }, 'display:block;font-size:13px;color:#4e5969;margin-top:6px');
  label.append(control);
  return label;
}

function section(title: string): HTMLElement {
  const box = el('section', {}, 'border-top:1px solid #e5e6eb;padding:8px 0');
  box.append(el('h3', { textContent: title }, 'font-size:15px;margin:4px 0'));
  return box;
}

/** QA answers are read loosely: the panel only shows them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

async function qa(method: string, path: string, body?: unknown): Promise<{ ok: boolean; data: Loose }> {
  const res = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const data = await res.json().catch(() => ({}));
  return { ok: res.ok, data };
}

export function openQaPanel(): void {
  const existing = document.getElementById('qa-panel');
  if (existing) {
    existing.remove();
    return;
  }
  const panel = el('div', { id: 'qa-panel' }, 'position:fixed;inset:5vh 8px auto 8px;z-index:10001;background:#fff;border:1px solid #c9cdd4;border-radius:8px;padding:12px;font:14px sans-serif;max-height:88vh;overflow:auto;box-shadow:0 4px 16px rgba(0,0,0,.2)');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '测试面板');
  const header = el('div', {}, 'display:flex;justify-content:space-between;align-items:center');
  header.append(el('h2', { textContent: '测试面板（仅模拟环境）' }, 'font-size:16px;margin:0'), button('关闭', () => panel.remove()));
  const status = el('p', {}, 'min-height:20px;margin:6px 0;color:#165dff');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.dataset.testid = 'qa-status';
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.style.color = error ? '#f53f3f' : '#165dff';
  };
  const report = (r: { ok: boolean; data: Loose }, success: string) => (r.ok ? say(success) : say(r.data?.error?.message ?? '操作失败', true));
  panel.append(header, status);

  // ---- clock ----
  const clock = section('服务器时间');
  const now = el('p', { textContent: '当前：…' }, 'margin:2px 0;color:#4e5969');
  now.dataset.testid = 'qa-now';
  const setClock = async (iso: string) => {
    const r = await qa('POST', '/__qa/clock', { now: iso });
    report(r, `时间已设为 ${iso}，页面将刷新`);
    if (r.ok) setTimeout(() => location.reload(), 300);
  };
  clock.append(now);
  for (const [label, iso] of CLOCK_PRESETS) clock.append(button(label, () => setClock(iso)));
  const custom = el('input', { value: '2024-06-18T10:00:00+08:00' }, FIELD);
  clock.append(labelled('自定义时间（ISO 8601）', custom), button('设置时间', () => setClock(custom.value)));

  // ---- identity ----
  const identity = section('下一位刷脸身份');
  const identitySelect = el('select', {}, FIELD);
  identity.append(labelled('家长身份', identitySelect), button('设为下一位刷脸身份', async () => report(await qa('POST', '/__qa/identity', { id: identitySelect.value }), '已设置，下次刷脸将以此身份登录')));

  // ---- scenarios ----
  const scenario = section('重置到场景');
  const scenarioSelect = el('select', {}, FIELD);
  const scenarioNote = el('p', {}, 'margin:2px 0;font-size:13px;color:#4e5969');
  scenarioSelect.addEventListener('change', () => (scenarioNote.textContent = scenarioSelect.selectedOptions[0]?.title ?? ''));
  scenario.append(
    labelled('场景', scenarioSelect),
    scenarioNote,
    button('重置到该场景', async () => {
      const r = await qa('POST', '/__qa/reset', { scenario: scenarioSelect.value });
      report(r, '已重置，页面将刷新');
      if (r.ok) setTimeout(() => location.reload(), 300);
    }),
  );

  // ---- reviewer ----
  const reviewer = section('审核人员：办件列表');
  const list = el('div');
  const reason = el('input', { placeholder: '例如：户口簿照片不清晰，请重新拍摄' }, FIELD);
  const items = el('div', {}, 'display:flex;flex-wrap:wrap');
  for (const [code, name] of Object.entries(MATERIAL_NAMES)) {
    const box = el('label', {}, 'min-height:44px;display:flex;align-items:center;margin-right:12px;font-size:13px');
    const check = el('input', { type: 'checkbox', value: code }, 'width:20px;height:20px;margin-right:4px');
    box.append(check, name);
    items.append(box);
  }
  const selectedItems = () => Array.from(items.querySelectorAll('input:checked')).map((i) => (i as HTMLInputElement).value as MaterialCode);
  const act = async (id: string, action: string) => {
    const r = await qa('POST', '/__qa/review', { applicationId: id, action, reason: reason.value, items: selectedItems() });
    report(r, `办件已更新为「${r.ok ? STATUS_INFO[r.data.application.status as ApplicationStatus].label : ''}」`);
    await refresh();
  };
  reviewer.append(list, labelled('原因（补正、不通过时必填，家长可见）', reason), el('p', { textContent: '补正材料：' }, 'margin:6px 0 0;font-size:13px'), items);

  // ---- lottery ----
  const lottery = section('民办摇号');
  const schoolId = el('input', { placeholder: '留空则为所有待摇号学校，例如 500112-P-6' }, FIELD);
  lottery.append(
    labelled('学校编号', schoolId),
    button('运行摇号并公布结果', async () => {
      const r = await qa('POST', '/__qa/lottery', schoolId.value ? { schoolId: schoolId.value } : {});
      report(r, r.ok ? r.data.decisions.map((d: Loose) => `${d.schoolName}：${d.withoutLottery ? '直接录取' : `摇号（${d.entrantCount}人报名，计划${d.places}人）`}`).join('；') : '');
      await refresh();
    }),
  );

  // ---- faults ----
  const faults = section('故障注入');
  const route = el('input', { placeholder: '留空为所有接口，例如 /api/v1/applications' }, FIELD);
  const kind = el('select', {}, FIELD);
  for (const [value, text] of FAULTS) kind.append(el('option', { value, textContent: text }));
  const times = el('input', { type: 'number', min: '1', placeholder: '留空为一直生效' }, FIELD);
  faults.append(
    labelled('接口路径', route),
    labelled('故障类型', kind),
    labelled('次数', times),
    button('注入故障', async () => report(await qa('POST', '/__qa/faults', { route: route.value || undefined, kind: kind.value, times: times.value ? Number(times.value) : undefined }), '故障已注入')),
    button('清除所有故障', async () => report(await qa('DELETE', '/__qa/faults'), '故障已清除')),
  );

  // ---- UI style ----
  const style = section('宿主界面样式');
  // The host says its style at start (GET /host/ui-style) and tells a running module by an event.
  const setStyle = async (value: 'normal' | 'elder', done: string) => {
    const r = await qa('POST', '/__qa/ui-style', { style: value });
    if (r.ok) window.dispatchEvent(new CustomEvent(UI_STYLE_EVENT, { detail: value }));
    report(r, done);
  };
  style.append(button('标准版', () => setStyle('normal', '已切换为标准版')), button('长辈版（大字）', () => setStyle('elder', '已切换为长辈版')));

  // ---- the phone's network timeout (a host setting kept on this phone, not on the server) ----
  const network = section('网络超时（本机）');
  const timeoutMs = el('input', { type: 'number', min: '100', placeholder: '留空为默认（15 秒）' }, FIELD);
  timeoutMs.value = String(qaNetworkTimeoutMs() ?? '');
  network.append(
    labelled('超时毫秒数', timeoutMs),
    button('应用', () => {
      const set = setQaNetworkTimeoutMs(timeoutMs.value ? Number(timeoutMs.value) : null);
      status.textContent = set.timeoutMs ? `网络超时已设为 ${set.timeoutMs} 毫秒` : '已恢复默认网络超时';
    }),
  );

  // ---- the host's pushes (what the parent's phone received: title and masked name only) ----
  const pushes = section('宿主推送（模拟手机通知）');
  const pushList = el('div');
  pushList.dataset.testid = 'qa-pushes';
  pushes.append(pushList, button('刷新推送', () => refresh()));

  panel.append(clock, identity, scenario, reviewer, lottery, faults, style, network, pushes);
  document.body.append(panel);

  async function refresh(): Promise<void> {
    const [state, apps, sent] = await Promise.all([qa('GET', '/__qa/state'), qa('GET', '/__qa/applications'), qa('GET', '/__qa/pushes')]);
    pushList.replaceChildren();
    const pushRows: Array<{ title: string; body: string; at: string }> = sent.ok ? sent.data.pushes : [];
    if (pushRows.length === 0) pushList.append(el('p', { textContent: '暂无推送（家长须先在“消息”中开启消息提醒）' }, 'color:#86909c;margin:4px 0'));
    for (const p of [...pushRows].reverse()) {
      const row = el('div', {}, 'border:1px solid #e5e6eb;border-radius:6px;padding:6px;margin:4px 0');
      row.append(el('strong', { textContent: p.title }), el('div', { textContent: p.body }, 'font-size:13px'), el('div', { textContent: p.at }, 'color:#4e5969;font-size:12px'));
      pushList.append(row);
    }
    if (state.ok) now.textContent = `当前：${state.data.now}（场景 ${state.data.scenario}）`;
    list.replaceChildren();
    const rows: (Application & { identityId: string | null })[] = apps.ok ? apps.data.applications : [];
    if (rows.length === 0) list.append(el('p', { textContent: '暂无办件' }, 'color:#86909c;margin:4px 0'));
    for (const app of rows) {
      const row = el('div', {}, 'border:1px solid #e5e6eb;border-radius:6px;padding:6px;margin:4px 0');
      row.dataset.application = app.id;
      row.append(el('div', { textContent: `${app.number} · ${app.childNameMasked} · ${app.schoolName}` }), el('div', { textContent: `状态：${STATUS_INFO[app.status].label}（${app.identityId ?? ''}）` }, 'color:#4e5969;font-size:13px'));
      row.append(button('开始审核', () => act(app.id, 'start-review')), button('审核通过', () => act(app.id, 'approve')), button('要求补正', () => act(app.id, 'request-correction')), button('审核不通过', () => act(app.id, 'reject')));
      list.append(row);
    }
  }

  void (async () => {
    const [ids, scenarios] = await Promise.all([qa('GET', '/__qa/identities'), qa('GET', '/__qa/scenarios')]);
    for (const i of ids.ok ? ids.data.identities : []) identitySelect.append(el('option', { value: i.id, textContent: i.label, title: i.description }));
    for (const s of scenarios.ok ? scenarios.data.scenarios : []) scenarioSelect.append(el('option', { value: s.name, textContent: `${s.name}`, title: s.description }));
    scenarioNote.textContent = scenarioSelect.selectedOptions[0]?.title ?? '';
    await refresh();
  })();
}

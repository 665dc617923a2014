/**
 * Scenario presets for POST /__qa/reset { scenario }: each jumps to a useful state so QA does not
 * have to click through the whole journey first. Every one is built by the server's own use cases
 * (login, upkeep, upload, submit, review, lottery, confirm, the scheduled jobs) on an empty database.
 */
import * as applications from '../usecases/applications';
import { qaContext, type QaDeps } from './context';
import { losingRandomness, enterRandomnessAsOffice } from './lottery';
import { at, dayInPhase, finishAt, keepUpkeep, login, reviewAsQa, submitFor, uploadFor } from './scenarioKit';

export interface Scenario {
  name: string;
  /** Chinese description for the README and the QA panel. */
  description: string;
  apply(q: QaDeps): Promise<void> | void;
}

/** The default face identity and its first child (幼升小), in 渝北区 (registration batch 2). */
const PARENT = 'two-children';
const CHILD = 'CH-two-children-primary';
const PRIVATE_DAY = '2024-06-18T10:00:00+08:00';
const BEFORE_LOTTERY = '2024-06-20T09:00:00+08:00';
const LOTTERY_TIME = '2024-06-20T10:00:00+08:00';

async function submittedPublic(q: QaDeps): Promise<{ id: string }> {
  await at(q, dayInPhase(q, PARENT, 'upkeep', 1));
  const account = await login(q, PARENT);
  await keepUpkeep(q, account, PARENT, CHILD);
  await at(q, dayInPhase(q, PARENT, 'registration', 2));
  const app = await submitFor(q, account, PARENT, CHILD, { stage: 'primary', type: 'publicTight' }, 'scenario-submit');
  return { id: app.id };
}

async function approvedPublic(q: QaDeps): Promise<{ id: string }> {
  const { id } = await submittedPublic(q);
  await at(q, dayInPhase(q, PARENT, 'registration', 4));
  await reviewAsQa(q, { applicationId: id, action: 'approve' });
  return { id };
}

async function registeredPrivate(q: QaDeps, oversubscribed: boolean): Promise<{ id: string; schoolId: string }> {
  await at(q, PRIVATE_DAY);
  const account = await login(q, PARENT);
  const app = await submitFor(q, account, PARENT, CHILD, { stage: 'primary', type: 'private', oversubscribed }, 'scenario-private');
  return { id: app.id, schoolId: app.schoolId };
}

const scenarios: Scenario[] = [
  {
    name: 'fresh',
    description: '全新状态：时间为 2024-05-14 10:00（渝北区等第2批区县子女信息维护开放中），无任何申请',
    apply() {},
  },
  {
    name: 'registration-open',
    description: '李娜已在子女信息维护期维护了王子涵的信息；时间为渝北区（第2批）正式网上报名期间 6月11日 10:00，可直接“一键引用”并提交报名',
    async apply(q) {
      await at(q, dayInPhase(q, PARENT, 'upkeep', 1));
      await keepUpkeep(q, await login(q, PARENT), PARENT, CHILD);
      await finishAt(q, dayInPhase(q, PARENT, 'registration', 2));
    },
  },
  {
    name: 'submitted',
    description: '李娜已为王子涵报名渝北区公办学位紧张学校（待审核，可撤回修改）',
    async apply(q) {
      await submittedPublic(q);
      await finishAt(q, dayInPhase(q, PARENT, 'registration', 2));
    },
  },
  {
    name: 'resubmitted',
    description: '审核人员要求补正户口簿，家长已重新上传并提交（已补正，待复审；此后不能撤回）',
    async apply(q) {
      const { id } = await submittedPublic(q);
      await at(q, dayInPhase(q, PARENT, 'registration', 3));
      await reviewAsQa(q, { applicationId: id, action: 'request-correction', reason: '户口簿照片不清晰，请重新拍摄', items: ['householdRegister'] });
      const account = await login(q, PARENT);
      const fresh = await uploadFor(q, account, 'householdRegister');
      await applications.resubmit(q.deps, qaContext(q, account), id, { idempotencyKey: 'scenario-resubmit', materials: { householdRegister: [fresh] } });
      await finishAt(q, dayInPhase(q, PARENT, 'registration', 3));
    },
  },
  {
    name: 'awaiting-correction',
    description: '李娜为王子涵报名渝北区公办学位紧张学校，审核人员要求补正“户口簿”（照片不清晰），等待家长重新上传',
    async apply(q) {
      const { id } = await submittedPublic(q);
      await at(q, dayInPhase(q, PARENT, 'registration', 3));
      await reviewAsQa(q, { applicationId: id, action: 'request-correction', reason: '户口簿照片不清晰，请重新拍摄户主页和本人页', items: ['householdRegister'] });
      await finishAt(q, dayInPhase(q, PARENT, 'registration', 3));
    },
  },
  {
    name: 'approved-awaiting-confirmation',
    description: '李娜为王子涵报名的渝北区公办学校已审核通过，等待家长在7月15日前完成入学确认',
    async apply(q) {
      await approvedPublic(q);
      await finishAt(q, dayInPhase(q, PARENT, 'registration', 5));
    },
  },
  {
    name: 'confirmed-with-notice',
    description: '王子涵已审核通过并确认入学；时间为 7月16日 10:00，电子入学通知书和报到码已发放',
    async apply(q) {
      const { id } = await approvedPublic(q);
      await at(q, dayInPhase(q, PARENT, 'registration', 5));
      await applications.confirm(q.deps, qaContext(q, await login(q, PARENT)), id);
      await finishAt(q, '2024-07-16T10:00:00+08:00');
    },
  },
  {
    name: 'private-registered',
    description: '李娜于6月18日为王子涵报名渝北区一所报名人数超过招生计划的民办学校，等待6月20日摇号',
    async apply(q) {
      await registeredPrivate(q, true);
      await finishAt(q, PRIVATE_DAY);
    },
  },
  {
    name: 'private-admitted',
    description: '王子涵报名的民办学校报名人数未超过计划，6月20日直接录取；时间为 6月20日 10:30，须在当日18:00前完成入学确认',
    async apply(q) {
      await registeredPrivate(q, false);
      // The scheduled jobs freeze the list at registration close and decide at 10:00.
      await at(q, LOTTERY_TIME);
      await finishAt(q, '2024-06-20T10:30:00+08:00');
    },
  },
  {
    name: 'private-lottery-lost',
    description: '王子涵参加民办学校电脑摇号未被录取；时间为 6月21日 10:00，公办兜底报名已开放，可改报公办学校',
    async apply(q) {
      const { id, schoolId } = await registeredPrivate(q, true);
      await at(q, BEFORE_LOTTERY);
      await enterRandomnessAsOffice(q, schoolId, await losingRandomness(q, schoolId, id));
      await at(q, LOTTERY_TIME);
      await finishAt(q, '2024-06-21T10:00:00+08:00');
    },
  },
];

export const scenarioNames = () => scenarios.map((s) => s.name);
export const listScenarios = () => scenarios.map(({ name, description }) => ({ name, description }));

export async function applyScenario(q: QaDeps, name: string): Promise<void> {
  const scenario = scenarios.find((s) => s.name === name);
  if (scenario) await scenario.apply(q);
}

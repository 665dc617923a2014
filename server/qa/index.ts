/** The QA API's operations (development only): reset to a scenario, move the clock, choose the next face, review, draw, inject faults, inspect. */
import { findIdentity, identities, identityByIdNumber } from '../adapters/sim/identities';
import { scheduleYear } from '../jobs/deadlines';
import { refuse } from '../usecases/errors';
import { withHistory } from '../usecases/applications';
import { publicCommitment, publishedDraw } from '../usecases/lottery';
import { maskIdNumber } from '@/domain/masking';
import type { QaDeps } from './context';
import type { FaultRule } from './faults';
import { runLotteryAsQa } from './lottery';
import { reviewAsQa } from './scenarioKit';
import { applyScenario, listScenarios, scenarioNames } from './scenarios';

/** Where the clock starts: 渝北区 (batch 2) upkeep is open, a working day in opening hours. */
export const DEFAULT_NOW = '2024-05-14T10:00:00+08:00';
const SCENARIO_KEY = 'qa:scenario';

export function createQa(q: QaDeps) {
  const { deps } = q;
  return {
    async reset(scenario = 'fresh') {
      if (!scenarioNames().includes(scenario)) refuse('VALIDATION', `没有名为 ${scenario} 的场景`, { fieldErrors: { scenario: `可选：${scenarioNames().join('、')}` } });
      await deps.store.reset();
      q.face.reset();
      q.push.clear();
      q.faults.clear();
      q.uiStyle.value = 'normal';
      await q.clock.set(DEFAULT_NOW, false);
      await deps.store.transaction((repos) => scheduleYear(deps, repos));
      await q.jobs.refresh();
      await applyScenario(q, scenario);
      await deps.store.transaction((repos) => repos.settings.put(SCENARIO_KEY, scenario));
      // Scenario steps log in on their own; QA starts with the default face next.
      q.face.nextIdentityId = 'two-children';
      return { scenario, now: q.clock.now() };
    },
    async moveClock(now: string, frozen: boolean) {
      const before = Date.parse(q.clock.now());
      await q.clock.set(now, frozen);
      // Back in time: what was scheduled after the new now is pending again, as on a real calendar.
      if (Date.parse(now) < before) await deps.store.transaction((repos) => repos.jobs.rewind(q.clock.now()));
      await q.jobs.runDue();
      return { now: q.clock.now() };
    },
    chooseIdentity(id: string) {
      if (!findIdentity(id)) refuse('VALIDATION', '没有这个身份', { fieldErrors: { id: `可选：${identities.map((i) => i.id).join('、')}` } });
      q.face.nextIdentityId = id;
      return { id };
    },
    identities: () => ({ identities: identities.map(({ id, label, description }) => ({ id, label, description })) }),
    scenarios: () => ({ scenarios: listScenarios() }),
    async applications() {
      return deps.store.read(async (repos) => {
        const apps = await repos.applications.listAll(1000);
        const out = [];
        for (const app of apps) {
          const account = await repos.accounts.get(app.accountId);
          out.push({ ...(await withHistory(repos, app)), identityId: (account && identityByIdNumber(account.idNumber)?.id) ?? null });
        }
        return { applications: out };
      });
    },
    async state() {
      const { applications } = await this.applications();
      return deps.store.read(async (repos) => ({
        now: q.clock.now(),
        frozen: q.clock.state().frozenAtMs !== undefined,
        scenario: (await repos.settings.get<string>(SCENARIO_KEY)) ?? 'fresh',
        nextFaceIdentityId: q.face.nextIdentityId,
        uiStyle: q.uiStyle.value,
        faults: q.faults.list(),
        applications: Object.fromEntries(applications.map((a) => [a.id, a])),
        uploads: Object.fromEntries((await repos.uploads.listAll(1000)).map((u) => [u.fileId, u])),
        // QA sees the masked number only, like every answer of this server.
        children: Object.fromEntries(
          (await repos.children.listAll(1000)).map((c) => [c.id, { id: c.id, birthCertificateName: c.birthCertificateName, realName: c.realName, birthDate: c.birthDate, idNumberMasked: maskIdNumber(c.idNumber) }]),
        ),
        commitments: (await repos.lottery.listCommitments()).map(publicCommitment),
        draws: Object.fromEntries(
          (await repos.lottery.listCommitments())
            .map(publishedDraw)
            .filter((d): d is NonNullable<typeof d> => d !== null)
            .map((d) => [d.drawId, d]),
        ),
        jobs: await repos.jobs.list(),
      }));
    },
    /** What the simulated host pushed to phones (issue 15), newest last: the dev host's panel shows them. */
    pushes: () => ({ pushes: q.push.sent() }),
    review: (input: Parameters<typeof reviewAsQa>[1]) => reviewAsQa(q, input).then((application) => ({ application })),
    lottery: (schoolId?: string, publicRandomness?: string) => runLotteryAsQa(q, schoolId, publicRandomness),
    addFault: (rule: Omit<FaultRule, 'id'>) => ({ faults: q.faults.add(rule) }),
    clearFaults() {
      q.faults.clear();
      return { faults: [] as FaultRule[] };
    },
    setUiStyle(style: 'normal' | 'elder') {
      q.uiStyle.value = style;
      return { style };
    },
  };
}

export type Qa = ReturnType<typeof createQa>;

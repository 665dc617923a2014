/**
 * The deadline work of the enrolment year, as scheduled jobs (not lazy catch-up): freeze the private
 * entrants when registration closes, decide private admissions on lottery day, forfeit unconfirmed
 * places at their deadlines, issue notices. Each is dated at its scheduled instant.
 */
import { phasePeriod } from '@/domain/calendar';
import { TRANSITIONS } from '@/domain/status';
import { toIso, toMs } from '@/domain/time';
import type { ApplicationStatus } from '@contract/api';
import type { JobRecord, Repositories } from '../ports/store';
import { calendarOf } from '../usecases/access';
import type { Deps } from '../usecases/context';
import { autoDrawAt, decideAll, freezeAll } from '../usecases/lottery';

export type JobHandler = (deps: Deps, repos: Repositories, job: JobRecord) => Promise<Record<string, unknown>>;

/** The statuses the domain lets the system forfeit from (awaiting the parent's 入学确认). */
const FORFEITABLE = TRANSITIONS.filter((r) => r.action === 'forfeit').map((r) => r.from) as ApplicationStatus[];
const NOTICE_FROM = TRANSITIONS.find((r) => r.action === 'issueNotice')!.from;
const NOTICE_TO = TRANSITIONS.find((r) => r.action === 'issueNotice')!.to;

/** Undecided schools are looked at again this often on lottery day (their randomness may come later). */
const DECIDE_RETRY_MS = 10 * 60 * 1000;

export interface DeadlineHooks {
  /** Development only: the simulated lottery office enters the day's public value before a decision. */
  beforeDecide?(deps: Deps, repos: Repositories, at: string): Promise<void>;
}

export function deadlineHandlers(hooks: DeadlineHooks = {}): Record<string, JobHandler> {
  return {
    async freezePrivateEntrants(deps, repos, job) {
      const frozen = await freezeAll(deps, repos, job.runAt);
      return { frozen: frozen.length };
    },
    async decidePrivateAdmissions(deps, repos, job) {
      await hooks.beforeDecide?.(deps, repos, job.runAt);
      const { decided, waiting } = await decideAll(deps, repos, job.runAt);
      const until = phasePeriod(calendarOf(deps), 'privateConfirmation')?.end;
      if (waiting.length > 0 && until && toMs(job.runAt) + DECIDE_RETRY_MS < toMs(until)) {
        const runAt = toIso(toMs(job.runAt) + DECIDE_RETRY_MS);
        await repos.jobs.schedule({ id: `job-decide-${runAt}`, kind: 'decidePrivateAdmissions', key: runAt, runAt, payload: {} });
      }
      return { decided: decided.length, waiting: waiting.length };
    },
    async forfeitUnconfirmed(_deps, repos, job) {
      const moved = await repos.applications.expireUnconfirmed({ from: FORFEITABLE, to: 'forfeited', action: 'forfeit', at: job.runAt, note: '逾期未确认入学，视为自动放弃' });
      return { forfeited: moved };
    },
    async issueNotices(_deps, repos, job) {
      const moved = await repos.applications.moveAll({ from: NOTICE_FROM, to: NOTICE_TO, action: 'issueNotice', at: job.runAt, note: '电子入学通知书和报到码已发放', reportCodeAvailable: true });
      return { issued: moved };
    },
  };
}

/** The year's jobs; scheduling twice is harmless (unique per kind and key). */
export async function scheduleYear(deps: Deps, repos: Repositories): Promise<void> {
  const cal = calendarOf(deps);
  const at = (phase: Parameters<typeof phasePeriod>[1], edge: 'start' | 'end') => phasePeriod(cal, phase)?.[edge];
  const plan: Array<[string, string | null | undefined]> = [
    ['freezePrivateEntrants', at('privateRegistration', 'end')],
    ['decidePrivateAdmissions', autoDrawAt(deps)],
    ['forfeitUnconfirmed', at('privateConfirmation', 'end')],
    ['forfeitUnconfirmed', at('confirmation', 'end')],
    ['issueNotices', at('notice', 'start')],
  ];
  for (const [kind, runAt] of plan) {
    if (!runAt) continue;
    await repos.jobs.schedule({ id: `job-${kind}-${runAt}`, kind, key: runAt, runAt, payload: {} });
  }
}

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
import { PUSH_JOB, sendPushes, tell } from '../usecases/messages';
import { CORRECTION_REMINDER_JOB } from '../usecases/review';
import { REMINDER_LEAD_MS } from '@/domain/messages';

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
      await tell(repos, 'forfeited', job.runAt, moved.map((applicationId) => ({ applicationId })));
      return { forfeited: moved.length };
    },
    async issueNotices(_deps, repos, job) {
      const moved = await repos.applications.moveAll({ from: NOTICE_FROM, to: NOTICE_TO, action: 'issueNotice', at: job.runAt, note: '电子入学通知书和报到码已发放', reportCodeAvailable: true });
      await tell(repos, 'noticeIssued', job.runAt, moved.map((applicationId) => ({ applicationId })));
      return { issued: moved.length };
    },
    /** A day before a confirmation deadline: every place still unconfirmed is reminded once. */
    async remindConfirmation(deps, repos, job) {
      const deadline = String(job.payload.deadline ?? toIso(toMs(job.runAt) + REMINDER_LEAD_MS));
      // A clock moved past the deadline at once: the forfeit tells what happened, a reminder would mislead.
      if (toMs(deps.clock.now()) >= toMs(deadline)) return { reminded: 0, late: true };
      const ids = await repos.applications.confirmDueBetween(FORFEITABLE, job.runAt, toIso(toMs(deadline) + 1000));
      const reminded = await tell(repos, 'confirmationDue', job.runAt, ids.map((applicationId) => ({ applicationId, detail: { deadline } })), deadline);
      return { reminded };
    },
    /** A day before one application's 补正 is due, while it still waits for the parent. */
    async [CORRECTION_REMINDER_JOB](deps, repos, job) {
      const applicationId = String(job.payload.applicationId);
      const dueAt = String(job.payload.dueAt);
      const app = await repos.applications.get(applicationId);
      if (!app || app.status !== 'correctionRequested' || app.correction?.dueAt !== dueAt || toMs(deps.clock.now()) >= toMs(dueAt)) return { reminded: 0 };
      return { reminded: await tell(repos, 'correctionDue', job.runAt, [{ applicationId, detail: { deadline: dueAt } }], dueAt) };
    },
    /** The outbox of host pushes: committed messages only, each once (server/usecases/messages.ts). */
    async [PUSH_JOB](deps, repos, job) {
      return sendPushes(deps, repos, job.runAt);
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
  // The day-before reminder of the public confirmation deadline (7-15, SPEC Q26). The private one
  // (6-20 18:00) falls on the day of the result itself, whose message names the deadline.
  const confirmEnd = at('confirmation', 'end');
  if (confirmEnd) {
    const runAt = toIso(toMs(confirmEnd) - REMINDER_LEAD_MS);
    await repos.jobs.schedule({ id: `job-remindConfirmation-${runAt}`, kind: 'remindConfirmation', key: runAt, runAt, payload: { deadline: confirmEnd } });
  }
}

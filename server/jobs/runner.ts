/**
 * Runs due jobs from the jobs table, exactly once even with several server processes on one
 * database: each job is claimed (FOR UPDATE SKIP LOCKED), run and marked done in one transaction,
 * so a crash rolls the claim back and another process takes it. Driven by the clock port, so the
 * QA clock moves the schedule too.
 */
import type { Deps } from '../usecases/context';
import type { JobHandler } from './deadlines';

const MAX_ATTEMPTS = 3;

export interface JobRunner {
  /** Runs every job due at the clock's now; returns how many ran. */
  runDue(): Promise<number>;
  /** Whether a job may be due (cheap: cached next run time). */
  mayBeDue(): boolean;
  refresh(): Promise<void>;
  /** A committed write in this process scheduled or rewound a job (server/jobs/watch.ts). */
  noteScheduled(): void;
  /** refresh(), when a write noted a job since the last look; otherwise nothing (no query). */
  refreshIfScheduled(): Promise<void>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createJobRunner(deps: Deps, handlers: Record<string, JobHandler>, log: (line: string) => void = () => undefined): JobRunner {
  let nextRunAtMs: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;
  let scheduled = false;

  async function refresh() {
    scheduled = false;
    const next = await deps.store.read((repos) => repos.jobs.nextRunAt());
    nextRunAtMs = next ? Date.parse(next) : null;
  }

  async function runOne(now: string): Promise<boolean> {
    try {
      return await deps.store.transaction(async (repos) => {
        const job = await repos.jobs.claimDue(now);
        if (!job) return false;
        const handler = handlers[job.kind];
        if (!handler) {
          await repos.jobs.finish(job.id, 'failed', now, `no handler for ${job.kind}`);
          return true;
        }
        const result = await handler(deps, repos, job);
        await repos.jobs.finish(job.id, 'done', now);
        log(`job ${job.kind} at ${job.runAt}: ${JSON.stringify(result)}`);
        return true;
      });
    } catch (error) {
      // The handler's writes rolled back with the claim; count the attempt in a transaction of its own.
      const message = error instanceof Error ? error.message : String(error);
      log(`job failed: ${message}`);
      return deps.store.transaction(async (repos) => {
        const job = await repos.jobs.claimDue(now);
        if (!job) return false;
        if (job.attempts + 1 >= MAX_ATTEMPTS) await repos.jobs.finish(job.id, 'failed', now, message);
        else await repos.jobs.finish(job.id, 'pending', now, message);
        return false;
      });
    }
  }

  async function runDue(): Promise<number> {
    // One run at a time in this process; other processes are kept apart by the row locks.
    while (running) await running;
    running = (async () => {
      let ran = 0;
      const now = deps.clock.now();
      while (await runOne(now)) ran++;
      await refresh();
      return ran;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  return {
    runDue,
    mayBeDue: () => nextRunAtMs !== null && Date.parse(deps.clock.now()) >= nextRunAtMs,
    refresh,
    noteScheduled: () => {
      scheduled = true;
    },
    refreshIfScheduled: () => (scheduled ? refresh() : Promise.resolve()),
    start(intervalMs = 1000) {
      if (timer) return;
      // Each tick re-reads the next run time (jobs are scheduled by requests, maybe in other processes).
      timer = setInterval(() => {
        void refresh()
          .then(() => (nextRunAtMs !== null && Date.parse(deps.clock.now()) >= nextRunAtMs ? runDue() : 0))
          .catch((e) => log(`jobs: ${String(e)}`));
      }, intervalMs);
      // A server process must not stay alive for its timer alone.
      (timer as { unref?: () => void }).unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      while (running) await running;
    },
  };
}

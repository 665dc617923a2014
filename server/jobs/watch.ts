/**
 * The store as the use cases see it, telling the job runner when a committed write scheduled (or
 * rewound) a job: the development app then re-reads the next run time after that request only,
 * instead of after every write. Told after the transaction commits, so the re-read sees the job.
 */
import type { Repositories, Store } from '../ports/store';

export function watchJobs(store: Store, scheduled: () => void): Store {
  const watched = (repos: Repositories, touched: { yes: boolean }): Repositories => ({
    ...repos,
    jobs: {
      ...repos.jobs,
      async schedule(job) {
        const added = await repos.jobs.schedule(job);
        touched.yes ||= added;
        return added;
      },
      async rewind(now) {
        await repos.jobs.rewind(now);
        touched.yes = true;
      },
    },
  });
  const around = async <T>(run: (fn: (repos: Repositories) => Promise<T>) => Promise<T>, fn: (repos: Repositories) => Promise<T>): Promise<T> => {
    const touched = { yes: false };
    const result = await run((repos) => fn(watched(repos, touched)));
    if (touched.yes) scheduled();
    return result;
  };
  return {
    transaction: (fn) => around((f) => store.transaction(f), fn),
    read: (fn) => around((f) => store.read(f), fn),
    reset: () => store.reset(),
    close: () => store.close(),
  };
}

/**
 * Puts the enrolment server together from its parts: store, clock, reference data, the outside
 * world's adapters, the jobs, and (development only) the QA API with the simulated host. One place,
 * used by the Node server (main.ts), the browser mock and the tests alike.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createDevClock, systemClock, type DevClock } from './adapters/clock';
import { createSimulatedBirthRegistry } from './adapters/sim/birthRegistry';
import { createSimulatedDataSharing } from './adapters/sim/departments';
import { createSimulatedFaceService, type SimulatedFaceService } from './adapters/sim/faceService';
import { createSimulatedHostPush, type SimulatedHostPush } from './adapters/sim/hostPush';
import { createStaticReference } from './data/reference';
import { createEnrolmentApp } from './http/app';
import type { AppEnv } from './http/context';
import { deadlineHandlers, scheduleYear } from './jobs/deadlines';
import { createJobRunner, type JobRunner } from './jobs/runner';
import { watchJobs } from './jobs/watch';
import type { BirthRegistry, DataSharing, FaceService, HostPush, ReportKeys } from './ports/outside';
import type { Store } from './ports/store';
import { createQa, DEFAULT_NOW, type Qa } from './qa';
import { createFaultBoard } from './qa/faults';
import { simulatedOfficeBeforeDecide } from './qa/lottery';
import { mountQa } from './qa/routes';
import type { QaDeps } from './qa/context';
import { DEFAULT_POLICY, type Deps, type Policy } from './usecases/context';
import type { OverloadLimits } from './security/overload';
import type { TrustProxy } from './security/clientAddress';

export interface ServerOptions {
  store: Store;
  reportKeys: ReportKeys;
  /** Development: the QA-movable clock, the simulated host and departments, the QA API. */
  development: boolean;
  /** Production adapters of the outside world (development simulates them). */
  outside?: { face: FaceService; birthRegistry: BirthRegistry; dataSharing: DataSharing; hostPush?: HostPush };
  year?: number;
  policy?: Partial<Policy>;
  log?: (line: string) => void;
  realNowMs?: () => number;
  /** Rate limits and the write gate; defaults in server/security/overload.ts. */
  limits?: Partial<OverloadLimits>;
  /** Reverse proxies trusted to name the client in X-Forwarded-For (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy | null;
}

export interface EnrolmentServer {
  app: OpenAPIHono<AppEnv>;
  deps: Deps;
  jobs: JobRunner;
  /** Development only. */
  dev: { qa: Qa; face: SimulatedFaceService; clock: DevClock; qaDeps: QaDeps; push: SimulatedHostPush } | null;
}

/** The enrolment year this server runs (the 2024 calendar is the one published). */
export const ENROLMENT_YEAR = 2024;

export const cryptoRandomBytes = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

export async function composeServer(opts: ServerOptions): Promise<EnrolmentServer> {
  const realNowMs = opts.realNowMs ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const devClock = opts.development ? createDevClock(opts.store, DEFAULT_NOW, realNowMs) : null;
  if (devClock) await devClock.load();
  const face = opts.development ? createSimulatedFaceService(cryptoRandomBytes, realNowMs) : null;
  const push = opts.development ? createSimulatedHostPush() : null;
  if (!opts.development && !opts.outside) throw new Error('a production server needs its outside-world adapters (face service, birth registry, data sharing)');
  // The runner is told when a request's committed write scheduled a job (it looks again then).
  let jobs: JobRunner | null = null;
  const deps: Deps = {
    store: watchJobs(opts.store, () => jobs?.noteScheduled()),
    clock: devClock ?? systemClock,
    reference: createStaticReference(),
    face: opts.outside?.face ?? face!,
    birthRegistry: opts.outside?.birthRegistry ?? createSimulatedBirthRegistry(),
    dataSharing: opts.outside?.dataSharing ?? createSimulatedDataSharing(),
    reportKeys: opts.reportKeys,
    hostPush: opts.outside?.hostPush ?? push ?? undefined,
    year: opts.year ?? ENROLMENT_YEAR,
    policy: { ...DEFAULT_POLICY, ...opts.policy },
    randomBytes: cryptoRandomBytes,
  };
  // Loaded once at start, outside any transaction (a stored key is read through the store itself).
  await deps.reportKeys.forYear(deps.year);
  jobs = createJobRunner(deps, deadlineHandlers(opts.development ? { beforeDecide: simulatedOfficeBeforeDecide } : {}), log);
  await opts.store.transaction((repos) => scheduleYear(deps, repos));
  await jobs.refresh();

  let dev: EnrolmentServer['dev'] = null;
  if (devClock && face && push) {
    const qaDeps: QaDeps = { deps, clock: devClock, face, push, jobs, faults: createFaultBoard(), uiStyle: { value: 'normal' } };
    dev = { qa: createQa(qaDeps), face, clock: devClock, qaDeps, push };
  }
  const app = createEnrolmentApp({
    deps,
    log,
    limits: opts.limits,
    trustProxy: opts.trustProxy ?? null,
    jobs: dev ? jobs : undefined,
    before: dev ? (a) => mountQa(a, dev!.qaDeps, dev!.qa) : undefined,
  });
  return { app, deps, jobs, dev };
}

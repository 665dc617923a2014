/** What the QA API (development only) drives: the server's ports plus the dev clock, the simulated face service and the job runner. */
import type { DevClock } from '../adapters/clock';
import type { SimulatedFaceService } from '../adapters/sim/faceService';
import type { SimulatedHostPush } from '../adapters/sim/hostPush';
import type { JobRunner } from '../jobs/runner';
import type { Deps, RequestContext } from '../usecases/context';
import type { AccountRecord } from '../ports/store';
import type { FaultBoard } from './faults';

export interface QaDeps {
  deps: Deps;
  clock: DevClock;
  face: SimulatedFaceService;
  /** The simulated host's pushes (issue 15), shown in the dev host's panel. */
  push: SimulatedHostPush;
  jobs: JobRunner;
  faults: FaultBoard;
  /** The host's UI style (长辈版) the dev host reports. */
  uiStyle: { value: 'normal' | 'elder' };
}

let sequence = 0;

/** A request context for QA steps at the clock's now, optionally as a logged-in parent. */
export function qaContext(q: QaDeps, account?: AccountRecord): RequestContext {
  sequence += 1;
  return {
    now: q.clock.now(),
    realNowMs: q.clock.realNowMs(),
    traceId: `qa-${sequence}`,
    principal: account ? { kind: 'parent', account } : null,
  };
}

/** The state a fresh mock server starts from, and QA's scenario presets. */
import { defaultIdentityId } from '../data/identities';
import { SCHEMA_VERSION, type MockState } from './state';

/** Where the mock clock starts: inside the 2024 upkeep window, on a working day, in opening hours. */
export const DEFAULT_NOW = '2024-05-08T10:00:00+08:00';

export function emptyState(realNowMs: number): MockState {
  return {
    schemaVersion: SCHEMA_VERSION,
    year: 2024,
    scenario: 'fresh',
    clock: { offsetMs: Date.parse(DEFAULT_NOW) - realNowMs },
    nextFaceIdentityId: defaultIdentityId,
    faceTickets: {},
    sessions: {},
    children: {},
    upkeep: {},
    uploads: {},
    applications: {},
    idempotency: {},
    draws: {},
    privateAdmissions: {},
    faults: [],
    uiStyle: 'normal',
    sequence: 0,
  };
}

/** The state a fresh mock server starts from, and QA's scenario presets. */
import { defaultIdentityId } from '../data/identities';
import { SCHEMA_VERSION, type MockState } from './state';

/**
 * Where the mock clock starts: a working day in opening hours inside the 2024 upkeep window of 渝北区
 * (batch 2), the district of the default face identity, so a fresh start is a working service.
 */
export const DEFAULT_NOW = '2024-05-14T10:00:00+08:00';

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

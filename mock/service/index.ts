/**
 * The mock enrolment server and host as a transport-free service: every operation takes plain
 * inputs and answers a ServiceResult. MSW handlers (mock/handlers) are thin HTTP adapters over it;
 * a real server could mount the same functions behind its own routes and database store.
 */
import type { CalendarResponse, DistrictsResponse, SchoolsResponse, ServerTimeResponse, Stage } from '@contract/api';
import { registrationNotes } from '../data/notes';
import { calendarOf, serverNow, type ServiceContext } from './context';
import { districtsForYear, schoolsForYear } from './reference';
import { guard, refuse, type ServiceResult } from './result';
import * as qa from './qa';
import * as sessions from './session';
import { requireNoMaintenance } from './guards';
import type { MockStore } from './store';
import type { MockState } from './state';
import { listScenarios } from './scenarios';

export type { ServiceResult } from './result';

export function createEnrolmentService(store: MockStore, realNow: () => number = Date.now) {
  const ctx: ServiceContext = { store, realNow };
  const read = <T>(fn: (state: MockState) => T) => store.read(fn);

  return {
    ctx,
    // ---- host gateway ----
    host: {
      verifyFace: (): Promise<ServiceResult<{ ticket: string; expiresAt: string }>> => guard(() => sessions.issueFaceTicket(ctx)),
      uiStyle: () => guard(() => read((s) => ({ style: s.uiStyle }))),
    },
    // ---- enrolment API ----
    createSession: (ticket: unknown) => guard(() => sessions.createSession(ctx, ticket)),
    endSession: (authorization: string | null) => guard(() => sessions.endSession(ctx, authorization)),
    calendar: (): Promise<ServiceResult<CalendarResponse>> =>
      guard(() => read((s) => ({ calendar: calendarOf(s), serverTime: serverNow(ctx, s) }))),
    time: (): Promise<ServiceResult<ServerTimeResponse>> => guard(() => read((s) => ({ serverTime: serverNow(ctx, s) }))),
    districts: (year?: number): Promise<ServiceResult<DistrictsResponse>> =>
      guard(() =>
        read((s) => {
          requireNoMaintenance(ctx, s);
          const y = year ?? s.year;
          return { year: y, districts: districtsForYear(y) };
        }),
      ),
    schools: (districtCode: string, stage: Stage): Promise<ServiceResult<SchoolsResponse>> =>
      guard(() =>
        read((s) => {
          requireNoMaintenance(ctx, s);
          const district = districtsForYear(s.year).find((d) => d.code === districtCode);
          if (!district) refuse('NOT_FOUND', '没有找到该区县');
          const schools = schoolsForYear(s.year).filter((x) => x.districtCode === districtCode && x.stage === stage);
          return { districtCode, stage, schools, notes: registrationNotes(district, stage) };
        }),
      ),
    // ---- QA API ----
    qa: {
      reset: (scenario?: string) => guard(() => qa.reset(ctx, scenario)),
      clock: (now: unknown, frozen?: unknown) => guard(() => qa.moveClock(ctx, now, frozen)),
      identity: (id: unknown) => guard(() => qa.chooseIdentity(ctx, id)),
      state: () => guard(() => qa.snapshot(ctx)),
      scenarios: () => guard(async () => ({ scenarios: listScenarios() })),
      uiStyle: (style: unknown) =>
        guard(() =>
          store.write((s) => {
            if (style !== 'normal' && style !== 'elder') refuse('VALIDATION', '界面样式只能是 normal 或 elder');
            s.uiStyle = style;
            return { style };
          }),
        ),
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;

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
import * as children from './children';
import * as upkeep from './upkeep';
import * as materials from './materials';
import * as uploads from './uploads';
import * as applications from './applications';
import * as notices from './notice';
import * as lottery from './lottery';
import { review, type ReviewRequest } from './qaReview';
import { addFault, clearFaults } from './qaFaults';
import { settle } from './deadlines';
import { identities } from '../data/identities';

export type { ServiceResult } from './result';

export function createEnrolmentService(store: MockStore, realNow: () => number = Date.now) {
  const ctx: ServiceContext = { store, realNow };
  const read = <T>(fn: (state: MockState) => T) => store.read(fn);
  /** A parent-facing operation: the deadline job catches up with the clock first. */
  const op = <T>(fn: () => Promise<T>): Promise<ServiceResult<T>> =>
    guard(async () => {
      await settle(ctx);
      return fn();
    });
  /** Like op, for results that answer 201 when created and 200 when replayed. */
  const created = async <T extends { replayed: boolean }, U>(fn: () => Promise<T>, pick: (t: T) => U): Promise<ServiceResult<U>> => {
    const r = await op(fn);
    return r.ok ? { ok: true, value: pick(r.value), status: r.value.replayed ? 200 : 201 } : r;
  };

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
    children: (auth: string | null) => op(() => children.listChildren(ctx, auth)),
    addChild: async (auth: string | null, body: Record<string, unknown>) => {
      const r = await op(() => children.addChild(ctx, auth, body));
      return r.ok ? { ...r, status: 201 } : r;
    },
    updateChild: (auth: string | null, childId: string, body: Record<string, unknown>) => op(() => children.updateChild(ctx, auth, childId, body)),
    revealChild: (auth: string | null, childId: string) => op(() => children.revealChild(ctx, auth, childId)),
    upkeep: (auth: string | null, childId: string) => op(() => upkeep.getUpkeep(ctx, auth, childId)),
    saveUpkeep: (auth: string | null, childId: string, body: unknown) => op(() => upkeep.saveUpkeep(ctx, auth, childId, body)),
    materials: (auth: string | null, query: Record<string, string | undefined>) => op(() => materials.checklist(ctx, auth, query)),
    upload: async (auth: string | null, input: uploads.UploadInput) => {
      const r = await op(() => uploads.upload(ctx, auth, input));
      return r.ok ? { ...r, status: 201 } : r;
    },
    download: (auth: string | null, fileId: string) => op(() => uploads.download(ctx, auth, fileId)),
    applications: (auth: string | null) => op(() => applications.list(ctx, auth)),
    application: (auth: string | null, id: string) => op(() => applications.get(ctx, auth, id)),
    submit: (auth: string | null, body: Record<string, unknown>, key: string | null) =>
      created(() => applications.submit(ctx, auth, body, key), (s) => ({ application: s.application })),
    withdraw: (auth: string | null, id: string) => op(() => applications.withdraw(ctx, auth, id)),
    resubmit: (auth: string | null, id: string, body: Record<string, unknown>, key: string | null) =>
      op(async () => {
        const { application } = await applications.resubmit(ctx, auth, id, body, key);
        return { application };
      }),
    confirm: (auth: string | null, id: string) => op(() => applications.confirm(ctx, auth, id)),
    lottery: (auth: string | null, id: string) => op(() => applications.lottery(ctx, auth, id)),
    notice: (auth: string | null, id: string) => op(() => notices.notice(ctx, auth, id)),
    noticePdf: (auth: string | null, id: string) => op(() => notices.noticeDocument(ctx, auth, id)),
    reportCode: (auth: string | null, childId: string) => op(() => notices.reportCode(ctx, auth, childId)),
    publicKey: () => guard(() => notices.publicKey(ctx)),
    // ---- QA API ----
    qa: {
      reset: (scenario?: string) => guard(() => qa.reset(ctx, scenario)),
      clock: (now: unknown, frozen?: unknown) => guard(() => qa.moveClock(ctx, now, frozen)),
      identity: (id: unknown) => guard(() => qa.chooseIdentity(ctx, id)),
      state: () => guard(() => qa.snapshot(ctx)),
      scenarios: () => guard(async () => ({ scenarios: listScenarios() })),
      identities: () => guard(async () => ({ identities: identities.map(({ id, label, description }) => ({ id, label, description })) })),
      review: (body: ReviewRequest) =>
        guard(async () => {
          await settle(ctx);
          return review(ctx, body);
        }),
      lottery: (schoolId?: unknown, publicRandomness?: unknown) => guard(() => lottery.runLottery(ctx, schoolId, publicRandomness)),
      addFault: (body: Record<string, unknown>) => guard(() => addFault(ctx, body)),
      clearFaults: () => guard(() => clearFaults(ctx)),
      /** Every application with its owner's face identity, for the QA panel's reviewer list. */
      applications: () =>
        guard(async () => {
          await settle(ctx);
          return read((s) => ({
            applications: Object.values(s.applications).map((a) => ({ ...a, identityId: s.children[a.childId]?.identityId ?? null })),
          }));
        }),
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

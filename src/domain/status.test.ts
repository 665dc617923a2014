import fc from 'fast-check';
import type { Application } from '@contract/application';
import { calendar2024 as cal } from '@server/data/calendar2024';
import {
  ALL_ACTIONS,
  ALL_ACTORS,
  ALL_STATUSES,
  STATUS_INFO,
  TRANSITIONS,
  applyTransition,
  canApply,
  liveStatuses,
  nextAction,
  transition,
  type TransitionSubject,
} from './status';

const at = (s: string) => `2024-${s}+08:00`;
const YUBEI = '500112'; // batch 2: registration 6-09..6-15
const pub = (status: TransitionSubject['status'], extra: Partial<TransitionSubject> = {}): TransitionSubject => ({ status, nature: 'public', districtCode: YUBEI, ...extra });
const pri = (status: TransitionSubject['status']): TransitionSubject => ({ status, nature: 'private', districtCode: YUBEI });

describe('labels', () => {
  it('every status has a Chinese label and a tone', () => {
    expect(ALL_STATUSES).toHaveLength(16);
    expect(STATUS_INFO.submitted).toEqual({ label: '待审核', tone: 'primary' });
    expect(STATUS_INFO.forfeited.label).toBe('逾期未确认，视为放弃');
  });
});

describe('public path', () => {
  it('submit inside the batch, refused before and after', () => {
    expect(transition(pub('draft'), 'submit', 'parent', at('06-10T10:00:00'), cal)).toEqual({
      ok: true, status: 'submitted', entry: { at: at('06-10T10:00:00'), from: 'draft', to: 'submitted', action: 'submit', actor: 'parent' },
    });
    expect(transition(pub('draft'), 'submit', 'parent', at('06-08T10:00:00'), cal)).toEqual({
      ok: false, code: 'OUTSIDE_WINDOW', message: '本区县正式网上报名尚未开始，开放时间为 6月9日 08:00 起',
    });
    expect(transition(pub('draft'), 'submit', 'parent', at('06-16T00:00:00'), cal)).toEqual({
      ok: false, code: 'DEADLINE_PASSED', message: '本区县正式网上报名已于 6月15日 22:00 截止',
    });
  });
  it('withdraw only while 待审核', () => {
    expect(transition(pub('submitted'), 'withdraw', 'parent', at('06-10T10:00:00'), cal)).toMatchObject({ ok: true, status: 'withdrawn' });
    expect(transition(pub('underReview'), 'withdraw', 'parent', at('06-10T10:00:00'), cal)).toEqual({
      ok: false, code: 'INVALID_TRANSITION', message: '当前办件状态为「审核中」，不能撤回',
    });
    expect(transition(pub('withdrawn'), 'submit', 'parent', at('06-11T10:00:00'), cal)).toMatchObject({ ok: true, status: 'submitted' });
  });
  it('only reviewers approve', () => {
    expect(transition(pub('underReview'), 'approve', 'parent', at('06-20T10:00:00'), cal)).toEqual({ ok: false, code: 'FORBIDDEN', message: '家长不能审核通过' });
    expect(transition(pub('underReview'), 'approve', 'reviewer', at('06-20T10:00:00'), cal, '材料齐全')).toMatchObject({ ok: true, status: 'approved', entry: { note: '材料齐全' } });
  });
  it('correction cycle with due date', () => {
    expect(transition(pub('underReview'), 'requestCorrection', 'reviewer', at('06-12T10:00:00'), cal)).toMatchObject({ ok: true, status: 'correctionRequested' });
    const s = pub('correctionRequested', { correction: { dueAt: at('06-20T00:00:00') } });
    expect(transition(s, 'resubmit', 'parent', at('06-19T23:59:59'), cal)).toMatchObject({ ok: true, status: 'resubmitted' });
    expect(transition(s, 'resubmit', 'parent', at('06-20T00:00:00'), cal)).toEqual({ ok: false, code: 'DEADLINE_PASSED', message: '补正已于 6月19日（含当日） 截止，请联系区县招生咨询电话' });
    expect(transition(pub('resubmitted'), 'startReview', 'system', at('06-20T10:00:00'), cal)).toMatchObject({ ok: true, status: 'underReview' });
  });
  it('confirm before 7-15 ends; forfeit only after', () => {
    expect(transition(pub('approved'), 'confirm', 'parent', at('07-15T23:59:59'), cal)).toMatchObject({ ok: true, status: 'confirmed' });
    expect(transition(pub('approved'), 'confirm', 'parent', at('07-16T00:00:00'), cal)).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
    expect(transition(pub('approved'), 'forfeit', 'system', at('07-15T23:59:59'), cal)).toMatchObject({ ok: false, code: 'OUTSIDE_WINDOW' });
    expect(transition(pub('approved'), 'forfeit', 'system', at('07-16T00:00:00'), cal)).toMatchObject({ ok: true, status: 'forfeited' });
    expect(transition(pub('confirmed'), 'issueNotice', 'system', at('07-18T10:00:00'), cal)).toMatchObject({ ok: true, status: 'noticeIssued' });
    expect(transition(pub('noticeIssued'), 'checkIn', 'teacher', at('09-01T08:00:00'), cal)).toMatchObject({ ok: true, status: 'checkedIn' });
    expect(transition(pub('noticeIssued'), 'checkIn', 'parent', at('09-01T08:00:00'), cal)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
  it('public fallback submission 6-21..6-29 outside the own batch', () => {
    const s = pub('draft', { publicFallback: true });
    expect(transition(s, 'submit', 'parent', at('06-21T09:00:00'), cal)).toMatchObject({ ok: true });
    expect(transition(s, 'submit', 'parent', at('06-30T09:00:00'), cal)).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
    expect(transition(pub('draft'), 'submit', 'parent', at('06-21T09:00:00'), cal)).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
  });
});

describe('private path', () => {
  it('register 6-17..6-19, not with submit', () => {
    expect(transition(pri('draft'), 'registerPrivate', 'parent', at('06-18T10:00:00'), cal)).toMatchObject({ ok: true, status: 'privateRegistered' });
    expect(transition(pri('draft'), 'registerPrivate', 'parent', at('06-20T00:00:00'), cal)).toEqual({ ok: false, code: 'DEADLINE_PASSED', message: '民办学校报名已于 6月19日 22:00 截止' });
    expect(transition(pri('draft'), 'submit', 'parent', at('06-18T10:00:00'), cal)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', message: '民办学校请在民办学校报名期间报名' });
    expect(transition(pri('privateRegistered'), 'withdraw', 'parent', at('06-20T00:00:00'), cal)).toEqual({
      ok: false, code: 'DEADLINE_PASSED', message: '民办学校报名已截止，报名名单已锁定，不能撤回',
    });
  });
  it('draw on 6-20, confirm 17:59:59 ok, 18:00:00 too late, forfeit after', () => {
    expect(transition(pri('privateRegistered'), 'drawWon', 'system', at('06-19T12:00:00'), cal)).toMatchObject({ ok: false, code: 'OUTSIDE_WINDOW' });
    expect(transition(pri('privateRegistered'), 'drawWon', 'system', at('06-20T09:00:00'), cal)).toMatchObject({ ok: true, status: 'lotteryWon' });
    expect(transition(pri('privateRegistered'), 'admitWithoutLottery', 'system', at('06-20T08:00:00'), cal)).toMatchObject({ ok: true, status: 'admittedWithoutLottery' });
    expect(transition(pri('lotteryWon'), 'confirm', 'parent', at('06-20T17:59:59'), cal)).toMatchObject({ ok: true, status: 'confirmed' });
    expect(transition(pri('lotteryWon'), 'confirm', 'parent', at('06-20T18:00:00'), cal)).toEqual({
      ok: false, code: 'DEADLINE_PASSED', message: '入学确认已于 6月20日 18:00 截止，逾期未确认视为自动放弃',
    });
    expect(transition(pri('admittedWithoutLottery'), 'forfeit', 'system', at('06-20T17:59:59'), cal)).toMatchObject({ ok: false, code: 'OUTSIDE_WINDOW' });
    expect(transition(pri('admittedWithoutLottery'), 'forfeit', 'system', at('06-20T18:00:00'), cal)).toMatchObject({ ok: true, status: 'forfeited' });
  });
});

describe('every (status, action, actor) either transitions or refuses with a typed code', () => {
  it('exhaustively at many instants', () => {
    const instants = ['05-08T10:00:00', '06-10T10:00:00', '06-18T10:00:00', '06-20T12:00:00', '06-20T18:00:00', '06-25T10:00:00', '07-16T00:00:00'].map(at);
    for (const status of ALL_STATUSES)
      for (const action of ALL_ACTIONS)
        for (const actor of ALL_ACTORS)
          for (const nature of ['public', 'private'] as const)
            for (const now of instants) {
              const r = transition({ status, nature, districtCode: YUBEI }, action, actor, now, cal);
              if (r.ok) {
                const rule = TRANSITIONS.find((x) => x.from === status && x.action === action && (!x.nature || x.nature === nature))!;
                expect(rule.actors).toContain(actor);
                expect(r.status).toBe(rule.to);
                expect(r.entry).toMatchObject({ from: status, to: rule.to, actor, action, at: now });
              } else {
                expect(['INVALID_TRANSITION', 'DEADLINE_PASSED', 'OUTSIDE_WINDOW', 'FORBIDDEN']).toContain(r.code);
                expect(r.message).toMatch(/[\u4e00-\u9fff]/);
              }
            }
  });
  it('random walks never throw and only visit known statuses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ action: fc.constantFrom(...ALL_ACTIONS), actor: fc.constantFrom(...ALL_ACTORS), t: fc.integer({ min: 0, max: 80 * 86400 }) }), { maxLength: 40 }),
        fc.constantFrom<'public' | 'private'>('public', 'private'),
        (steps, nature) => {
          let s: TransitionSubject = { status: 'draft', nature, districtCode: YUBEI };
          for (const st of steps) {
            const now = new Date(Date.parse('2024-05-01T00:00:00+08:00') + st.t * 1000).toISOString();
            const r = transition(s, st.action, st.actor, now, cal);
            if (r.ok) s = { ...s, status: r.status };
            if (!ALL_STATUSES.includes(s.status)) return false;
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('不可兼报 canApply', () => {
  it('one live application per child', () => {
    expect(canApply([{ status: 'privateRegistered', nature: 'private', schoolName: '巴蜀小学' }], 'public', at('06-10T10:00:00'), cal, YUBEI)).toEqual({
      ok: false, code: 'CONFLICT', message: '该子女已有进行中的报名：民办·巴蜀小学（民办已报名，待摇号）。公办、民办学校只能选择其一，不可兼报',
    });
    expect(canApply([{ status: 'submitted', nature: 'public' }], 'private', at('06-18T10:00:00'), cal)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(canApply([{ status: 'withdrawn', nature: 'public' }], 'private', at('06-18T10:00:00'), cal)).toEqual({ ok: true, publicFallback: false });
    expect(canApply([], 'public', at('06-10T10:00:00'), cal, YUBEI)).toEqual({ ok: true, publicFallback: false });
    expect(canApply([], 'public', at('06-20T10:00:00'), cal, YUBEI)).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
  });
  it('a lost or forfeited private application opens the public fallback 6-21..6-29', () => {
    for (const status of ['lotteryLost', 'forfeited'] as const) {
      const ex = [{ status, nature: 'private' as const }];
      expect(canApply(ex, 'public', at('06-21T09:00:00'), cal, YUBEI)).toEqual({ ok: true, publicFallback: true });
      expect(canApply(ex, 'public', at('06-30T09:00:00'), cal, YUBEI)).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
      expect(canApply(ex, 'private', at('06-18T09:00:00'), cal)).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
  });
  it('live statuses', () => {
    expect(liveStatuses.has('withdrawn')).toBe(false);
    expect(liveStatuses.has('lotteryLost')).toBe(false);
    expect(liveStatuses.has('approved')).toBe(true);
  });
});

describe('applyTransition and nextAction', () => {
  const app: Application = {
    id: 'a1', number: 'RX2024500112000001', childId: 'c1', childNameMasked: '张*明', stage: 'primary', districtCode: YUBEI,
    nature: 'public', schoolType: 'publicTight', schoolId: 's1', schoolName: '渝北区实验小学', source: 'localHukou', status: 'draft',
    history: [], materials: {}, upkeep: {} as Application['upkeep'], verification: [], reportCodeAvailable: false, publicFallback: false, greenChannel: false,
    createdAt: at('06-10T09:00:00'), updatedAt: at('06-10T09:00:00'),
  };
  it('fills submittedAt, reviewDueAt and confirmBy', () => {
    const r = applyTransition(app, 'submit', 'parent', at('06-10T10:00:00'), cal);
    if (!r.ok) throw new Error(r.message);
    expect(r.application.reviewDueAt).toBe(at('06-25T00:00:00')); // 6-11..6-24 = 10 working days
    expect(r.application.history).toHaveLength(1);
    expect(nextAction(r.application, at('06-10T10:00:00'), cal)).toMatchObject({ who: 'reviewer', deadlineText: '6月24日（含当日）' });
    const a2 = applyTransition({ ...r.application, status: 'underReview' }, 'approve', 'reviewer', at('06-20T10:00:00'), cal);
    if (!a2.ok) throw new Error(a2.message);
    expect(a2.application.confirmBy).toBe(at('07-16T00:00:00'));
    expect(nextAction(a2.application, at('06-20T10:00:00'), cal)).toEqual({
      text: '审核通过，请在7月15日（含当日）前完成入学确认，逾期未确认视为放弃该学位', who: 'parent', action: 'confirm', deadline: at('07-16T00:00:00'), deadlineText: '7月15日（含当日）',
    });
    // A parent who never confirms (issue 15, item 17): after 7-15 it says what happened, not "wait".
    expect(nextAction(a2.application, at('07-16T00:00:01'), cal)).toMatchObject({
      text: '入学确认已于7月15日（含当日）截止，逾期未确认视为放弃该学位。如有疑问，请拨打区县招生咨询电话', who: 'none', action: null,
    });
    expect(nextAction({ ...a2.application, status: 'forfeited' }, at('07-16T10:00:00'), cal).text).toBe('未在7月15日（含当日）前完成入学确认，视为放弃该学位。如有疑问，请拨打区县招生咨询电话');
  });
  it('private admission says 6-20 18:00', () => {
    expect(nextAction({ ...app, nature: 'private', status: 'lotteryWon' }, at('06-20T10:00:00'), cal)).toMatchObject({
      action: 'confirm', deadlineText: '6月20日 18:00', text: '已被民办学校录取，请在6月20日 18:00前完成入学确认，未确认的视为自动放弃',
    });
    expect(nextAction({ ...app, nature: 'private', status: 'lotteryLost' }, at('06-20T10:00:00'), cal)).toMatchObject({ deadlineText: '6月29日 22:00', who: 'parent' });
    // Past 18:00, before the forfeit job has run: what happened, not "wait".
    expect(nextAction({ ...app, nature: 'private', status: 'lotteryWon' }, at('06-20T18:00:01'), cal)).toMatchObject({
      action: null, who: 'none', text: '入学确认已于6月20日 18:00截止，未确认的视为自动放弃民办学校学位',
    });
  });
  it('covers every status', () => {
    for (const status of ALL_STATUSES) expect(nextAction({ ...app, status }, at('06-12T10:00:00'), cal).text).toMatch(/[\u4e00-\u9fff]/);
  });
});

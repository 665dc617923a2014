import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import {
  addWorkingDays,
  countdown,
  effectiveEnd,
  generateDistrictBatches,
  isPhaseOpen,
  isWorkingDay,
  maintenanceStatus,
  nextClosing,
  nextOpening,
  openPhases,
  phaseDeadline,
  reviewDueAt,
  workingDaysBetween,
} from './calendar';
import { calendar2024 as cal, DISTRICT_CODES_2024 } from '@server/data/calendar2024';
import { formatDeadline, formatMonthDay, formatMonthDayTime, localDateOf, localIso, toIso, toMs } from './time';

dayjs.extend(utc);
dayjs.extend(timezone);

const at = (s: string) => `2024-${s}+08:00`;
const B1 = '500101'; // batch 1
const YUBEI = '500112'; // batch 2

describe('time helpers', () => {
  it('fixed +08:00 equals dayjs.tz Asia/Shanghai on 2024 dates', () => {
    for (const d of ['2024-01-01T00:00:00Z', '2024-06-20T10:00:00Z', '2024-12-31T23:59:59Z']) {
      expect(toIso(toMs(d))).toBe(dayjs(d).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ'));
    }
  });
  it('reads the Shanghai wall clock as dayjs.tz does, for instants across 1992–2040', () => {
    const from = Date.UTC(1992, 0, 1);
    const span = Date.UTC(2040, 0, 1) - from;
    for (let i = 0; i < 2000; i++) {
      // Spread over the span, on whole seconds, with a few at local midnight.
      const t = Math.floor((from + (((i * 2654435761) % 1_000_003) / 1_000_003) * span) / 1000) * 1000;
      const ms = i % 7 === 0 ? Math.floor(t / 86_400_000) * 86_400_000 - 8 * 3_600_000 : t;
      const sh = dayjs(ms).tz('Asia/Shanghai');
      expect(toIso(ms)).toBe(sh.format('YYYY-MM-DDTHH:mm:ssZ'));
      expect(localDateOf(ms)).toBe(sh.format('YYYY-MM-DD'));
      expect(formatMonthDay(ms)).toBe(`${sh.month() + 1}月${sh.date()}日`);
      expect(formatMonthDayTime(ms)).toBe(`${sh.month() + 1}月${sh.date()}日 ${sh.format('HH:mm')}`);
    }
  });
  it('shows a deadline at local midnight as the day before, through that day', () => {
    expect(formatDeadline('2024-07-16T00:00:00+08:00')).toBe('7月15日（含当日）');
    expect(formatDeadline('2024-07-15T17:30:00+08:00')).toBe('7月15日 17:30');
  });
  it('accepts instants in other offsets', () => {
    expect(toIso(toMs('2024-06-20T10:00:00Z'))).toBe('2024-06-20T18:00:00+08:00');
  });
});

describe('2024 batches', () => {
  it('has 41 districts in 4 batches, each inside the city-wide periods', () => {
    expect(cal.batches).toHaveLength(41);
    expect(new Set(cal.batches.map((b) => b.batch))).toEqual(new Set([1, 2, 3, 4]));
    for (const b of cal.batches) {
      expect(toMs(b.upkeep.start)).toBeGreaterThanOrEqual(toMs(at('05-07T00:00:00')));
      expect(toMs(b.upkeep.end)).toBeLessThanOrEqual(toMs(at('06-01T00:00:00')));
      expect(toMs(b.registration.start)).toBeGreaterThanOrEqual(toMs(at('06-03T00:00:00')));
      expect(toMs(b.registration.end)).toBeLessThanOrEqual(toMs(at('06-30T00:00:00')));
      expect(toMs(b.upkeep.start)).toBeLessThan(toMs(b.upkeep.end));
    }
  });
  it('slices days deterministically', () => {
    const b = cal.batches.find((x) => x.districtCode === YUBEI)!;
    expect(b.batch).toBe(2);
    expect(b.upkeep).toEqual({ start: at('05-13T00:00:00'), end: at('05-19T00:00:00') });
    expect(b.registration).toEqual({ start: at('06-09T00:00:00'), end: at('06-16T00:00:00') });
    const first = cal.batches.find((x) => x.districtCode === B1)!;
    expect(first.upkeep).toEqual({ start: at('05-07T00:00:00'), end: at('05-13T00:00:00') });
    const last = cal.batches[40];
    expect(last.batch).toBe(4);
    expect(last.registration).toEqual({ start: at('06-23T00:00:00'), end: at('06-30T00:00:00') });
    expect(generateDistrictBatches(DISTRICT_CODES_2024, { upkeep: cal.phases[0].period, registration: cal.phases[1].period })).toEqual(cal.batches);
  });
  it('consecutive batches tile the period without gaps', () => {
    const starts = [...new Set(cal.batches.map((b) => b.registration.start))];
    const ends = [...new Set(cal.batches.map((b) => b.registration.end))];
    expect(starts.slice(1)).toEqual(ends.slice(0, -1));
  });
});

describe('phases at boundaries', () => {
  it('upkeep city-wide 5-07..5-31 and by batch', () => {
    expect(isPhaseOpen(cal, 'upkeep', null, at('05-06T23:59:59'))).toBe(false);
    expect(isPhaseOpen(cal, 'upkeep', null, at('05-07T00:00:00'))).toBe(true);
    expect(isPhaseOpen(cal, 'upkeep', null, at('05-31T23:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'upkeep', null, at('06-01T00:00:00'))).toBe(false);
    expect(isPhaseOpen(cal, 'upkeep', B1, at('05-08T10:00:00'))).toBe(true);
    expect(isPhaseOpen(cal, 'upkeep', YUBEI, at('05-08T10:00:00'))).toBe(false);
    expect(isPhaseOpen(cal, 'upkeep', YUBEI, at('05-13T00:00:00'))).toBe(true);
    expect(isPhaseOpen(cal, 'upkeep', YUBEI, at('05-19T00:00:00'))).toBe(false);
  });
  it('5-08 10:00 is upkeep for a batch-1 district', () => {
    expect(openPhases(cal, B1, at('05-08T10:00:00'))).toEqual(['upkeep']);
  });
  it('registration 6-03..6-29', () => {
    expect(isPhaseOpen(cal, 'registration', null, at('06-02T23:59:59'))).toBe(false);
    expect(isPhaseOpen(cal, 'registration', null, at('06-03T00:00:00'))).toBe(true);
    expect(isPhaseOpen(cal, 'registration', null, at('06-29T23:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'registration', null, at('06-30T00:00:00'))).toBe(false);
  });
  it('6-18 10:00 private registration is open city-wide, whatever the batch', () => {
    expect(openPhases(cal, B1, at('06-18T10:00:00'))).toEqual(['privateRegistration', 'review', 'confirmation']);
    expect(openPhases(cal, '900003', at('06-18T10:00:00'))).toContain('privateRegistration');
    expect(openPhases(cal, '500152', at('06-18T10:00:00'))).toContain('registration');
    expect(isPhaseOpen(cal, 'privateRegistration', B1, at('06-16T23:59:59'))).toBe(false);
    expect(isPhaseOpen(cal, 'privateRegistration', B1, at('06-17T00:00:00'))).toBe(true);
    expect(isPhaseOpen(cal, 'privateRegistration', B1, at('06-19T23:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'privateRegistration', B1, at('06-20T00:00:00'))).toBe(false);
  });
  it('private confirmation: 6-20 17:59:59 ok, 18:00:00 too late', () => {
    expect(isPhaseOpen(cal, 'privateConfirmation', null, at('06-20T17:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'privateConfirmation', null, at('06-20T18:00:00'))).toBe(false);
    expect(isPhaseOpen(cal, 'privateLottery', null, at('06-20T09:00:00'))).toBe(true);
  });
  it('public fallback 6-21..6-29', () => {
    expect(isPhaseOpen(cal, 'publicFallback', B1, at('06-20T23:59:59'))).toBe(false);
    expect(isPhaseOpen(cal, 'publicFallback', B1, at('06-21T00:00:00'))).toBe(true);
    expect(isPhaseOpen(cal, 'publicFallback', B1, at('06-29T21:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'publicFallback', B1, at('06-30T00:00:00'))).toBe(false);
  });
  it('review by 7-10, confirmation by 7-15, notice by 7-20 (inclusive days)', () => {
    expect(isPhaseOpen(cal, 'review', null, at('07-10T23:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'review', null, at('07-11T00:00:00'))).toBe(false);
    expect(isPhaseOpen(cal, 'confirmation', null, at('07-15T23:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'confirmation', null, at('07-16T00:00:00'))).toBe(false);
    expect(isPhaseOpen(cal, 'notice', null, at('07-20T23:59:59'))).toBe(true);
    expect(isPhaseOpen(cal, 'notice', null, at('07-21T00:00:00'))).toBe(false);
    expect(openPhases(cal, B1, at('07-21T00:00:00'))).toEqual([]);
  });
  it('next opening and closing', () => {
    expect(nextOpening(cal, YUBEI, at('05-08T10:00:00'))).toEqual({ phase: 'upkeep', at: at('05-13T00:00:00') });
    expect(nextClosing(cal, B1, at('05-08T10:00:00'))).toEqual({ phase: 'upkeep', at: at('05-13T00:00:00') });
    expect(nextClosing(cal, B1, at('06-20T10:00:00'))).toEqual({ phase: 'privateConfirmation', at: at('06-20T18:00:00') });
    expect(nextOpening(cal, B1, at('07-30T10:00:00'))).toBeNull();
  });
});

describe('maintenance', () => {
  it('5-08 22:00 is maintenance and reopens 5-09 08:00', () => {
    const m = maintenanceStatus(cal, at('05-08T22:00:00'));
    expect(m).toEqual({ inMaintenance: true, reason: '每日例行系统维护', reopensAt: at('05-09T08:00:00'), message: '系统维护中，将于 5月9日 08:00 恢复' });
  });
  it('21:59:59 open, 07:59:59 closed, 08:00:00 open', () => {
    expect(maintenanceStatus(cal, at('05-08T21:59:59')).inMaintenance).toBe(false);
    expect(maintenanceStatus(cal, at('05-09T07:59:59')).inMaintenance).toBe(true);
    expect(maintenanceStatus(cal, at('05-09T08:00:00')).inMaintenance).toBe(false);
  });
  it('5-10 is closed all day, chained with the nights around it', () => {
    for (const t of ['05-10T00:00:00', '05-10T08:00:00', '05-10T12:00:00', '05-10T21:59:59', '05-10T23:00:00', '05-09T23:00:00']) {
      const m = maintenanceStatus(cal, at(t));
      expect(m.inMaintenance).toBe(true);
      if (m.inMaintenance) expect(m.reopensAt).toBe(at('05-11T08:00:00'));
    }
    const m = maintenanceStatus(cal, at('05-10T12:00:00'));
    expect(m.inMaintenance && m.message).toBe('系统维护中，将于 5月11日 08:00 恢复');
    expect(m.inMaintenance && m.reason).toBe('系统维护，暂停子女信息维护');
    expect(maintenanceStatus(cal, at('05-11T08:00:00')).inMaintenance).toBe(false);
  });
  it('nightly range: not before the evening of 5-07, last night starts 6-29 22:00', () => {
    expect(maintenanceStatus(cal, at('05-07T07:00:00')).inMaintenance).toBe(false);
    expect(maintenanceStatus(cal, at('05-07T22:00:00')).inMaintenance).toBe(true);
    expect(maintenanceStatus(cal, at('06-29T22:00:00')).inMaintenance).toBe(true);
    expect(maintenanceStatus(cal, at('06-30T07:59:59')).inMaintenance).toBe(true);
    expect(maintenanceStatus(cal, at('06-30T08:00:00')).inMaintenance).toBe(false);
    expect(maintenanceStatus(cal, at('06-30T22:00:00')).inMaintenance).toBe(false);
    expect(maintenanceStatus(cal, at('07-10T23:00:00')).inMaintenance).toBe(false);
  });
  it('effective deadlines move to the start of the night', () => {
    expect(effectiveEnd(cal, at('06-30T00:00:00'))).toBe(at('06-29T22:00:00'));
    expect(effectiveEnd(cal, at('06-20T18:00:00'))).toBe(at('06-20T18:00:00'));
    expect(phaseDeadline(cal, 'registration', B1)).toEqual({
      phase: 'registration',
      end: at('06-09T00:00:00'),
      effectiveEnd: at('06-08T22:00:00'),
      text: '6月8日 22:00',
    });
    expect(phaseDeadline(cal, 'confirmation')!.text).toBe('7月15日（含当日）');
    expect(phaseDeadline(cal, 'privateConfirmation')!.text).toBe('6月20日 18:00');
  });
});

describe('countdown', () => {
  it('splits days/hours/minutes/seconds', () => {
    expect(countdown(at('06-20T18:00:00'), at('06-18T15:58:57'))).toEqual({
      passed: false, totalMs: (2 * 86400 + 2 * 3600 + 60 + 3) * 1000, days: 2, hours: 2, minutes: 1, seconds: 3, text: '还剩 2天 2小时 1分 3秒',
    });
    expect(countdown(at('06-20T18:00:00'), at('06-20T17:59:59')).seconds).toBe(1);
    expect(countdown(at('06-20T18:00:00'), at('06-20T18:00:00'))).toMatchObject({ passed: true, text: '已截止' });
  });
});

describe('working days', () => {
  it('weekends, holidays and make-up days', () => {
    expect(isWorkingDay(cal, '2024-06-10')).toBe(false); // 端午
    expect(isWorkingDay(cal, '2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2024-05-11')).toBe(true); // Saturday make-up day
    expect(isWorkingDay(cal, '2024-05-01')).toBe(false);
    expect(isWorkingDay(cal, '2024-06-11')).toBe(true);
  });
  it('submission 6-07 + 10 working days skips the Dragon Boat holiday -> 6-24', () => {
    expect(addWorkingDays(cal, '2024-06-07', 10)).toBe('2024-06-24');
    expect(reviewDueAt(cal, at('06-07T15:30:00'))).toBe(at('06-25T00:00:00'));
    expect(workingDaysBetween(cal, '2024-06-07', '2024-06-24')).toBe(10);
  });
  it('counts make-up Saturday 5-11', () => {
    // 5-06 Mon: 5-07,08,09,10 (4), 5-11 Sat make-up (5), 5-13..17 (10)
    expect(addWorkingDays(cal, '2024-05-06', 5)).toBe('2024-05-11');
    expect(addWorkingDays(cal, '2024-04-30', 1)).toBe('2024-05-06');
    expect(addWorkingDays(cal, '2024-06-07', 0)).toBe('2024-06-07');
  });
});

describe('local instants', () => {
  it('localIso', () => {
    expect(localIso('2024-06-20', '18:00')).toBe('2024-06-20T18:00:00+08:00');
  });
});

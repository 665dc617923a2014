/**
 * Benchmarks a script calls and prints. No domain rule reads a clock; only these timers do, and
 * the clock is injectable (default: the global high-resolution timer, present in Node and
 * mini-programs alike).
 */
import type { ApplicationAction } from '@contract/application';
import { calendar2024 } from '@server/data/calendar2024';
import { runSchoolLottery, pseudonymFor } from './lottery';
import { transition, type TransitionSubject } from './status';

export type Clock = () => number;
const defaultClock: Clock = () => performance.now();

/** Draws a lottery of n entrants (pseudonyms prepared outside the timing), 10% places. */
export function benchLottery(n: number, clock: Clock = defaultClock): { ms: number; n: number; admitted: string[]; waiting: number; drawn: boolean } {
  const entrants = Array.from({ length: n }, (_, i) => ({ pseudonym: pseudonymFor(`app-${i}`, 'bench'), tier: i % 20 === 0 ? 0 : 1, familyGroup: i % 500 === 0 ? `fam-${i % 1000}` : undefined }));
  const t0 = clock();
  const result = runSchoolLottery({
    drawId: 'bench', schoolId: 'bench-school', places: Math.max(1, Math.floor(n / 10)), entrants,
    publicRandomness: 'bench', committedAt: '2024-06-19T22:00:00+08:00', drawnAt: '2024-06-20T09:00:00+08:00',
  });
  const ms = clock() - t0;
  return { ms, n, admitted: result.admitted, waiting: result.waiting.length, drawn: !result.withoutLottery };
}

/** n transitions through the state machine: full public life cycles of six steps each. */
export function benchStateMachine(n: number, clock: Clock = defaultClock): { ms: number; n: number; transitions: number; finalStatus: string } {
  const steps: Array<[ApplicationAction, 'parent' | 'reviewer' | 'system' | 'teacher', string]> = [
    ['submit', 'parent', '2024-06-10T10:00:00+08:00'],
    ['startReview', 'system', '2024-06-11T10:00:00+08:00'],
    ['approve', 'reviewer', '2024-06-12T10:00:00+08:00'],
    ['confirm', 'parent', '2024-07-01T10:00:00+08:00'],
    ['issueNotice', 'system', '2024-07-18T10:00:00+08:00'],
    ['checkIn', 'teacher', '2024-09-01T08:00:00+08:00'],
  ];
  let transitions = 0;
  let finalStatus = 'draft';
  const t0 = clock();
  for (let i = 0; i < Math.ceil(n / steps.length); i++) {
    let s: TransitionSubject = { status: 'draft', nature: 'public', districtCode: '500112' };
    for (const [action, actor, now] of steps) {
      const r = transition(s, action, actor, now, calendar2024);
      if (!r.ok) throw new Error(r.message);
      s = { ...s, status: r.status };
      transitions++;
    }
    finalStatus = s.status;
  }
  return { ms: clock() - t0, n, transitions, finalStatus };
}

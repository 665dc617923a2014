import { benchLottery, benchStateMachine } from './bench';
import { pseudonymFor } from './lottery';

// Timings are measured and judged by `npm run bench`, not asserted here (a loaded CI box is noisy);
// these tests pin what the benchmark workloads do: a real draw and real life cycles.
describe('bench workloads', () => {
  it('draws a real lottery: 10% places admitted, the rest waiting, every entrant placed once', () => {
    const r = benchLottery(5000);
    expect(r.drawn).toBe(true);
    expect(r.admitted).toHaveLength(500);
    expect(r.waiting).toBe(4500);
    expect(new Set(r.admitted).size).toBe(500);
    const all = new Set(Array.from({ length: 5000 }, (_, i) => pseudonymFor(`app-${i}`, 'bench')));
    for (const p of r.admitted) expect(all.has(p)).toBe(true);
    // The draw is deterministic for the same public randomness: the benchmark always measures the same work.
    expect(benchLottery(5000).admitted).toEqual(r.admitted);
  });
  it('times only the draw with the clock it is given', () => {
    const readings = [100, 142];
    const r = benchLottery(50, () => readings.shift()!);
    expect(r.ms).toBe(42);
    expect(readings).toHaveLength(0);
  });
  it('takes every application through the whole public life cycle to 已报到', () => {
    const r = benchStateMachine(600);
    expect(r.transitions).toBe(600);
    expect(r.finalStatus).toBe('checkedIn');
  });
});

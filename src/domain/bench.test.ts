import { benchLottery, benchStateMachine } from './bench';

// Timings are measured and judged by `npm run bench`, not asserted here (a loaded CI box is noisy);
// these tests only prove the benchmark workloads run the real rules to completion.
describe('bench workloads', () => {
  it('draws a lottery of the requested size through the real draw', () => {
    const ticks: number[] = [];
    const r = benchLottery(5000, () => {
      ticks.push(ticks.length);
      return ticks.length * 10;
    });
    expect(r.n).toBe(5000);
    expect(r.ms).toBe(10);
  });
  it('runs the requested number of transitions through the state machine', () => {
    expect(benchStateMachine(600).n).toBe(600);
  });
});

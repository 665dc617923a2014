/** The rate limiter's buckets stay bounded and cheap when very many callers (addresses) arrive. */
import { createBuckets } from './overload';

describe('createBuckets', () => {
  it('limits one caller to its burst, then refills at its rate', () => {
    let t = 0;
    const buckets = createBuckets({ burst: 3, perSecond: 1 }, () => t);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1);
    t += 1000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('b')).toBe(0);
  });

  it('never remembers more than its cap, forgetting the least recently seen callers first', () => {
    let t = 0;
    const buckets = createBuckets({ burst: 2, perSecond: 0.001 }, () => t, 1000);
    // A caller who keeps coming stays remembered (and limited) while 5,000 others pass once each.
    buckets.take('steady');
    buckets.take('steady');
    for (let i = 0; i < 5000; i++) {
      buckets.take(`addr-${i}`);
      if (i % 100 === 0) expect(buckets.take('steady')).toBeGreaterThan(0);
      expect(buckets.size()).toBeLessThanOrEqual(1000);
      t += 1;
    }
  });

  it('walks the whole set at most once a second at its cap, not on every request', () => {
    let t = 0;
    const buckets = createBuckets({ burst: 5, perSecond: 0.001 }, () => t, 10_000);
    for (let i = 0; i < 10_000; i++) buckets.take(`fill-${i}`);
    // Before: every request past the cap swept all of it (here 20,000 sweeps of 10,000 keys).
    for (let i = 0; i < 20_000; i++) buckets.take(`new-${i}`);
    expect(buckets.sweeps()).toBe(0);
    t += 1_000;
    for (let i = 0; i < 20_000; i++) buckets.take(`later-${i}`);
    expect(buckets.sweeps()).toBe(1);
    expect(buckets.size()).toBeLessThanOrEqual(10_000);
  });
});

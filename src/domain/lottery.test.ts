import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { LotteryEntrant } from '@contract/lottery';
import { canonicalEntrantList, commitEntrants, drawLottery, keyOf, listCommitmentOf, lotteryOutcome, pseudonymFor, rankOf, runSchoolLottery, sha256hex, verifyDraw } from './lottery';

const entrants = (n: number, salt = 's'): LotteryEntrant[] => Array.from({ length: n }, (_, i) => ({ pseudonym: pseudonymFor(`app-${i}`, salt), tier: 1 }));
const base = { drawId: 'd1', schoolId: 'school-1', committedAt: '2024-06-19T22:00:00+08:00', drawnAt: '2024-06-20T09:00:00+08:00', publicRandomness: '2024-06-19 福彩3D 123' };

function draw(list: LotteryEntrant[], places: number, randomness = base.publicRandomness) {
  const c = commitEntrants({ ...base, places, entrants: list });
  const r = drawLottery(c, list, randomness, base.drawnAt);
  if (!r.ok) throw new Error(r.message);
  return r.draw;
}

describe('lottery', () => {
  it('sha256 is the standard one', () => {
    expect(sha256hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('pseudonyms are salted hashes, truncated to 128 bits', () => {
    expect(pseudonymFor('a1', 'x')).toBe(sha256hex('x|a1').slice(0, 32));
    expect(pseudonymFor('a1', 'x')).toMatch(/^[0-9a-f]{32}$/);
    expect(pseudonymFor('a1', 'x')).not.toBe(pseudonymFor('a1', 'y'));
  });
  it('commitment does not depend on input order', () => {
    const l = entrants(10);
    expect(listCommitmentOf('s', 3, l)).toBe(listCommitmentOf('s', 3, [...l].reverse()));
    expect(listCommitmentOf('s', 3, l)).not.toBe(listCommitmentOf('s', 4, l));
  });
  it('a fixed vector (so a third party can check an implementation)', () => {
    const l: LotteryEntrant[] = [{ pseudonym: 'aa', tier: 1 }, { pseudonym: 'bb', tier: 0 }, { pseudonym: 'cc', tier: 1 }];
    const d = draw(l, 2);
    const commitment = sha256hex('ruxue-lottery-v1\nschool-1\n2\naa|1|\nbb|0|\ncc|1|\n');
    expect(d.listCommitment).toBe(commitment);
    expect(d.seed).toBe(sha256hex(`${commitment}|${base.publicRandomness}|school-1`));
    expect(d.order[0]).toBe('bb'); // tier 0 first
    const ka = sha256hex(`${d.seed}|p:aa`);
    const kc = sha256hex(`${d.seed}|p:cc`);
    expect(d.order.slice(1)).toEqual(ka < kc ? ['aa', 'cc'] : ['cc', 'aa']);
  });
  it('permutation, deterministic, seed-sensitive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1, max: 50 }), fc.string(), (n, places, salt) => {
        const l = entrants(n, salt);
        const d1 = draw(l, places);
        const d2 = draw([...l].reverse(), places);
        const d3 = draw(l, places, 'other randomness');
        const sameSet = [...d1.order].sort().join() === l.map((e) => e.pseudonym).sort().join();
        return sameSet && d1.order.length === n && d1.order.join() === d2.order.join() && (n < 6 || d1.order.join() !== d3.order.join()) && verifyDraw(d1).valid;
      }),
      { numRuns: 200 },
    );
  });
  it('family groups share a key and sit together at the best tier', () => {
    const l = entrants(50);
    l[3] = { ...l[3], familyGroup: 'fam-1', tier: 1 };
    l[40] = { ...l[40], familyGroup: 'fam-1', tier: 0 };
    const d = draw(l, 10);
    const i = d.order.indexOf(l[3].pseudonym);
    const j = d.order.indexOf(l[40].pseudonym);
    expect(Math.abs(i - j)).toBe(1);
    expect(Math.min(i, j)).toBe(0); // the group draws at tier 0, alone there
    expect(keyOf(d.seed, l[3])).toBe(keyOf(d.seed, l[40]));
    expect(rankOf(d, l[3].pseudonym)!.key).toBe(rankOf(d, l[40].pseudonym)!.key);
  });
  it('verifyDraw detects tampering', () => {
    const d = draw(entrants(30), 10);
    expect(verifyDraw(d)).toEqual({ valid: true });
    const swapped = [...d.order];
    [swapped[2], swapped[20]] = [swapped[20], swapped[2]];
    expect(verifyDraw({ ...d, order: swapped })).toEqual({ valid: false, reason: 'order', message: '第3位的排序与重新计算的结果不一致' });
    expect(verifyDraw({ ...d, publicRandomness: 'x' })).toMatchObject({ valid: false, reason: 'seed' });
    expect(verifyDraw({ ...d, entrants: d.entrants.slice(1) })).toMatchObject({ valid: false, reason: 'commitment' });
    expect(verifyDraw({ ...d, entrants: d.entrants.map((e, k) => (k === 0 ? { ...e, tier: 0 } : e)) })).toMatchObject({ valid: false, reason: 'commitment' });
  });
  it('refuses to draw a list that is not the committed one', () => {
    const l = entrants(5);
    const c = commitEntrants({ ...base, places: 2, entrants: l });
    expect(drawLottery(c, l.slice(1), 'r', base.drawnAt)).toEqual({ ok: false, message: '名单与摇号前公布的承诺值不一致，不能摇号' });
  });
  it('ranks and waiting list', () => {
    const l = entrants(12);
    const d = draw(l, 5);
    expect(rankOf(d, d.order[0])).toMatchObject({ rank: 1, admitted: true, waitingPosition: null });
    expect(rankOf(d, d.order[4])).toMatchObject({ rank: 5, admitted: true });
    expect(rankOf(d, d.order[5])).toMatchObject({ rank: 6, admitted: false, waitingPosition: 1 });
    expect(rankOf(d, 'nobody')).toBeNull();
    expect(lotteryOutcome('school-1', d.order[7], d)).toMatchObject({ admitted: false, rank: 8, waitingPosition: 3, withoutLottery: false });
  });
  it('entrants <= places: everyone admitted without a lottery', () => {
    const l = entrants(5);
    const r = runSchoolLottery({ ...base, places: 5, entrants: l });
    expect(r.withoutLottery).toBe(true);
    expect(r.admitted).toHaveLength(5);
    expect(lotteryOutcome('school-1', l[0].pseudonym, null)).toMatchObject({ withoutLottery: true, admitted: true, drawId: null });
    const r2 = runSchoolLottery({ ...base, places: 4, entrants: l });
    expect(r2.withoutLottery).toBe(false);
    expect(r2.admitted).toHaveLength(4);
    expect(r2.waiting).toHaveLength(1);
  });
});

describe('list commitment', () => {
  it('is the SHA-256 of the published canonical text, also when hashed in chunks', () => {
    const entrants = Array.from({ length: 5000 }, (_, i) => ({ pseudonym: pseudonymFor(`a${i}`, 'salt'), tier: i % 7 === 0 ? 0 : 1, familyGroup: i % 997 === 0 ? `f${i}` : undefined }));
    const text = canonicalEntrantList('500112-P-6', 90, entrants);
    expect(text.startsWith('ruxue-lottery-v1\n500112-P-6\n90\n')).toBe(true);
    expect(listCommitmentOf('500112-P-6', 90, entrants)).toBe(sha256hex(text));
    expect(listCommitmentOf('500112-P-6', 91, entrants)).not.toBe(sha256hex(text));
  });
});

/**
 * The published formulas (file header of lottery.ts), written the slow obvious way over Node's
 * own SHA-256: the fast paths (streamed commitment, fixed-shape keys, prefix sorts) must agree.
 */
function referenceDraw(schoolId: string, places: number, list: LotteryEntrant[], randomness: string) {
  const h = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const byPseudonym = [...list].sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  const canonical = `ruxue-lottery-v1\n${schoolId}\n${places}\n${byPseudonym.map((e) => `${e.pseudonym}|${e.tier}|${e.familyGroup ?? ''}\n`).join('')}`;
  const listCommitment = h(canonical);
  const seed = h(`${listCommitment}|${randomness}|${schoolId}`);
  const groupTier = new Map<string, number>();
  for (const e of list) if (e.familyGroup) groupTier.set(e.familyGroup, Math.min(groupTier.get(e.familyGroup) ?? Infinity, e.tier));
  const rows = list.map((e) => ({
    pseudonym: e.pseudonym,
    tier: e.familyGroup ? groupTier.get(e.familyGroup)! : e.tier,
    key: h(seed + (e.familyGroup ? `|g:${e.familyGroup}` : `|p:${e.pseudonym}`)),
  }));
  rows.sort((a, b) => a.tier - b.tier || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.pseudonym < b.pseudonym ? -1 : 1));
  return { listCommitment, seed, order: rows.map((r) => r.pseudonym) };
}

describe('lottery against the published formulas', () => {
  const run = (list: LotteryEntrant[], places: number) => {
    const ours = runSchoolLottery({ ...base, places, entrants: list });
    const ref = referenceDraw(base.schoolId, places, list, base.publicRandomness);
    expect(ours.draw?.listCommitment).toBe(ref.listCommitment);
    expect(ours.draw?.seed).toBe(ref.seed);
    expect(ours.draw?.order).toEqual(ref.order);
    expect(ours.admitted).toEqual(ref.order.slice(0, places));
  };

  it('agrees for standard pseudonyms with tiers and family groups', () => {
    const list = Array.from({ length: 3000 }, (_, i) => ({ pseudonym: pseudonymFor(`a${i}`, 'ref'), tier: i % 9 === 0 ? 0 : i % 13 === 0 ? 2 : 1, familyGroup: i % 97 < 2 ? `家庭${Math.floor(i / 97)}` : undefined }));
    run(list, 300);
  });

  it('agrees for full-length, upper-case, short and non-ASCII pseudonyms (the general paths)', () => {
    const odd = ['张三的编号', 'ABCDEF', 'ff', '𠮷x', ...Array.from({ length: 200 }, (_, i) => sha256hex(`full-${i}`))];
    run(odd.map((pseudonym, i) => ({ pseudonym, tier: i % 3 })), 50);
  });

  it('agrees when many pseudonyms share their first 32 bits', () => {
    const list = Array.from({ length: 500 }, (_, i) => ({ pseudonym: `0000000${i % 3}${pseudonymFor(`p${i}`, 'x').slice(8)}`, tier: i % 2 }));
    run(list, 40);
  });

  it('agrees for random lists', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ pseudonym: fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }), fc.string({ minLength: 1, maxLength: 12 })), tier: fc.integer({ min: 0, max: 4 }), familyGroup: fc.option(fc.constantFrom('g1', 'g2', '双胞胎'), { nil: undefined }) }), { selector: (e) => e.pseudonym, minLength: 2, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (list, places) => {
          if (list.length <= places) return;
          run(list, places);
        },
      ),
      { numRuns: 300 },
    );
  });
});

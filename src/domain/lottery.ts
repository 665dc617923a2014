/**
 * Verifiable private-school lottery (SPEC Q21). Anyone holding the published entrant list, the
 * public randomness and the school id can recompute the order:
 *
 *   canonical     = "ruxue-lottery-v1\n" + schoolId + "\n" + places + "\n"
 *                   + one line per entrant, sorted by pseudonym: pseudonym|tier|familyGroup + "\n"
 *   listCommitment = sha256hex(canonical)                       (published before the draw)
 *   seed           = sha256hex(listCommitment + "|" + publicRandomness + "|" + schoolId)
 *   key            = sha256hex(seed + "|g:" + familyGroup)   for a family group (twins, siblings)
 *                    sha256hex(seed + "|p:" + pseudonym)     otherwise
 *   order          = sort by (tier, key, pseudonym); a family group draws at its best tier
 *   first `places` admitted, the rest is the ordered waiting list.
 *
 * The "g:"/"p:" prefixes keep a group id from ever colliding with someone's pseudonym.
 * A strict cut at `places`: a family group straddling it is split (districts that admit twins
 * together do so by their own rule after the draw).
 */
import type { LotteryCommitment, LotteryDraw, LotteryEntrant, LotteryOutcome } from '@contract/lottery';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { utf8Encode } from './utf8';
import { hashTail, midstateOf } from './sha256fast';

export const sha256hex = (s: string): string => bytesToHex(sha256(utf8Encode(s)));

/** A parent's child appears in the list under this, never under a name or ID number. */
export function pseudonymFor(applicationId: string, salt: string): string {
  return sha256hex(`${salt}|${applicationId}`);
}


const HEX8 = /^[0-9a-f]{8}/;

/** Sorted by pseudonym (UTF-16 code units, i.e. plain string order). */
function sortByPseudonym(entrants: readonly LotteryEntrant[]): LotteryEntrant[] {
  const n = entrants.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const cmpStr = (a: number, b: number) => {
    const pa = entrants[a].pseudonym;
    const pb = entrants[b].pseudonym;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  if (entrants.every((e) => HEX8.test(e.pseudonym))) {
    // Lower-case hex sorts like its numeric value, so a 32-bit prefix decides almost every
    // comparison without touching the strings (the draw must stay fast for 100,000 entrants).
    const prefix = new Float64Array(n);
    for (let i = 0; i < n; i++) prefix[i] = parseInt(entrants[i].pseudonym.slice(0, 8), 16);
    idx.sort((a, b) => prefix[a] - prefix[b] || cmpStr(a, b));
  } else {
    idx.sort(cmpStr);
  }
  const out = new Array<LotteryEntrant>(n);
  for (let i = 0; i < n; i++) out[i] = entrants[idx[i]];
  return out;
}

function canonicalOfSorted(schoolId: string, places: number, sorted: readonly LotteryEntrant[]): string {
  const lines = sorted.map((e) => `${e.pseudonym}|${e.tier}|${e.familyGroup ?? ''}\n`);
  return `ruxue-lottery-v1\n${schoolId}\n${places}\n${lines.join('')}`;
}

/**
 * sha256hex(canonicalOfSorted(...)) without building the whole text: 100,000 entrants make an
 * 8 MB string and byte array, so the lines are hashed in chunks (same bytes, same digest).
 */
function commitmentOfSorted(schoolId: string, places: number, sorted: readonly LotteryEntrant[]): string {
  const hash = sha256.create();
  hash.update(utf8Encode(`ruxue-lottery-v1\n${schoolId}\n${places}\n`));
  const CHUNK = 2048;
  for (let i = 0; i < sorted.length; i += CHUNK) {
    let text = '';
    const end = Math.min(sorted.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const e = sorted[j];
      text += `${e.pseudonym}|${e.tier}|${e.familyGroup ?? ''}\n`;
    }
    hash.update(utf8Encode(text));
  }
  return bytesToHex(hash.digest());
}

export function canonicalEntrantList(schoolId: string, places: number, entrants: readonly LotteryEntrant[]): string {
  return canonicalOfSorted(schoolId, places, sortByPseudonym(entrants));
}

export function listCommitmentOf(schoolId: string, places: number, entrants: readonly LotteryEntrant[]): string {
  return commitmentOfSorted(schoolId, places, sortByPseudonym(entrants));
}

/** Q21: lottery only when applicants exceed places. */
export function needsLottery(entrantCount: number, places: number): boolean {
  return entrantCount > places;
}

export function commitEntrants(args: { drawId: string; schoolId: string; places: number; entrants: readonly LotteryEntrant[]; committedAt: string }): LotteryCommitment {
  return {
    drawId: args.drawId,
    schoolId: args.schoolId,
    places: args.places,
    listCommitment: listCommitmentOf(args.schoolId, args.places, args.entrants),
    entrantCount: args.entrants.length,
    committedAt: args.committedAt,
  };
}

export function seedOf(listCommitment: string, publicRandomness: string, schoolId: string): string {
  return sha256hex(`${listCommitment}|${publicRandomness}|${schoolId}`);
}

const keyTail = (e: Pick<LotteryEntrant, 'pseudonym' | 'familyGroup'>) => (e.familyGroup ? `|g:${e.familyGroup}` : `|p:${e.pseudonym}`);

export function keyOf(seed: string, e: Pick<LotteryEntrant, 'pseudonym' | 'familyGroup'>): string {
  return sha256hex(seed + keyTail(e));
}

/**
 * The draw order. Keys are kept as 8 words each in one typed array and compared numerically:
 * the same order as comparing the hex strings, without 100,000 string allocations.
 */
function orderEntrants(seed: string, entrants: readonly LotteryEntrant[]): string[] {
  const n = entrants.length;
  const words = new Uint32Array(n * 8);
  const tiers = new Float64Array(n);
  const groupTier = new Map<string, number>();
  for (const e of entrants) {
    if (e.familyGroup) groupTier.set(e.familyGroup, Math.min(groupTier.get(e.familyGroup) ?? Infinity, e.tier));
  }
  const groupRow = new Map<string, number>();
  const mid = midstateOf(seed);
  for (let i = 0; i < n; i++) {
    const e = entrants[i];
    tiers[i] = e.familyGroup ? groupTier.get(e.familyGroup)! : e.tier;
    const shared = e.familyGroup ? groupRow.get(e.familyGroup) : undefined;
    if (shared !== undefined) {
      words.copyWithin(i * 8, shared * 8, shared * 8 + 8);
      continue;
    }
    if (e.familyGroup) groupRow.set(e.familyGroup, i);
    if (!mid || !hashTail(mid, keyTail(e), words, i * 8)) {
      const hex = keyOf(seed, e);
      for (let w = 0; w < 8; w++) words[i * 8 + w] = parseInt(hex.slice(w * 8, w * 8 + 8), 16);
    }
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    if (tiers[a] !== tiers[b]) return tiers[a] - tiers[b];
    for (let w = 0; w < 8; w++) {
      const x = words[a * 8 + w];
      const y = words[b * 8 + w];
      if (x !== y) return x < y ? -1 : 1;
    }
    const pa = entrants[a].pseudonym;
    const pb = entrants[b].pseudonym;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  const order = new Array<string>(n);
  for (let i = 0; i < n; i++) order[i] = entrants[idx[i]].pseudonym;
  return order;
}

export type DrawError = { ok: false; message: string };

/**
 * Draws with the public randomness fixed after the commitment. Refuses (never silently redraws)
 * if the entrants are not the committed list.
 */
export function drawLottery(
  commitment: LotteryCommitment,
  entrants: readonly LotteryEntrant[],
  publicRandomness: string,
  drawnAt: string,
): { ok: true; draw: LotteryDraw } | DrawError {
  if (new Set(entrants.map((e) => e.pseudonym)).size !== entrants.length) return { ok: false, message: '名单中有重复的申请人' };
  const sorted = sortByPseudonym(entrants);
  if (commitmentOfSorted(commitment.schoolId, commitment.places, sorted) !== commitment.listCommitment || entrants.length !== commitment.entrantCount) {
    return { ok: false, message: '名单与摇号前公布的承诺值不一致，不能摇号' };
  }
  const seed = seedOf(commitment.listCommitment, publicRandomness, commitment.schoolId);
  return { ok: true, draw: { ...commitment, publicRandomness, seed, drawnAt, order: orderEntrants(seed, sorted), entrants: sorted } };
}

export type DrawCheck =
  | { valid: true }
  | { valid: false; reason: 'commitment' | 'count' | 'seed' | 'order'; message: string };

/** Recomputes commitment, seed and order from the published draw. */
export function verifyDraw(draw: LotteryDraw): DrawCheck {
  if (new Set(draw.entrants.map((e) => e.pseudonym)).size !== draw.entrants.length || listCommitmentOf(draw.schoolId, draw.places, draw.entrants) !== draw.listCommitment) {
    return { valid: false, reason: 'commitment', message: '申请人名单与公布的承诺值不一致' };
  }
  if (draw.entrants.length !== draw.entrantCount || draw.order.length !== draw.entrants.length) {
    return { valid: false, reason: 'count', message: '申请人数与公布的人数不一致' };
  }
  if (seedOf(draw.listCommitment, draw.publicRandomness, draw.schoolId) !== draw.seed) {
    return { valid: false, reason: 'seed', message: '随机种子与公布的随机数不一致' };
  }
  const expected = orderEntrants(draw.seed, draw.entrants);
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] !== draw.order[i]) return { valid: false, reason: 'order', message: `第${i + 1}位的排序与重新计算的结果不一致` };
  }
  return { valid: true };
}

export interface Rank {
  /** 1-based position in the draw order. */
  rank: number;
  admitted: boolean;
  /** 1-based position on the waiting list, when not admitted. */
  waitingPosition: number | null;
  key: string;
}

/** A parent recomputes their own child's key and finds the rank. Null if not in the draw. */
export function rankOf(draw: LotteryDraw, pseudonym: string): Rank | null {
  const i = draw.order.indexOf(pseudonym);
  const e = draw.entrants.find((x) => x.pseudonym === pseudonym);
  if (i < 0 || !e) return null;
  const admitted = i < draw.places;
  return { rank: i + 1, admitted, waitingPosition: admitted ? null : i + 1 - draw.places, key: keyOf(draw.seed, e) };
}

/** What the parent sees (types/lottery.ts LotteryOutcome). */
export function lotteryOutcome(schoolId: string, pseudonym: string, draw: LotteryDraw | null): LotteryOutcome {
  if (!draw) {
    // Applicants <= places: everyone admitted without a draw.
    return { drawId: null, schoolId, withoutLottery: true, admitted: true, rank: null, waitingPosition: null, pseudonym, key: null, draw: null };
  }
  const r = rankOf(draw, pseudonym);
  return {
    drawId: draw.drawId,
    schoolId,
    withoutLottery: false,
    admitted: r?.admitted ?? false,
    rank: r?.rank ?? null,
    waitingPosition: r?.waitingPosition ?? null,
    pseudonym,
    key: r?.key ?? null,
    draw,
  };
}

/**
 * The whole thing for one school: without a lottery when entrants <= places (all admitted),
 * otherwise commit and draw. Returns who is admitted and the waiting list.
 */
export function runSchoolLottery(args: {
  drawId: string;
  schoolId: string;
  places: number;
  entrants: readonly LotteryEntrant[];
  publicRandomness: string;
  committedAt: string;
  drawnAt: string;
}): { withoutLottery: true; admitted: string[]; waiting: string[]; draw: null } | { withoutLottery: false; admitted: string[]; waiting: string[]; draw: LotteryDraw } {
  if (!needsLottery(args.entrants.length, args.places)) {
    return { withoutLottery: true, admitted: args.entrants.map((e) => e.pseudonym), waiting: [], draw: null };
  }
  const sorted = sortByPseudonym(args.entrants);
  const listCommitment = commitmentOfSorted(args.schoolId, args.places, sorted);
  const seed = seedOf(listCommitment, args.publicRandomness, args.schoolId);
  const draw: LotteryDraw = {
    drawId: args.drawId,
    schoolId: args.schoolId,
    places: args.places,
    listCommitment,
    entrantCount: sorted.length,
    committedAt: args.committedAt,
    publicRandomness: args.publicRandomness,
    seed,
    drawnAt: args.drawnAt,
    order: orderEntrants(seed, sorted),
    entrants: sorted,
  };
  return { withoutLottery: false, admitted: draw.order.slice(0, args.places), waiting: draw.order.slice(args.places), draw };
}

/**
 * Verifiable private-school lottery (SPEC Q21). Anyone holding the published entrant list, the
 * public randomness and the school id can recompute the order:
 *
 *   pseudonym     = first 32 hex characters of sha256hex(salt + "|" + applicationId)
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
 * Pseudonyms are 128 bits: collisions among millions of entrants are out of reach, the published
 * list is half the size a full digest would make it, and each key is one SHA-256 block after the
 * seed (100,000 entrants draw in a few hundred milliseconds). Any other pseudonym still draws
 * correctly, only more slowly.
 * A strict cut at `places`: a family group straddling it is split (districts that admit twins
 * together do so by their own rule after the draw).
 */
import type { LotteryCommitment, LotteryDraw, LotteryEntrant, LotteryOutcome } from '@contract/lottery';
import { sortIndicesByPrefix } from '@/lib/prefixSort';
import { FixedTailHasher, Sha256Stream } from '@/lib/sha256fast';

// One stream for every short hash; it rewinds itself after each digest.
const shortHash = new Sha256Stream();
export const sha256hex = (s: string): string => shortHash.write(s).digestHex();

export const PSEUDONYM_LENGTH = 32;

/** A parent's child appears in the list under this, never under a name or ID number. */
export function pseudonymFor(applicationId: string, salt: string): string {
  return shortHash.write(`${salt}|${applicationId}`).digestHex(PSEUDONYM_LENGTH / 8);
}


/** The first 8 characters of a lower-case hex string as a number, or -1 when they are not hex. */
function hexPrefix32(s: string): number {
  if (s.length < 8) return -1;
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Sorted by pseudonym (UTF-16 code units, i.e. plain string order). */
function sortByPseudonym(entrants: readonly LotteryEntrant[]): LotteryEntrant[] {
  const n = entrants.length;
  const cmpStr = (a: number, b: number) => {
    const pa = entrants[a].pseudonym;
    const pb = entrants[b].pseudonym;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  const prefix = new Float64Array(n);
  let allHex = true;
  for (let i = 0; i < n && allHex; i++) allHex = (prefix[i] = hexPrefix32(entrants[i].pseudonym)) >= 0;
  let idx: Uint32Array;
  // Lower-case hex sorts like its numeric value, so its first 32 bits decide almost every comparison.
  if (allHex) idx = sortIndicesByPrefix(n, 32, (i) => prefix[i], cmpStr);
  else {
    idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
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
 * sha256hex(canonicalOfSorted(...)) without building the text: 100,000 entrants make an 8 MB
 * string, so the lines are streamed into the hash (same bytes, same digest).
 */
function commitmentOfSorted(schoolId: string, places: number, sorted: readonly LotteryEntrant[]): string {
  const hash = new Sha256Stream().write(`ruxue-lottery-v1\n${schoolId}\n${places}\n`);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    hash.write(e.pseudonym).write('|').write(String(e.tier)).write('|');
    if (e.familyGroup) hash.write(e.familyGroup);
    hash.write('\n');
  }
  return hash.digestHex();
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
  // Every key starts with the seed: hash it once and start each key from there. Pseudonyms made
  // by pseudonymFor all have one length, so their keys share one shape and skip the general stream.
  const hash = new Sha256Stream().write(seed).save();
  const pseudonymKeys = /^[0-9a-f]{64}$/.test(seed) ? new FixedTailHasher(seed, '|p:', PSEUDONYM_LENGTH) : null;
  for (let i = 0; i < n; i++) {
    const e = entrants[i];
    const group = e.familyGroup;
    if (!group) {
      tiers[i] = e.tier;
      if (!pseudonymKeys?.digestWords(e.pseudonym, words, i * 8)) hash.write('|p:').write(e.pseudonym).digestWords(words, i * 8);
      continue;
    }
    tiers[i] = groupTier.get(group)!;
    const shared = groupRow.get(group);
    if (shared !== undefined) words.copyWithin(i * 8, shared * 8, shared * 8 + 8);
    else {
      groupRow.set(group, i);
      hash.write('|g:').write(group).digestWords(words, i * 8);
    }
  }
  const compare = (a: number, b: number) => {
    if (tiers[a] !== tiers[b]) return tiers[a] - tiers[b];
    for (let w = 0; w < 8; w++) {
      const x = words[a * 8 + w];
      const y = words[b * 8 + w];
      if (x !== y) return x < y ? -1 : 1;
    }
    const pa = entrants[a].pseudonym;
    const pb = entrants[b].pseudonym;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  // Tier first, then the key's first word; the comparator settles the rest.
  const tierValues = [...new Set(tiers)].sort((a, b) => a - b);
  const tierRank = new Map(tierValues.map((t, r) => [t, r]));
  const tierBits = Math.max(1, Math.ceil(Math.log2(tierValues.length)));
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) rank[i] = tierRank.get(tiers[i])!;
  const idx = sortIndicesByPrefix(n, tierBits + 32, (i) => rank[i] * 0x100000000 + words[i * 8], compare);
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
  return { ok: true, draw: { ...commitment, publicRandomness, seed, drawnAt, order: orderEntrants(seed, entrants), entrants: sorted } };
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

/**
 * What "候补第N位" means and what happens next, said the same way wherever it appears (the draw's
 * history note, the result page). The module admits no one from the waiting list: a place given up
 * is the district's to reassign, and a child not admitted goes to the public fallback.
 */
export function waitingPositionText(position: number): { short: string; explanation: string } {
  return {
    short: `候补第${position}位`,
    explanation: `候补第${position}位，是指摇号顺序排在招生计划名额之后的第${position}位，目前未被录取。系统不进行网上递补；如有被录取学生放弃学位、区县组织递补，将由区县招生部门按候补顺序电话联系。候补期间请按时报名公办学校（公办兜底），报名公办不影响候补。`,
  };
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
    // Keys do not depend on list order: walk the entrants as given, in memory order.
    order: orderEntrants(seed, args.entrants),
    entrants: sorted,
  };
  return { withoutLottery: false, admitted: draw.order.slice(0, args.places), waiting: draw.order.slice(args.places), draw };
}

/**
 * Verifiable private-school lottery (Q21). Everything needed to recompute a draw is published.
 */
export interface LotteryEntrant {
  /** Pseudonym: hash of the application id and a per-draw salt; never a name or ID number. */
  pseudonym: string;
  /** Lower tiers draw first (e.g. 0 = policy priority, 1 = general). */
  tier: number;
  /** Twins/siblings applying together share a group and therefore a key. */
  familyGroup?: string;
}

export interface LotteryCommitment {
  drawId: string;
  schoolId: string;
  places: number;
  /** SHA-256 (hex) of the canonical frozen entrant list, published before the draw. */
  listCommitment: string;
  entrantCount: number;
  committedAt: string;
}

export interface LotteryDraw extends LotteryCommitment {
  /** Public randomness fixed after the commitment (e.g. a published lottery number). */
  publicRandomness: string;
  /** sha256(listCommitment | publicRandomness | schoolId) */
  seed: string;
  drawnAt: string;
  /** Ordered pseudonyms: first `places` admitted, the rest the waiting list. */
  order: string[];
  entrants: LotteryEntrant[];
}

/** What a parent sees about their own child. */
export interface LotteryOutcome {
  drawId: string | null;
  schoolId: string;
  withoutLottery: boolean;
  admitted: boolean;
  rank: number | null;
  waitingPosition: number | null;
  pseudonym: string;
  key: string | null;
  draw: LotteryDraw | null;
}

import type { AuctionPhase, AuctionStatus, DepositEntry, DepositStatus, IncrementStep } from '#shared/contracts/auctions.contract';

/** Why an increment table is unusable, or null when it is fine. */
export function incrementsProblem(increments: readonly IncrementStep[]): string | null {
  if (increments.length === 0) {
    return 'at least one step';
  }
  if (increments[0]!.fromFen !== 0) {
    return 'the first step must start at 0';
  }
  for (let i = 1; i < increments.length; i++) {
    if (increments[i]!.fromFen <= increments[i - 1]!.fromFen) {
      return 'steps must be in increasing order of fromFen';
    }
  }
  return null;
}

/** The step that applies at `priceFen`: the last row whose `fromFen` ≤ price (the first row below all). */
export function stepFor(priceFen: number, increments: readonly IncrementStep[]): number {
  let step = increments[0]?.stepFen ?? 1;
  for (const row of increments) {
    if (row.fromFen <= priceFen) {
      step = row.stepFen;
    }
  }
  return step;
}

/** The lowest valid bid: the start price when there is no bid, else current + the step at the current price. */
export function nextMinFen(startPriceFen: number, currentPriceFen: number | null, increments: readonly IncrementStep[]): number {
  return currentPriceFen === null ? startPriceFen : currentPriceFen + stepFor(currentPriceFen, increments);
}

/** Whether the secret reserve is met: null when there is no reserve. */
export function reserveMet(reserveFen: number | null, currentPriceFen: number | null): boolean | null {
  if (reserveFen === null) {
    return null;
  }
  return currentPriceFen !== null && currentPriceFen >= reserveFen;
}

/** The auction sells when it has a leading bid that meets the reserve (if any). */
export function isSold(reserveFen: number | null, currentPriceFen: number | null, leader: string | null): boolean {
  return leader !== null && currentPriceFen !== null && (reserveFen === null || currentPriceFen >= reserveFen);
}

/** Anti-sniping: a bid in the last N minutes moves the end by N minutes (endsAt += N). */
export function extendedEnd(endsAt: Date, now: Date, extensionMinutes: number): Date {
  const n = extensionMinutes * 60_000;
  if (n > 0 && now.getTime() >= endsAt.getTime() - n && now.getTime() < endsAt.getTime()) {
    return new Date(endsAt.getTime() + n);
  }
  return endsAt;
}

/** The phase shown to users, derived from status and the server clock. */
export function phaseOf(status: AuctionStatus, startsAt: Date, endsAt: Date, now: Date): AuctionPhase {
  switch (status) {
    case 'draft':
      return 'draft';
    case 'cancelled':
      return 'cancelled';
    case 'closed_sold':
    case 'closed_unsold':
      return 'closed';
    case 'scheduled':
      if (now < startsAt) {
        return 'upcoming';
      }
      // Past the end but not closed yet by the scheduler: no more bids, so it is shown as closed.
      return now < endsAt ? 'live' : 'closed';
  }
}

export type ProxyMax = { registrationId: string; maxFen: number; /** Lower = earlier. */ rank: number };
export type PlannedBid = { registrationId: string; amountFen: number; kind: 'manual' | 'proxy' };
export type BidState = {
  startPriceFen: number;
  increments: readonly IncrementStep[];
  currentPriceFen: number | null;
  leaderId: string | null;
};

/**
 * Proxy resolution after the state changed (a manual bid or a new proxy maximum): the contenders are
 * the leader (capacity = max(current price, its proxy maximum)) and every other proxy above the
 * current price. The highest capacity wins at one step above the runner-up's capacity (capped at its
 * own maximum); equal capacities → the earlier one (lower rank) leads. The runner-up's last bid is
 * recorded at its maximum first so the history shows why the price moved.
 */
export function resolveProxies(state: BidState, proxies: readonly ProxyMax[]): PlannedBid[] {
  const { increments } = state;
  const price = state.currentPriceFen;
  const leader = state.leaderId;
  type Contender = { registrationId: string; cap: number; rank: number };
  const contenders: Contender[] = [];
  if (leader !== null && price !== null) {
    const own = proxies.find((p) => p.registrationId === leader);
    contenders.push({ registrationId: leader, cap: Math.max(price, own?.maxFen ?? 0), rank: -Infinity });
    // The leader's commitment is always older than a challenger's (the state is resolved after every change).
  }
  const minFirst = nextMinFen(state.startPriceFen, price, increments);
  for (const p of proxies) {
    if (p.registrationId === leader) {
      continue;
    }
    // Without a leader, a proxy must reach the start price; with one, anything above the current price can defend.
    if (price === null ? p.maxFen >= minFirst : p.maxFen > price) {
      contenders.push({ registrationId: p.registrationId, cap: p.maxFen, rank: p.rank });
    }
  }
  contenders.sort((a, b) => b.cap - a.cap || a.rank - b.rank);
  const [w, r] = contenders;
  if (!w) {
    return [];
  }
  if (!r) {
    // A lone proxy and no leader: it opens at the start price.
    return w.registrationId === leader ? [] : [{ registrationId: w.registrationId, amountFen: minFirst, kind: 'proxy' }];
  }
  const tie = w.cap === r.cap;
  const final = tie ? w.cap : Math.min(w.cap, Math.max(r.cap + stepFor(r.cap, increments), minFirst));
  const bids: PlannedBid[] = [];
  // The runner-up's last bid at its maximum, when that is a valid bid and below the winner's price.
  if (!tie && r.cap >= minFirst) {
    bids.push({ registrationId: r.registrationId, amountFen: r.cap, kind: 'proxy' });
  }
  bids.push({ registrationId: w.registrationId, amountFen: final, kind: 'proxy' });
  return bids;
}

/**
 * A manual bid by `bidderId` of `amountFen` (already checked ≥ the next minimum and not by the
 * leader), then the proxies' answer. When the leader's proxy maximum equals the amount, the earlier
 * proxy takes that price and the manual bid is refused (two bids of one amount: the second loses).
 */
export function planManualBid(state: BidState, proxies: readonly ProxyMax[], bidderId: string, amountFen: number): { bids: PlannedBid[]; refused: boolean } {
  const leaderProxy = state.leaderId ? proxies.find((p) => p.registrationId === state.leaderId) : undefined;
  if (leaderProxy && leaderProxy.maxFen === amountFen) {
    return { bids: [{ registrationId: leaderProxy.registrationId, amountFen, kind: 'proxy' }], refused: true };
  }
  const manual: PlannedBid = { registrationId: bidderId, amountFen, kind: 'manual' };
  return { bids: [manual, ...resolveProxies({ ...state, currentPriceFen: amountFen, leaderId: bidderId }, proxies)], refused: false };
}

/** The registration's deposit status after a ledger entry, or null when the entry is not allowed. */
export function depositAfter(current: DepositStatus, entry: DepositEntry): DepositStatus | null {
  const allowed: Record<DepositEntry, readonly DepositStatus[]> = {
    held: ['due'],
    refunded: ['held'],
    forfeited: ['held'],
    applied: ['held'],
  };
  return allowed[entry].includes(current) ? entry : null;
}

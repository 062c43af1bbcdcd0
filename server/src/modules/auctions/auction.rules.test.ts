import { describe, expect, it } from 'vitest';
import { depositAfter, extendedEnd, incrementsProblem, isSold, nextMinFen, phaseOf, planManualBid, reserveMet, resolveProxies, stepFor, type BidState } from './auction.rules';

const INC = [
  { fromFen: 0, stepFen: 100_000 },
  { fromFen: 10_000_000, stepFen: 500_000 },
  { fromFen: 50_000_000, stepFen: 1_000_000 },
];
const state = (currentPriceFen: number | null, leaderId: string | null): BidState => ({ startPriceFen: 5_000_000, increments: INC, currentPriceFen, leaderId });

describe('increment table', () => {
  it('uses the step of the last row at or below the price', () => {
    expect(stepFor(0, INC)).toBe(100_000);
    expect(stepFor(9_999_999, INC)).toBe(100_000);
    expect(stepFor(10_000_000, INC)).toBe(500_000);
    expect(stepFor(49_999_999, INC)).toBe(500_000);
    expect(stepFor(80_000_000, INC)).toBe(1_000_000);
  });
  it('refuses tables that do not start at 0 or are out of order', () => {
    expect(incrementsProblem(INC)).toBeNull();
    expect(incrementsProblem([{ fromFen: 100, stepFen: 1 }])).toMatch(/start at 0/);
    expect(incrementsProblem([{ fromFen: 0, stepFen: 1 }, { fromFen: 0, stepFen: 2 }])).toMatch(/increasing/);
    expect(incrementsProblem([])).toMatch(/at least/);
  });
});

describe('next valid amount', () => {
  it('is the start price when there is no bid', () => {
    expect(nextMinFen(5_000_000, null, INC)).toBe(5_000_000);
  });
  it('is the current price plus the step at the current price', () => {
    expect(nextMinFen(5_000_000, 5_000_000, INC)).toBe(5_100_000);
    expect(nextMinFen(5_000_000, 10_000_000, INC)).toBe(10_500_000);
    expect(nextMinFen(5_000_000, 9_950_000, INC)).toBe(10_050_000);
  });
});

describe('reserve', () => {
  it('is null without a reserve and compares the current price otherwise', () => {
    expect(reserveMet(null, 100)).toBeNull();
    expect(reserveMet(8_000_000, null)).toBe(false);
    expect(reserveMet(8_000_000, 7_900_000)).toBe(false);
    expect(reserveMet(8_000_000, 8_000_000)).toBe(true);
  });
  it('sells only with a leader at or above the reserve', () => {
    expect(isSold(null, null, null)).toBe(false);
    expect(isSold(null, 5_000_000, 'r1')).toBe(true);
    expect(isSold(8_000_000, 7_900_000, 'r1')).toBe(false);
    expect(isSold(8_000_000, 8_000_000, 'r1')).toBe(true);
  });
});

describe('anti-sniping extension', () => {
  const end = new Date('2026-11-25T10:00:00Z');
  it('moves the end by N minutes for a bid in the last N minutes', () => {
    expect(extendedEnd(end, new Date('2026-11-25T09:56:00Z'), 5).toISOString()).toBe('2026-11-25T10:05:00.000Z');
    expect(extendedEnd(end, new Date('2026-11-25T09:55:00Z'), 5).toISOString()).toBe('2026-11-25T10:05:00.000Z');
  });
  it('leaves it for an earlier bid or with no extension', () => {
    expect(extendedEnd(end, new Date('2026-11-25T09:54:59Z'), 5)).toBe(end);
    expect(extendedEnd(end, new Date('2026-11-25T09:59:00Z'), 0)).toBe(end);
  });
});

describe('phase', () => {
  const s = new Date('2026-11-25T09:00:00Z');
  const e = new Date('2026-11-25T10:00:00Z');
  it('derives upcoming/live/closed from the server clock', () => {
    expect(phaseOf('scheduled', s, e, new Date('2026-11-25T08:59:59Z'))).toBe('upcoming');
    expect(phaseOf('scheduled', s, e, s)).toBe('live');
    expect(phaseOf('scheduled', s, e, e)).toBe('closed');
    expect(phaseOf('closed_sold', s, e, s)).toBe('closed');
    expect(phaseOf('draft', s, e, s)).toBe('draft');
    expect(phaseOf('cancelled', s, e, s)).toBe('cancelled');
  });
});

describe('proxy resolution', () => {
  it('a lone proxy with no bid opens at the start price', () => {
    expect(resolveProxies(state(null, null), [{ registrationId: 'a', maxFen: 9_000_000, rank: 1 }])).toEqual([{ registrationId: 'a', amountFen: 5_000_000, kind: 'proxy' }]);
  });
  it('a proxy against a plain leader bids one step above the current price', () => {
    expect(resolveProxies(state(6_000_000, 'L'), [{ registrationId: 'a', maxFen: 9_000_000, rank: 1 }])).toEqual([{ registrationId: 'a', amountFen: 6_100_000, kind: 'proxy' }]);
  });
  it('the higher maximum wins at one step above the other maximum', () => {
    const bids = resolveProxies(state(6_000_000, 'L'), [
      { registrationId: 'L', maxFen: 7_000_000, rank: 0 },
      { registrationId: 'b', maxFen: 9_000_000, rank: 1 },
    ]);
    expect(bids).toEqual([
      { registrationId: 'L', amountFen: 7_000_000, kind: 'proxy' },
      { registrationId: 'b', amountFen: 7_100_000, kind: 'proxy' },
    ]);
  });
  it('the winner is capped at its own maximum', () => {
    const bids = resolveProxies(state(6_000_000, 'L'), [
      { registrationId: 'L', maxFen: 9_000_000, rank: 0 },
      { registrationId: 'b', maxFen: 8_950_000, rank: 1 },
    ]);
    expect(bids).toEqual([
      { registrationId: 'b', amountFen: 8_950_000, kind: 'proxy' },
      { registrationId: 'L', amountFen: 9_000_000, kind: 'proxy' },
    ]);
  });
  it('equal maxima: the earlier proxy (the leader) leads at that amount, the later one places no bid', () => {
    const bids = resolveProxies(state(6_000_000, 'L'), [
      { registrationId: 'L', maxFen: 8_000_000, rank: 0 },
      { registrationId: 'b', maxFen: 8_000_000, rank: 5 },
    ]);
    expect(bids).toEqual([{ registrationId: 'L', amountFen: 8_000_000, kind: 'proxy' }]);
  });
  it('equal maxima with no leader: the earlier proxy leads', () => {
    const bids = resolveProxies(state(null, null), [
      { registrationId: 'late', maxFen: 8_000_000, rank: 5 },
      { registrationId: 'early', maxFen: 8_000_000, rank: 1 },
    ]);
    expect(bids).toEqual([{ registrationId: 'early', amountFen: 8_000_000, kind: 'proxy' }]);
  });
  it('proxies at or below the current price do nothing', () => {
    expect(resolveProxies(state(8_000_000, 'L'), [{ registrationId: 'a', maxFen: 8_000_000, rank: 1 }])).toEqual([]);
  });
});

describe('manual bid', () => {
  it('is placed alone when no proxy can answer', () => {
    expect(planManualBid(state(6_000_000, 'L'), [], 'x', 6_100_000)).toEqual({ bids: [{ registrationId: 'x', amountFen: 6_100_000, kind: 'manual' }], refused: false });
  });
  it("is answered by the leader's higher proxy", () => {
    const plan = planManualBid(state(6_000_000, 'L'), [{ registrationId: 'L', maxFen: 9_000_000, rank: 0 }], 'x', 7_000_000);
    expect(plan.bids).toEqual([
      { registrationId: 'x', amountFen: 7_000_000, kind: 'manual' },
      { registrationId: 'L', amountFen: 7_100_000, kind: 'proxy' },
    ]);
    expect(plan.refused).toBe(false);
  });
  it('tie: a manual bid equal to the earlier proxy maximum is the second bid of that amount and is refused', () => {
    const plan = planManualBid(state(6_000_000, 'L'), [{ registrationId: 'L', maxFen: 7_000_000, rank: 0 }], 'x', 7_000_000);
    expect(plan).toEqual({ bids: [{ registrationId: 'L', amountFen: 7_000_000, kind: 'proxy' }], refused: true });
  });
  it('beats a lower proxy, which places its last bid at its maximum first', () => {
    const plan = planManualBid(state(6_000_000, 'L'), [{ registrationId: 'L', maxFen: 6_500_000, rank: 0 }], 'x', 7_000_000);
    expect(plan.bids).toEqual([{ registrationId: 'x', amountFen: 7_000_000, kind: 'manual' }]);
  });
});

describe('deposit ledger transitions', () => {
  it.each([
    ['due', 'held', 'held'],
    ['held', 'refunded', 'refunded'],
    ['held', 'forfeited', 'forfeited'],
    ['held', 'applied', 'applied'],
    ['due', 'refunded', null],
    ['held', 'held', null],
    ['refunded', 'held', null],
    ['applied', 'refunded', null],
  ] as const)('%s + %s → %s', (from, entry, to) => {
    expect(depositAfter(from, entry)).toBe(to);
  });
});

import type { TenderCriterion } from '#shared/contracts/tenders.contract';

/** a / b rounded half up, for non-negative integers, exact (BigInt). */
function divHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (2n * b);
}

/**
 * The price score ×100: lowest price / this price × 100, rounded half up to 2 decimals, in integer
 * arithmetic (e.g. 100 000 / 120 000 → 83.33 → 8333). A zero price is the lowest possible: 100.
 */
export function priceScoreX100(lowestFen: number, priceFen: number): number {
  if (priceFen <= 0) {
    return 10_000;
  }
  return Number(divHalfUp(BigInt(lowestFen) * 10_000n, BigInt(priceFen)));
}

/**
 * The weighted total ×100: Σ weight × score / 100 with every score ×100, rounded half up once at
 * the end. Missing scores count 0 (the total is then partial; see `isFullyScored`).
 */
export function totalScoreX100(criteria: readonly TenderCriterion[], scoresX100: Readonly<Record<string, number>>): number {
  const sum = criteria.reduce((s, c) => s + BigInt(c.weight) * BigInt(scoresX100[c.key] ?? 0), 0n);
  return Number(divHalfUp(sum, 100n));
}

/** Every criterion has a score. */
export function isFullyScored(criteria: readonly TenderCriterion[], scoresX100: Readonly<Record<string, number>> | null): boolean {
  return scoresX100 !== null && criteria.every((c) => typeof scoresX100[c.key] === 'number');
}

export type Rankable = { id: string; totalScoreX100: number; priceFen: number; submittedAt: Date };

/** Ranks 1..n: higher total first, ties broken by the lower price, then the earlier submission. */
export function rankProposals<T extends Rankable>(items: readonly T[]): (T & { rank: number })[] {
  return [...items]
    .sort(
      (a, b) =>
        b.totalScoreX100 - a.totalScoreX100 ||
        a.priceFen - b.priceFen ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((p, i) => ({ ...p, rank: i + 1 }));
}

/** Scores ×100 of every proposal after opening: the price criterion by formula, the manual ones as given. */
export function withPriceScores(
  criteria: readonly TenderCriterion[],
  proposals: readonly { id: string; priceFen: number; scoresX100: Record<string, number> | null }[],
): Map<string, Record<string, number>> {
  const price = criteria.find((c) => c.kind === 'price');
  const lowest = Math.min(...proposals.map((p) => p.priceFen));
  return new Map(
    proposals.map((p) => {
      const scores = { ...(p.scoresX100 ?? {}) };
      if (price) {
        scores[price.key] = priceScoreX100(lowest, p.priceFen);
      }
      return [p.id, scores];
    }),
  );
}


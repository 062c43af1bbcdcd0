import type { Bid } from '#shared/contracts/auctions.contract';

/** An exact amount in 元 from fen, for prices and bids: 51230000 → '¥512,300.00'. */
export function formatYuanExact(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Merges bids (from the snapshot, the stream or a response) into a newest-first list without duplicates. */
export function mergeBids(current: readonly Bid[], incoming: readonly Bid[]): Bid[] {
  const bySeq = new Map(current.map((b) => [b.seq, b]));
  for (const b of incoming) {
    bySeq.set(b.seq, b);
  }
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

/** A fresh client key for one bid attempt (kept across retries of that attempt). */
export function newClientKey(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `bid-${rnd}`;
}

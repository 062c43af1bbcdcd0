import { describe, expect, it } from 'vitest';
import type { AuctionLiveState, AuctionStreamEvent, Bid } from '#shared/contracts/auctions.contract';
import { createAuctionEvents, type AuctionPollRow } from './auctions.events';

const bid = (seq: number): Bid => ({ seq, amountFen: 1000 + seq, paddleNo: 101, kind: 'manual', placedAt: '2026-11-25T00:00:00.000Z' });
const live = (lastSeq: number, endsAt = '2026-11-25T10:00:00.000Z'): AuctionLiveState => ({ currentPriceFen: 1000 + lastSeq, lastSeq, endsAt, leadingPaddleNo: 101, nextMinFen: 1001 + lastSeq, bidCount: lastSeq });

function hub(rows: () => AuctionPollRow[], all: Bid[]) {
  return createAuctionEvents({ poll: async (watch) => rows().map((r) => ({ ...r, bids: all.filter((b) => b.seq > (watch.find((w) => w.id === r.id)?.afterSeq ?? 0)) })), intervalMs: 60_000 });
}

describe('auction live events (one process)', () => {
  it('sends each bid once whether it was published here or found by the poller', async () => {
    const bids = [bid(1), bid(2), bid(3)];
    let row: AuctionPollRow = { id: 'a', lastSeq: 3, status: 'scheduled', endsAt: live(3).endsAt, live: live(3) };
    const events = hub(() => [row], bids);
    const got: AuctionStreamEvent[] = [];
    const { unsubscribe, sent } = events.subscribe('a', { lastSeq: 0, status: 'scheduled', endsAt: live(0).endsAt }, (e) => got.push(e));
    expect(sent.lastSeq).toBe(0);
    events.publish('a', [bid(1), bid(2)], live(2), 'scheduled');
    await events.tick();
    events.publish('a', [bid(3)], live(3), 'scheduled');
    expect(got.map((e) => (e.type === 'bid' ? e.bid.seq : e.type))).toEqual([1, 2, 3]);
    // The end moved and the auction closed (seen by the poller).
    row = { ...row, endsAt: '2026-11-25T10:05:00.000Z', live: live(3, '2026-11-25T10:05:00.000Z') };
    await events.tick();
    row = { ...row, status: 'closed_sold' };
    await events.tick();
    expect(got.slice(3)).toEqual([{ type: 'extended', endsAt: '2026-11-25T10:05:00.000Z' }, { type: 'closed', status: 'closed_sold' }]);
    unsubscribe();
    expect(events.watchedCount()).toBe(0);
  });

  it('a second watcher learns what this process already sent', () => {
    const events = hub(() => [], []);
    events.subscribe('a', { lastSeq: 5, status: 'scheduled', endsAt: live(5).endsAt }, () => undefined);
    events.publish('a', [bid(6)], live(6), 'scheduled');
    const second = events.subscribe('a', { lastSeq: 5, status: 'scheduled', endsAt: live(5).endsAt }, () => undefined);
    expect(second.sent.lastSeq).toBe(6);
    events.stop();
  });

  it('polls every watched auction in one call per tick, from the sequence already sent', async () => {
    const calls: { id: string; afterSeq: number }[][] = [];
    const events = createAuctionEvents({
      poll: async (watch) => {
        calls.push(watch);
        return [];
      },
      intervalMs: 60_000,
    });
    events.subscribe('a', { lastSeq: 4, status: 'scheduled', endsAt: live(4).endsAt }, () => undefined);
    events.subscribe('b', { lastSeq: 0, status: 'scheduled', endsAt: live(0).endsAt }, () => undefined);
    events.publish('a', [bid(5)], live(5), 'scheduled');
    await events.tick();
    expect(calls).toEqual([[{ id: 'a', afterSeq: 5 }, { id: 'b', afterSeq: 0 }]]);
    events.stop();
  });

  it('a late watcher gets the live state of the last bid sent here, for the bids it missed', () => {
    const events = hub(() => [], []);
    events.subscribe('a', { lastSeq: 5, status: 'scheduled', endsAt: live(5).endsAt, live: live(5) }, () => undefined);
    expect(events.subscribe('a', { lastSeq: 3, status: 'scheduled', endsAt: live(3).endsAt }, () => undefined).sent.live).toEqual(live(5));
    events.publish('a', [bid(6)], live(6), 'scheduled');
    expect(events.subscribe('a', { lastSeq: 3, status: 'scheduled', endsAt: live(3).endsAt }, () => undefined).sent).toMatchObject({ lastSeq: 6, live: live(6) });
    events.stop();
  });

  it('publishes nothing for an auction nobody here watches', () => {
    const events = hub(() => [], []);
    events.publish('b', [bid(1)], live(1), 'scheduled');
    expect(events.watchedCount()).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DbHandle } from '#server/db/types';
import {
  apiToken,
  createHttp,
  createLiveAuction,
  endAuctionsNow,
  insertAuctionFixtures,
  waitForAuction,
  type MarketFixture,
} from '../../../test/helpers/auction-http';
import { startServe, type ServeProcess } from '../../../test/helpers/serve-process';
import { createTestDb } from '../../../test/helpers/test-db';

/**
 * Two real `serve` processes on one PostgreSQL database; bidders bid on both, one process is killed
 * with SIGKILL in the middle of the bidding, the bidding goes on against the survivor, the auction
 * ends and the survivor's scheduler closes it. (PostgreSQL only: embedded PGlite is one process.)
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('auctions: two serve processes, one killed mid-auction', () => {
  const START = 1_000_000;
  const STEP = 10_000;
  const http = createHttp(64);
  let handle: DbHandle & { url?: string };
  let dir: string;
  let fixture: MarketFixture;
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    handle = await createTestDb(); // migrated already: the serve processes find nothing to migrate
    fixture = await insertAuctionFixtures(handle.db, { bidders: 4, listings: 1 });
    dir = mkdtempSync(join(tmpdir(), 'tn-auction-procs-'));
    const env = { SCHEDULER_INTERVAL_MS: '200' };
    [a, b] = await Promise.all([
      startServe({ databaseUrl: handle.url!, logFile: join(dir, 'a.log'), env }),
      startServe({ databaseUrl: handle.url!, logFile: join(dir, 'b.log'), env }),
    ]);
  }, 120_000);

  afterAll(async () => {
    http.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loses no acknowledged bid, keeps seq and prices strict, and closes once on the survivor', async () => {
    const seller = await apiToken(http, a.base, fixture.sellerEmail);
    const operator = await apiToken(http, a.base, fixture.operatorEmail);
    const bidders = await Promise.all(fixture.bidders.map(async (x) => ({ orgId: x.orgId, token: await apiToken(http, b.base, x.email) })));
    const now = Date.now();
    const { auctionId } = await createLiveAuction(http, a.base, { seller, operator }, fixture.listingIds[0]!, bidders, {
      startPriceFen: START,
      stepFen: STEP,
      reserveFen: START,
      startsAt: new Date(now),
      endsAt: new Date(now + 3_600_000),
      extensionMinutes: 0,
    });

    type Ack = { seq: number; amountFen: number; clientKey: string; at: number; via: 'a' | 'b' | 'a-retry' };
    const acked: Ack[] = [];
    let nextMin = START;
    let killedAt = Infinity;
    let uncertain = 0;
    const t0 = Date.now();
    const killAfterMs = 3_000;
    const stopAfterMs = 5_500;

    async function bidder(i: number) {
      const token = bidders[i]!.token;
      let target: 'a' | 'b' = i % 2 === 0 ? 'a' : 'b';
      while (Date.now() - t0 < stopAfterMs) {
        if (target === 'b' && b.exited()) {
          target = 'a';
        }
        const amountFen = nextMin + Math.floor(Math.random() * 3) * STEP;
        const clientKey = randomUUID();
        let r = await http.call(target === 'a' ? a.base : b.base, 'POST', `/auctions/${auctionId}/bids`, {
          bearer: token,
          body: { amountFen, clientKey },
        });
        let via: Ack['via'] = target;
        if (r.status === 0) {
          // The process died with the request in flight: the bid may or may not be committed. The
          // client retries the same key on the survivor, which answers with the stored bid if it was.
          uncertain++;
          target = 'a';
          via = 'a-retry';
          r = await http.call(a.base, 'POST', `/auctions/${auctionId}/bids`, { bearer: token, body: { amountFen, clientKey } });
        }
        if (r.status === 201 || r.status === 200) {
          acked.push({ seq: r.body.bid.seq, amountFen: r.body.bid.amountFen, clientKey, at: Date.now(), via });
          nextMin = Math.max(nextMin, r.body.auction.nextMinFen);
        } else if (r.status === 409 && r.body.error?.code === 'auction/bid_too_low') {
          nextMin = Math.max(nextMin, r.body.error.details.minNextFen);
        } else if (r.status === 409 && r.body.error?.code === 'auction/already_leading') {
          await new Promise((res) => setTimeout(res, 5));
        } else {
          throw new Error(`bidder ${i} via ${via}: unexpected ${r.status} ${r.error ?? JSON.stringify(r.body)}`);
        }
      }
    }

    const killer = (async () => {
      await new Promise((res) => setTimeout(res, killAfterMs));
      killedAt = Date.now();
      await b.kill9();
    })();
    await Promise.all([...bidders.map((_, i) => bidder(i)), killer]);

    const beforeKill = acked.filter((x) => x.at < killedAt);
    const afterKill = acked.filter((x) => x.at >= killedAt);
    expect(beforeKill.filter((x) => x.via === 'b').length).toBeGreaterThan(0); // b really took bids
    expect(afterKill.length).toBeGreaterThan(0); // the survivor went on
    expect(uncertain).toBeLessThanOrEqual(2); // only requests in flight to the killed process were cut off (two bidders used it)

    // The auction ends (its end moved into the past) and the survivor's scheduler closes it.
    await endAuctionsNow(handle.db, [auctionId]);
    const closed = await waitForAuction(
      http,
      a.base,
      seller,
      auctionId,
      (x) => x.status === 'closed_sold' || x.status === 'closed_unsold',
      20_000,
    );
    expect(closed.status).toBe('closed_sold');

    const bids = rowsOf<{ seq: number; amount_fen: string; client_key: string | null; registration_id: string; accepted_by: string }>(
      await handle.db.execute(
        sql`select seq, amount_fen, client_key, registration_id, accepted_by from auction_bids where auction_id = ${auctionId} order by seq`,
      ),
    );
    // seq 1..n without gaps, amounts strictly increasing.
    expect(bids.map((x) => x.seq)).toEqual(bids.map((_, i) => i + 1));
    for (let i = 1; i < bids.length; i++) {
      expect(Number(bids[i]!.amount_fen)).toBeGreaterThan(Number(bids[i - 1]!.amount_fen));
    }
    // Every acknowledged bid (before and after the kill) is stored exactly once, and nothing else is.
    const stored = bids.map((x) => `${x.seq}:${Number(x.amount_fen)}:${x.client_key}`);
    expect(new Set(stored).size).toBe(stored.length);
    expect(new Set(bids.map((x) => x.client_key)).size).toBe(bids.length);
    expect([...stored].sort()).toEqual(acked.map((x) => `${x.seq}:${x.amountFen}:${x.clientKey}`).sort());
    expect(new Set(bids.map((x) => x.accepted_by))).toEqual(new Set([a.processName, b.processName]));

    // Closed exactly once, by the survivor, with one deal at the final price to the last bidder.
    const last = bids.at(-1)!;
    const [auction] = rowsOf<{
      status: string;
      closed_by: string;
      closed_at: unknown;
      current_price_fen: string;
      leading_registration_id: string;
      deal_id: string;
    }>(
      await handle.db.execute(
        sql`select status, closed_by, closed_at, current_price_fen, leading_registration_id, deal_id from auctions where id = ${auctionId}`,
      ),
    );
    expect(auction).toMatchObject({ status: 'closed_sold', closed_by: a.processName, leading_registration_id: last.registration_id });
    expect(auction!.closed_at).not.toBeNull();
    expect(Number(auction!.current_price_fen)).toBe(Number(last.amount_fen));
    const deals = rowsOf<{ id: string; price_fen: string; buyer_org_id: string }>(
      await handle.db.execute(sql`select id, price_fen, buyer_org_id from market_deals where auction_id = ${auctionId}`),
    );
    const [winner] = rowsOf<{ bidder_org_id: string }>(
      await handle.db.execute(sql`select bidder_org_id from auction_registrations where id = ${last.registration_id}`),
    );
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ id: auction!.deal_id, buyer_org_id: winner!.bidder_org_id });
    expect(Number(deals[0]!.price_fen)).toBe(Number(last.amount_fen));
    const jobs = rowsOf<{ status: string; done_by: string }>(
      await handle.db.execute(sql`select status, done_by from scheduled_jobs where kind = 'auction.close' and key = ${auctionId}`),
    );
    expect(jobs).toEqual([{ status: 'done', done_by: a.processName }]);
  }, 90_000);
});

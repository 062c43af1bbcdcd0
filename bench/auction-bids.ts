/**
 * Auction bidding under load, through real `serve` processes and the HTTP API, with the issue's
 * invariants checked from the database afterwards.
 *
 *   npx tsx bench/auction-bids.ts --db pg         # fresh database on TEST_DATABASE_URL (default
 *                                                 # postgres://postgres@127.0.0.1:5432/postgres), TWO
 *                                                 # serve processes, plus the same load on ONE of them
 *   npx tsx bench/auction-bids.ts --db embedded   # ONE serve process on a fresh PGlite data directory
 *
 * Options: --duration 20 (seconds per run) --bidders 50 --concurrency 48 (in-flight requests, hot)
 *   --many-concurrency 64 --auctions 100 --per-auction 5 --scenarios hot,many --procs 1,2 (pg)
 *   --replays 10 --scheduler-interval 200 (ms, SCHEDULER_INTERVAL_MS of the serve processes)
 *   --keep (keep the database / data directory) --cpu-prof DIR (V8 profiles of the serve processes)
 *
 * Scenarios: `hot` — one auction, every bidder bids on it; `many` — N auctions at once, K bidders
 * each. A bidder bids the last known next minimum plus 0–2 steps; on `auction/bid_too_low` it takes
 * `details.minNextFen` and bids again; when it leads (`auction/already_leading`) it waits for the
 * price to move. Organisations, accounts and listings are inserted into the tables; auctions,
 * registrations, deposits and bids go through the API. After the runs every auction's end is moved
 * into the past (auctions.ends_at and its auction.close job) and the serve processes' schedulers
 * close them; then the invariants are read from the database.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '#server/db/client';
import { rowsOf, type DbHandle } from '#server/db/types';
import { syncReferenceData } from '#server/modules/regions/index';
import {
  apiToken,
  createHttp,
  createLiveAuction,
  endAuctionsNow,
  insertAuctionFixtures,
  type Http,
  type HttpResult,
} from '../server/test/helpers/auction-http';
import { adminQuery, startServe, type ServeProcess } from '../server/test/helpers/serve-process';
import { withDatabase } from '../server/test/helpers/test-env';

// ---- options ---------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const DB = opt('--db', 'pg') as 'pg' | 'embedded';
const DURATION_S = Number(opt('--duration', '20'));
const BIDDERS = Number(opt('--bidders', '50'));
const HOT_CONCURRENCY = Number(opt('--concurrency', '48'));
const MANY_CONCURRENCY = Number(opt('--many-concurrency', '64'));
const AUCTIONS = Number(opt('--auctions', '100'));
const PER_AUCTION = Number(opt('--per-auction', '5'));
const SCENARIOS = opt('--scenarios', 'hot,many').split(',') as ('hot' | 'many')[];
const PROCS = DB === 'embedded' ? [1] : opt('--procs', '1,2').split(',').map(Number);
const REPLAYS = Number(opt('--replays', '10'));
const KEEP = args.includes('--keep');
const SCHEDULER_INTERVAL_MS = opt('--scheduler-interval', '200');
/** Writes V8 CPU profiles of the serve processes into this directory (when they stop). */
const CPU_PROF = opt('--cpu-prof', '');
const PG_SERVER = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const START_PRICE = 1_000_000; // 1 万元
const STEP = 10_000; // 100 元

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg()[0]!.toFixed(2);

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) {
    return NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(1)}`);
const lat = (xs: number[]) => `${ms(pct(xs, 50))} / ${ms(pct(xs, 95))} / ${ms(pct(xs, 99))}`;
const n0 = (x: number) => Math.round(x).toLocaleString('en');
const perReq = (cpuS: number, r: { allMs: number[] }) => (r.allMs.length ? ((cpuS * 1000) / r.allMs.length).toFixed(2) : '–');

// ---- load model ------------------------------------------------------------------------------------
/** What the load generator knows of one auction (from every response), and its bidders (indexes into the fixture). */
type AuctionState = {
  id: string;
  nextMinFen: number;
  lastSeq: number;
  leadingPaddleNo: number | null;
  waiters: (() => void)[];
  bidderIdx: number[];
};
type Acked = { auctionId: string; seq: number; amountFen: number; clientKey: string; paddleNo: number; server: string; token: string };
type RunStats = {
  name: string;
  scenario: 'hot' | 'many';
  procs: number;
  auctionIds: string[];
  seconds: number;
  accepted: number;
  acceptedMs: number[];
  allMs: number[];
  refused: Map<string, number>;
  errors: Map<string, number>;
  acked: Acked[];
  replaysSent: number;
  replaysOk: number;
  replayFailures: string[];
  loadStart: string;
  loadEnd: string;
  /** CPU seconds during the run: the serve processes (PGlite included), their PostgreSQL backends, this load generator. */
  cpu: { serve: number; pg: number; client: number };
};

function semaphore(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async acquire() {
      if (active < limit) {
        active++;
        return;
      }
      await new Promise<void>((r) => queue.push(r));
    },
    release() {
      const next = queue.shift();
      if (next) {
        next();
      } else {
        active--;
      }
    },
  };
}

function update(
  st: AuctionState,
  a: { currentPriceFen: number | null; lastSeq: number; leadingPaddleNo: number | null; nextMinFen: number },
) {
  if (a.lastSeq >= st.lastSeq) {
    st.lastSeq = a.lastSeq;
    st.nextMinFen = a.nextMinFen;
    st.leadingPaddleNo = a.leadingPaddleNo;
    for (const w of st.waiters.splice(0)) {
      w();
    }
  }
}

function waitChange(st: AuctionState, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, timeoutMs);
    st.waiters.push(() => {
      clearTimeout(t);
      resolve();
    });
  });
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * One bidder on one auction until the deadline. `server` is the process this bidder talks to; the
 * shared `st` is what the load generator has learnt of the auction from every response.
 */
async function bidderLoop(
  http: Http,
  server: string,
  token: string,
  st: AuctionState,
  deadline: number,
  sem: ReturnType<typeof semaphore>,
  stats: RunStats,
  replayTo: string,
) {
  let myPaddle: number | null = null;
  while (performance.now() < deadline) {
    if (myPaddle !== null && st.leadingPaddleNo === myPaddle) {
      await waitChange(st, 25);
      continue;
    }
    const amountFen = st.nextMinFen + Math.floor(Math.random() * 3) * STEP;
    const clientKey = randomUUID();
    await sem.acquire();
    let r: HttpResult;
    try {
      if (performance.now() >= deadline) {
        break;
      }
      r = await http.call(server, 'POST', `/auctions/${st.id}/bids`, { bearer: token, body: { amountFen, clientKey } });
    } finally {
      sem.release();
    }
    stats.allMs.push(r.ms);
    if (r.status === 201) {
      stats.accepted++;
      stats.acceptedMs.push(r.ms);
      const b = r.body.bid;
      myPaddle = b.paddleNo;
      stats.acked.push({ auctionId: st.id, seq: b.seq, amountFen: b.amountFen, clientKey, paddleNo: b.paddleNo, server, token });
      update(st, r.body.auction);
      if (stats.replaysSent < REPLAYS) {
        // A retried request (here sent to the other process when there are two) returns the same bid.
        stats.replaysSent++;
        void checkReplay(http, replayTo, token, st.id, { seq: b.seq, amountFen, clientKey }, stats);
      }
    } else if (r.status === 409 && r.body?.error?.code === 'auction/bid_too_low') {
      bump(stats.refused, r.body.error.code);
      const min = Number(r.body.error.details?.minNextFen);
      if (min > st.nextMinFen) {
        st.nextMinFen = min;
      }
    } else if (r.status === 409 && r.body?.error?.code === 'auction/already_leading') {
      bump(stats.refused, r.body.error.code);
      await waitChange(st, 25);
    } else if (r.status === 409 && r.body?.error?.code === 'auction/not_live') {
      bump(stats.refused, r.body.error.code);
      break;
    } else {
      bump(stats.errors, r.status === 0 ? `network ${r.error}` : `${r.status} ${r.body?.error?.code ?? ''}`);
      await sleep(10);
    }
  }
}

async function checkReplay(
  http: Http,
  server: string,
  token: string,
  auctionId: string,
  want: { seq: number; amountFen: number; clientKey: string },
  stats: RunStats,
) {
  const r = await http.call(server, 'POST', `/auctions/${auctionId}/bids`, {
    bearer: token,
    body: { amountFen: want.amountFen, clientKey: want.clientKey },
  });
  if (r.status === 200 && r.body?.replayed === true && r.body.bid?.seq === want.seq && r.body.bid?.amountFen === want.amountFen) {
    stats.replaysOk++;
  } else {
    stats.replayFailures.push(`${auctionId} seq ${want.seq}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
}

// ---- CPU accounting (independent of what else runs on the machine) ----------------------------------
/** utime + stime of a process (all its threads), in seconds; 0 when it is gone. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // CLK_TCK = 100 on Linux
  } catch {
    return 0;
  }
}

async function cpuSnapshot(w: World, servers: ServeProcess[]) {
  const pg = new Map<number, number>();
  if (w.db) {
    const rows = rowsOf<{ pid: number }>(
      await w.db.execute(sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`),
    );
    for (const r of rows) {
      pg.set(r.pid, cpuOf(r.pid));
    }
  }
  const u = process.cpuUsage();
  return { serve: servers.reduce((a, s) => a + cpuOf(s.pid), 0), pg, client: (u.user + u.system) / 1e6 };
}

// ---- set-up ----------------------------------------------------------------------------------------
type World = {
  http: Http;
  servers: ServeProcess[];
  tokens: { seller: string; operator: string; bidders: string[] };
  fixture: Awaited<ReturnType<typeof insertAuctionFixtures>>;
  nextListing: number;
  registrationOrg: Map<string, string>;
  /** The bench's own connection (PostgreSQL only), for the backends' CPU. */
  db?: DbHandle['db'];
};

async function pool<T>(items: T[], n: number, fn: (t: T, i: number) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) {
        const k = i++;
        await fn(items[k]!, k);
      }
    }),
  );
}

/** Creates `count` auctions (each with `perAuction` bidders) and waits until they are live. */
async function setupAuctions(w: World, count: number, perAuction: number, servers: ServeProcess[]): Promise<AuctionState[]> {
  const t0 = performance.now();
  // Registration is open while the auction is live, so it starts now (the service accepts a start up
  // to a minute in the past and moves it to the scheduling time) and runs an hour: the runs end it.
  const startsAt = new Date();
  const endsAt = new Date(startsAt.getTime() + 3_600_000);
  const states: AuctionState[] = new Array(count);
  const jobs = Array.from({ length: count }, (_, i) => i);
  await pool(jobs, 8, async (i) => {
    const listingId = w.fixture.listingIds[w.nextListing++]!;
    const bidderIdx = Array.from({ length: perAuction }, (_, j) => (i * perAuction + j) % w.fixture.bidders.length);
    const bidders = bidderIdx.map((k) => ({ orgId: w.fixture.bidders[k]!.orgId, token: w.tokens.bidders[k]! }));
    // Every 10th auction of the `many` scenario has an unreachable reserve: it must close unsold, without a deal.
    const reserveFen = count > 1 && i % 10 === 9 ? 1_000_000_000_000 : START_PRICE;
    const a = await createLiveAuction(
      w.http,
      servers[i % servers.length]!.base,
      { seller: w.tokens.seller, operator: w.tokens.operator },
      listingId,
      bidders,
      {
        startPriceFen: START_PRICE,
        stepFen: STEP,
        startsAt,
        endsAt,
        extensionMinutes: 5,
        reserveFen,
      },
    );
    a.registrationIds.forEach((r, j) => w.registrationOrg.set(r, bidders[j]!.orgId));
    states[i] = { id: a.auctionId, nextMinFen: START_PRICE, lastSeq: 0, leadingPaddleNo: null, waiters: [], bidderIdx };
  });
  log(
    `  set-up: ${count} auction(s), ${count * perAuction} registrations approved with deposits held, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return states;
}

async function run(w: World, scenario: 'hot' | 'many', procs: number): Promise<RunStats> {
  const servers = w.servers.slice(0, procs);
  const name = `${scenario === 'hot' ? 'one hot auction' : `${AUCTIONS} auctions`}, ${procs} process${procs > 1 ? 'es' : ''}`;
  log(`\n== ${name} (${DB === 'pg' ? 'PostgreSQL' : 'embedded PGlite'}) ==`);
  const count = scenario === 'hot' ? 1 : AUCTIONS;
  const perAuction = scenario === 'hot' ? BIDDERS : PER_AUCTION;
  const states = await setupAuctions(w, count, perAuction, servers);
  const stats: RunStats = {
    name,
    scenario,
    procs,
    auctionIds: states.map((s) => s.id),
    seconds: DURATION_S,
    accepted: 0,
    acceptedMs: [],
    allMs: [],
    refused: new Map(),
    errors: new Map(),
    acked: [],
    replaysSent: 0,
    replaysOk: 0,
    replayFailures: [],
    loadStart: load(),
    loadEnd: '',
    cpu: { serve: 0, pg: 0, client: 0 },
  };
  const cpu0 = await cpuSnapshot(w, servers);
  const sem = semaphore(scenario === 'hot' ? HOT_CONCURRENCY : MANY_CONCURRENCY);
  const t0 = performance.now();
  const deadline = t0 + DURATION_S * 1000;
  let lastAccepted = 0;
  let lastAll = 0;
  const progress = setInterval(() => {
    const s = (performance.now() - t0) / 1000;
    const refused = [...stats.refused.entries()].map(([k, v]) => `${k.replace('auction/', '')} ${n0(v)}`).join(', ');
    log(
      `  ${s.toFixed(0)} s: accepted ${n0(stats.accepted)} (${n0((stats.accepted - lastAccepted) / 5)}/s now), requests ${n0((stats.allMs.length - lastAll) / 5)}/s, refused: ${refused || '0'}${stats.errors.size ? `, errors ${[...stats.errors.values()].reduce((a, b) => a + b, 0)}` : ''}; accepted p99 so far ${ms(pct(stats.acceptedMs, 99))} ms; load ${load()}`,
    );
    lastAccepted = stats.accepted;
    lastAll = stats.allMs.length;
  }, 5_000);
  const loops: Promise<void>[] = [];
  states.forEach((st, ai) => {
    const idx = st.bidderIdx;
    idx.forEach((k, j) => {
      const server = servers[(ai + j) % servers.length]!.base;
      const replayTo = servers[(ai + j + 1) % servers.length]!.base;
      loops.push(bidderLoop(w.http, server, w.tokens.bidders[k]!, st, deadline, sem, stats, replayTo));
    });
  });
  await Promise.all(loops);
  clearInterval(progress);
  stats.seconds = (performance.now() - t0) / 1000;
  stats.loadEnd = load();
  const cpu1 = await cpuSnapshot(w, servers);
  stats.cpu = {
    serve: cpu1.serve - cpu0.serve,
    pg: [...cpu1.pg.entries()].reduce((a, [pid, t]) => a + t - (cpu0.pg.get(pid) ?? 0), 0),
    client: cpu1.client - cpu0.client,
  };
  // Late replays: earlier accepted bids retried after the price has moved on still return the same bid.
  const sample = [...stats.acked].sort(() => Math.random() - 0.5).slice(0, REPLAYS);
  for (const a of sample) {
    stats.replaysSent++;
    const other = servers.find((x) => x.base !== a.server) ?? servers[0]!;
    await checkReplay(w.http, other.base, a.token, a.auctionId, a, stats);
  }
  await sleep(200); // replays fired during the run
  const refused = [...stats.refused.values()].reduce((a, b) => a + b, 0);
  log(
    `  done: ${n0(stats.accepted)} accepted in ${stats.seconds.toFixed(1)} s = ${n0(stats.accepted / stats.seconds)} bids/s; accepted p50/p95/p99 ${lat(stats.acceptedMs)} ms; all requests ${n0(stats.allMs.length / stats.seconds)}/s, p50/p95/p99 ${lat(stats.allMs)} ms; refused ${n0(refused)}${stats.errors.size ? `; errors: ${[...stats.errors.entries()].map(([k, v]) => `${k} ×${v}`).join(', ')}` : ''}; replays ${stats.replaysOk}/${stats.replaysSent} same bid; CPU s serve ${stats.cpu.serve.toFixed(1)}, PostgreSQL ${stats.cpu.pg.toFixed(1)}, load generator ${stats.cpu.client.toFixed(1)}`,
  );
  return stats;
}

// ---- invariants ------------------------------------------------------------------------------------
type Check = { name: string; ok: boolean; detail: string };

async function checkInvariants(db: DbHandle['db'], runs: RunStats[], registrationOrg: Map<string, string>): Promise<Check[]> {
  const ids = runs.flatMap((r) => r.auctionIds);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const bids = rowsOf<{
    auction_id: string;
    seq: number;
    amount_fen: string;
    registration_id: string;
    client_key: string | null;
    kind: string;
    accepted_by: string | null;
  }>(
    await db.execute(
      sql`select auction_id, seq, amount_fen, registration_id, client_key, kind, accepted_by from auction_bids where auction_id in (${idList}) order by auction_id, seq`,
    ),
  );
  const auctions = rowsOf<{
    id: string;
    status: string;
    last_seq: number;
    current_price_fen: string | null;
    leading_registration_id: string | null;
    closed_at: unknown;
    closed_by: string | null;
    reserve_fen: string | null;
  }>(
    await db.execute(
      sql`select id, status, last_seq, current_price_fen, leading_registration_id, closed_at, closed_by, reserve_fen from auctions where id in (${idList})`,
    ),
  );
  const deals = rowsOf<{ auction_id: string; price_fen: string; buyer_org_id: string }>(
    await db.execute(sql`select auction_id, price_fen, buyer_org_id from market_deals where auction_id in (${idList})`),
  );
  const jobs = rowsOf<{ key: string; status: string; done_by: string | null }>(
    await db.execute(sql`select key, status, done_by from scheduled_jobs where kind = 'auction.close'`),
  );

  const byAuction = new Map<string, typeof bids>();
  for (const b of bids) {
    (byAuction.get(b.auction_id) ?? byAuction.set(b.auction_id, []).get(b.auction_id)!).push(b);
  }
  const checks: Check[] = [];
  const acked = runs.flatMap((r) => r.acked);
  const errorsSeen = runs.reduce((a, r) => a + [...r.errors.values()].reduce((x, y) => x + y, 0), 0);

  // 1. every acknowledged bid exactly once (auction, seq, amount, client key); nothing else stored.
  const dbKey = new Map<string, (typeof bids)[number]>();
  const keyCount = new Map<string, number>();
  for (const b of bids) {
    dbKey.set(`${b.auction_id}:${b.seq}`, b);
    if (b.client_key) {
      const k = `${b.auction_id}:${b.registration_id}:${b.client_key}`;
      keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
    }
  }
  const lost = acked.filter((a) => {
    const b = dbKey.get(`${a.auctionId}:${a.seq}`);
    return !b || Number(b.amount_fen) !== a.amountFen || b.client_key !== a.clientKey;
  });
  checks.push({
    name: 'every 201 the clients received is in auction_bids (same auction, seq, amount, client key)',
    ok: lost.length === 0,
    detail: `${n0(acked.length)} acknowledged, ${lost.length} missing or different`,
  });
  const dup = [...keyCount.values()].filter((c) => c > 1).length;
  const ackedKeys = new Set(acked.map((a) => `${a.auctionId}:${a.clientKey}`));
  const unacked = bids.filter((b) => b.kind === 'manual' && !ackedKeys.has(`${b.auction_id}:${b.client_key}`));
  checks.push({
    name: 'no duplicate bid (one row per auction, registration, client key)',
    ok: dup === 0 && bids.length === new Set(bids.map((b) => `${b.auction_id}:${b.seq}`)).size,
    detail: `${n0(bids.length)} rows, ${dup} duplicated keys`,
  });
  checks.push({
    name: 'no stored manual bid that no client was told about',
    ok: unacked.length === 0 || unacked.length <= errorsSeen,
    detail: `${unacked.length} stored without a 201 seen (client-side errors/timeouts: ${errorsSeen})`,
  });

  // 2. seq 1..n without gaps; amounts strictly increase with seq.
  let gapBad = 0;
  let incBad = 0;
  for (const [, list] of byAuction) {
    list.forEach((b, i) => {
      if (b.seq !== i + 1) {
        gapBad++;
      }
      if (i > 0 && Number(b.amount_fen) <= Number(list[i - 1]!.amount_fen)) {
        incBad++;
      }
    });
  }
  checks.push({
    name: 'seq is 1..n without gaps in every auction',
    ok: gapBad === 0,
    detail: `${byAuction.size} auctions with bids, ${gapBad} out of place`,
  });
  checks.push({ name: 'amounts strictly increase with seq', ok: incBad === 0, detail: `${incBad} violations` });

  // 3./4. final price = max = last bid; winner = registration of the last bid; deal at the final price.
  let priceBad = 0;
  let winnerBad = 0;
  let closeBad = 0;
  let dealBad = 0;
  const closers = new Map<string, number>();
  const dealsOf = new Map<string, typeof deals>();
  for (const d of deals) {
    (dealsOf.get(d.auction_id) ?? dealsOf.set(d.auction_id, []).get(d.auction_id)!).push(d);
  }
  let sold = 0;
  let unsold = 0;
  for (const a of auctions) {
    const list = byAuction.get(a.id) ?? [];
    const last = list[list.length - 1];
    const max = list.reduce((m, b) => Math.max(m, Number(b.amount_fen)), 0);
    if (!last || Number(a.current_price_fen) !== max || Number(last.amount_fen) !== max || a.last_seq !== list.length) {
      priceBad++;
    }
    if (!last || a.leading_registration_id !== last.registration_id) {
      winnerBad++;
    }
    if (!a.closed_at || !a.closed_by || !['closed_sold', 'closed_unsold'].includes(a.status)) {
      closeBad++;
    } else {
      closers.set(a.closed_by, (closers.get(a.closed_by) ?? 0) + 1);
    }
    const ds = dealsOf.get(a.id) ?? [];
    const reserveMet = last !== undefined && (a.reserve_fen === null || Number(last.amount_fen) >= Number(a.reserve_fen));
    if (a.status === 'closed_sold') {
      sold++;
      if (
        !reserveMet ||
        ds.length !== 1 ||
        Number(ds[0]!.price_fen) !== max ||
        ds[0]!.buyer_org_id !== registrationOrg.get(last.registration_id)
      ) {
        dealBad++;
      }
    } else if (a.status === 'closed_unsold') {
      unsold++;
      if (reserveMet || ds.length !== 0) {
        dealBad++;
      }
    }
  }
  const jobsDone = jobs.filter((j) => j.status === 'done').length;
  const jobsPending = jobs.filter((j) => j.status !== 'done');
  checks.push({
    name: 'final currentPriceFen = max amount = last bid; lastSeq = n',
    ok: priceBad === 0,
    detail: `${auctions.length} auctions, ${priceBad} wrong`,
  });
  checks.push({ name: 'winner = registration of the last bid', ok: winnerBad === 0, detail: `${winnerBad} wrong` });
  checks.push({
    name: 'exactly one close per auction (closed_at, closed_by, one deal per sold auction at the final price to the winner, none when unsold)',
    ok: closeBad === 0 && dealBad === 0 && jobsPending.length === 0 && jobsDone >= auctions.length,
    detail: `${sold} sold, ${unsold} unsold (reserve not met), ${closeBad} not closed, ${dealBad} deal mismatches; auction.close jobs: ${jobsDone} done, ${jobsPending.length} not done; closed by ${[...closers.entries()].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
  });
  const replaysSent = runs.reduce((a, r) => a + r.replaysSent, 0);
  const replaysOk = runs.reduce((a, r) => a + r.replaysOk, 0);
  checks.push({
    name: 'replayed clientKeys return the same bid (200, replayed: true)',
    ok: replaysSent > 0 && replaysOk === replaysSent,
    detail: `${replaysOk}/${replaysSent}${runs
      .flatMap((r) => r.replayFailures)
      .slice(0, 3)
      .map((f) => `; ${f}`)
      .join('')}`,
  });
  const by = new Map<string, number>();
  for (const b of bids) {
    by.set(b.accepted_by ?? '(none)', (by.get(b.accepted_by ?? '(none)') ?? 0) + 1);
  }
  log(`bids accepted by process: ${[...by.entries()].map(([k, v]) => `${k} ${n0(v)}`).join(', ')}`);
  return checks;
}

// ---- main ------------------------------------------------------------------------------------------
async function main() {
  log(
    `auction bench: --db ${DB}, ${DURATION_S} s per run, ${BIDDERS} bidders; hot concurrency ${HOT_CONCURRENCY}; ${AUCTIONS} auctions × ${PER_AUCTION} bidders at concurrency ${MANY_CONCURRENCY}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'tn-bench-auction-'));
  const listingsNeeded = SCENARIOS.reduce((a, s) => a + (s === 'hot' ? 1 : AUCTIONS) * PROCS.length, 0);
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  const dataDir = join(work, 'data');
  const http = createHttp(512);
  const servers: ServeProcess[] = [];
  const registrationOrg = new Map<string, string>();
  let handle: DbHandle | undefined;
  const serveEnv = { SCHEDULER_INTERVAL_MS };
  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  try {
    // 1. fresh database, migrated once, with the rows the auctions API does not create.
    const t0 = performance.now();
    if (DB === 'pg') {
      dbName = `tn_bench_auction_${Date.now()}`;
      await adminQuery(PG_SERVER, `create database ${dbName}`);
      databaseUrl = withDatabase(PG_SERVER, dbName);
      handle = await openDatabase({ databaseUrl, dataDir: '', poolSize: 3 });
    } else {
      handle = await openDatabase({ dataDir, worker: false });
    }
    await syncReferenceData(handle.db);
    const fixture = await insertAuctionFixtures(handle.db, { bidders: BIDDERS, listings: listingsNeeded });
    if (DB === 'embedded') {
      await handle.close(); // PGlite is single-process: the serve process opens the directory next
      handle = undefined;
    }
    log(
      `database ${DB === 'pg' ? dbName : dataDir} migrated, ${BIDDERS} bidder organisations and ${listingsNeeded} listings inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // 2. serve processes (two on PostgreSQL).
    const nProcs = Math.max(...PROCS);
    const started = await Promise.all(
      Array.from({ length: nProcs }, (_, i) =>
        startServe({
          databaseUrl,
          dataDir: DB === 'embedded' ? dataDir : undefined,
          logFile: join(work, `serve-${i}.log`),
          env: serveEnv,
          nodeArgs,
        }),
      ),
    );
    servers.push(...started);
    log(`serve processes: ${servers.map((s) => `${s.base} (pid ${s.pid})`).join(', ')}; logs in ${work}`);
    const base = servers[0]!.base;
    const tokens = {
      seller: await apiToken(http, base, fixture.sellerEmail),
      operator: await apiToken(http, base, fixture.operatorEmail),
      bidders: [] as string[],
    };
    for (const b of fixture.bidders) {
      tokens.bidders.push(await apiToken(http, base, b.email));
    }
    const world: World = { http, servers, tokens, fixture, nextListing: 0, registrationOrg, ...(handle ? { db: handle.db } : {}) };

    // 3. the runs: the one-process baseline first, then the same load over two processes.
    const runs: RunStats[] = [];
    for (const scenario of SCENARIOS) {
      for (const procs of PROCS) {
        runs.push(await run(world, scenario, procs));
      }
    }

    // 4. end every auction and let the schedulers close them.
    log('\nclosing: moving every auction end into the past; the serve processes’ schedulers close them');
    const allIds = runs.flatMap((r) => r.auctionIds);
    if (DB === 'pg') {
      await endAuctionsNow(handle!.db, allIds);
    } else {
      // Embedded: stop the server, edit the data directory, start it again (closing after a restart).
      await servers[0]!.stop();
      const h = await openDatabase({ dataDir, worker: false });
      await endAuctionsNow(h.db, allIds);
      await h.close();
      servers[0] = await startServe({ dataDir, logFile: join(work, 'serve-0-restarted.log'), env: serveEnv, nodeArgs });
    }
    const tClose = performance.now();
    for (;;) {
      let open = 0;
      await pool(allIds, 8, async (id) => {
        const r = await http.call(servers[0]!.base, 'GET', `/auctions/${id}`, { bearer: tokens.seller });
        if (!String(r.body?.status).startsWith('closed')) {
          open++;
        }
      });
      if (open === 0) {
        break;
      }
      if (performance.now() - tClose > 120_000) {
        log(`  ${open} auction(s) still open after 120 s`);
        break;
      }
      await sleep(500);
    }
    log(`  ${allIds.length} auctions closed in ${((performance.now() - tClose) / 1000).toFixed(1)} s`);
    if (DB === 'embedded') {
      await servers[0]!.stop();
      handle = await openDatabase({ dataDir, worker: false });
    }

    // 5. invariants and the table.
    const checks = await checkInvariants(handle!.db, runs, registrationOrg);
    log('\ninvariants:');
    for (const c of checks) {
      log(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name} — ${c.detail}`);
    }
    log(
      `\n| database | scenario | processes | accepted bids/s | accepted p50 / p95 / p99 (ms) | all requests/s | all p50 / p95 / p99 (ms) | refused (too low / already leading / other) | errors | CPU ms per request: serve / PostgreSQL / load generator | load avg start → end |`,
    );
    log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of runs) {
      const tooLow = r.refused.get('auction/bid_too_low') ?? 0;
      const leading = r.refused.get('auction/already_leading') ?? 0;
      const other = [...r.refused.values()].reduce((a, b) => a + b, 0) - tooLow - leading;
      log(
        `| ${DB === 'pg' ? 'PostgreSQL' : 'PGlite'} | ${r.scenario === 'hot' ? `1 hot auction, ${BIDDERS} bidders` : `${AUCTIONS} auctions × ${PER_AUCTION} bidders`} | ${r.procs} | **${n0(r.accepted / r.seconds)}** | ${lat(r.acceptedMs)} | ${n0(r.allMs.length / r.seconds)} | ${lat(r.allMs)} | ${n0(tooLow)} / ${n0(leading)} / ${n0(other)} | ${[...r.errors.values()].reduce((a, b) => a + b, 0)} | ${perReq(r.cpu.serve, r)} / ${DB === 'pg' ? perReq(r.cpu.pg, r) : '(in serve)'} / ${perReq(r.cpu.client, r)} | ${r.loadStart} → ${r.loadEnd} |`,
      );
    }
    const failed = checks.filter((c) => !c.ok).length;
    log(failed === 0 ? '\nall invariants PASS' : `\n${failed} invariant(s) FAIL`);
    process.exitCode = failed === 0 ? 0 : 1;
  } catch (err) {
    process.exitCode = 1;
    log(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
    for (const s of servers) {
      log(`--- ${s.logFile} ---\n${s.logTail(20)}`);
    }
  } finally {
    http.close();
    await Promise.all(servers.map((s) => s.stop()));
    await handle?.close();
    if (KEEP) {
      log(`kept: ${DB === 'pg' ? databaseUrl : dataDir} (logs in ${work})`);
    } else {
      if (dbName) {
        await adminQuery(PG_SERVER, `drop database if exists ${dbName} with (force)`).catch((e) =>
          log(`could not drop ${dbName}: ${String(e)}`),
        );
      }
      rmSync(work, { recursive: true, force: true });
    }
  }
}

await main();

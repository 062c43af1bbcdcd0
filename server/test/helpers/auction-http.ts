// An HTTP client and fixtures for driving auctions on real serve processes (the multi-process crash
// test and bench/auction-bids.ts). Rows the auctions API does not create (organisations, users, a
// published achievement listed on the market) go straight into the tables; auctions, registrations,
// deposits and bids go through the HTTP API.
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import { newChainId } from '#server/lib/ids';
import type { DbConn } from '#server/db/types';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { marketListings } from '#server/modules/market/market.tables';
import { insertOrganisation, insertUser } from '../factories/index';
import { TEST_PASSWORD } from './test-app';

export type HttpResult = { status: number; body: any; ms: number; error?: string; setCookie?: string[] };

/** One keep-alive connection pool per server (undici's fetch costs more CPU per request). */
export function createHttp(maxSockets = 256) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  function call(
    base: string,
    method: string,
    path: string,
    opts: { body?: unknown; bearer?: string; cookie?: string; csrf?: string; timeoutMs?: number } = {},
  ): Promise<HttpResult> {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (opts.bearer) {
      headers.authorization = `Bearer ${opts.bearer}`;
    }
    if (opts.cookie) {
      headers.cookie = opts.cookie;
    }
    if (opts.csrf) {
      headers['x-csrf-token'] = opts.csrf;
    }
    const t0 = performance.now();
    return new Promise((resolve) => {
      const req = httpRequest(`${base}/api/v1${path}`, { method, headers, agent, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({
            status: res.statusCode ?? 0,
            body,
            ms: performance.now() - t0,
            ...(res.headers['set-cookie'] ? { setCookie: res.headers['set-cookie'] } : {}),
          });
        });
        res.on('error', (err) => resolve({ status: 0, body: undefined, ms: performance.now() - t0, error: err.message }));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) =>
        resolve({ status: 0, body: undefined, ms: performance.now() - t0, error: (err as NodeJS.ErrnoException).code ?? err.message }),
      );
      if (payload !== undefined) {
        req.write(payload);
      }
      req.end();
    });
  }
  return { call, close: () => agent.destroy() };
}
export type Http = ReturnType<typeof createHttp>;

/** Signs in with the password, then mints an API token (read + write) for the account. */
export async function apiToken(http: Http, base: string, email: string, password = TEST_PASSWORD): Promise<string> {
  const login = await http.call(base, 'POST', '/auth/login', { body: { email, password } });
  if (login.status !== 200) {
    throw new Error(`login ${email}: ${login.status} ${JSON.stringify(login.body)}`);
  }
  const cookie = (login.setCookie ?? []).map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('tn_session='));
  const tok = await http.call(base, 'POST', '/auth/tokens', {
    body: { name: 'auction bench', scopes: ['read', 'write'] },
    cookie,
    csrf: login.body.csrfToken,
  });
  if (tok.status !== 201) {
    throw new Error(`token for ${email}: ${tok.status} ${JSON.stringify(tok.body)}`);
  }
  return tok.body.token as string;
}

export type MarketFixture = {
  sellerOrgId: string;
  sellerEmail: string;
  operatorEmail: string;
  bidders: { orgId: string; email: string }[];
  listingIds: string[];
};

/**
 * A verified 北京 university (the seller) with `listings` published achievements listed for
 * assignment, a 北京 market operator (region 110000), and `bidders` verified enterprises, each with
 * one member account (password TEST_PASSWORD). Emails carry `tag` so several fixtures can share a
 * database.
 */
export async function insertAuctionFixtures(db: DbConn, o: { bidders: number; listings: number; tag?: string }): Promise<MarketFixture> {
  const tag = o.tag ?? randomUUID().slice(0, 8);
  const seller = await insertOrganisation(db, {
    name: `拍卖卖方大学-${tag}`,
    type: 'university',
    regionCode: '110108',
    status: 'verified',
  });
  const sellerEmail = `seller-${tag}@auction.test`;
  await insertUser(db, {
    email: sellerEmail,
    displayName: '卖方管理员',
    regionCode: '110108',
    orgs: [{ organisationId: seller.id, role: 'admin' }],
  });
  const operatorEmail = `operator-${tag}@auction.test`;
  await insertUser(db, {
    email: operatorEmail,
    displayName: '北京市场运营',
    regionCode: '110000',
    roles: [{ role: 'market_operator', regionCode: '110000' }],
  });
  const bidders: MarketFixture['bidders'] = [];
  for (let i = 0; i < o.bidders; i++) {
    const org = await insertOrganisation(db, {
      name: `竞买企业-${tag}-${i}`,
      type: 'enterprise',
      regionCode: '440305',
      status: 'verified',
    });
    const email = `bidder${i}-${tag}@auction.test`;
    await insertUser(db, {
      email,
      displayName: `竞买人${i}`,
      regionCode: '440305',
      roles: [{ role: 'enterprise_member' }],
      orgs: [{ organisationId: org.id, role: 'admin' }],
    });
    bidders.push({ orgId: org.id, email });
  }
  const now = new Date();
  const listingIds: string[] = [];
  for (let i = 0; i < o.listings; i++) {
    const chainId = newChainId('A', now);
    const [a] = await db
      .insert(achievements)
      .values({
        chainId,
        ownerOrgId: seller.id,
        regionCode: '110108',
        title: `拍卖标的成果 ${tag}-${i}`,
        abstract: '用于拍卖并发测试的成果摘要，长度足够。',
        status: 'published',
        publishedAt: now,
        confirmedAt: now,
      })
      .returning({ id: achievements.id });
    const [l] = await db
      .insert(marketListings)
      .values({
        chainId,
        achievementId: a!.id,
        sellerOrgId: seller.id,
        regionCode: '110108',
        title: `拍卖标的成果 ${tag}-${i}`,
        mode: 'assign',
        pricing: 'negotiable',
        priceFen: 10_000_000,
        stateFunded: true,
        status: 'listed',
        listedFrom: now,
        listedUntil: new Date(now.getTime() + 90 * 86_400_000),
      })
      .returning({ id: marketListings.id });
    listingIds.push(l!.id);
  }
  return { sellerOrgId: seller.id, sellerEmail, operatorEmail, bidders, listingIds };
}

export type AuctionSetup = {
  startPriceFen: number;
  stepFen: number;
  startsAt: Date;
  endsAt: Date;
  extensionMinutes: number;
  reserveFen?: number;
};

function expectStatus(r: HttpResult, want: number[], what: string) {
  if (!want.includes(r.status)) {
    throw new Error(`${what}: HTTP ${r.status} ${r.error ?? JSON.stringify(r.body)}`);
  }
}

/**
 * Creates and schedules an auction on `listingId` through the API (as the seller), registers each
 * bidder (as the bidder), approves the registration and records its deposit as held (as the
 * operator). Returns the auction id and each bidder's registration id, in `bidders` order.
 */
export async function createLiveAuction(
  http: Http,
  base: string,
  tokens: { seller: string; operator: string },
  listingId: string,
  bidders: { orgId: string; token: string }[],
  s: AuctionSetup,
): Promise<{ auctionId: string; registrationIds: string[]; depositFen: number }> {
  const created = await http.call(base, 'POST', '/auctions', {
    bearer: tokens.seller,
    body: {
      listingId,
      startPriceFen: s.startPriceFen,
      ...(s.reserveFen !== undefined ? { reserveFen: s.reserveFen } : {}),
      increments: [{ fromFen: 0, stepFen: s.stepFen }],
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      extensionMinutes: s.extensionMinutes,
    },
  });
  expectStatus(created, [201], 'create auction');
  const auctionId = created.body.id as string;
  const scheduled = await http.call(base, 'POST', `/auctions/${auctionId}/schedule`, { bearer: tokens.seller });
  expectStatus(scheduled, [200], 'schedule auction');
  const depositFen = scheduled.body.depositFen as number;
  const registrationIds: string[] = [];
  for (const b of bidders) {
    const reg = await http.call(base, 'POST', `/auctions/${auctionId}/registrations`, {
      bearer: b.token,
      body: { bidderOrgId: b.orgId, qualification: '企业法人，具备技术实施能力。' },
    });
    expectStatus(reg, [201], 'register bidder');
    const regId = reg.body.id as string;
    expectStatus(
      await http.call(base, 'POST', `/auctions/${auctionId}/registrations/${regId}/approve`, { bearer: tokens.operator, body: {} }),
      [200],
      'approve registration',
    );
    expectStatus(
      await http.call(base, 'POST', `/auctions/${auctionId}/registrations/${regId}/deposits`, {
        bearer: tokens.operator,
        body: { entry: 'held', amountFen: depositFen },
      }),
      [200],
      'record deposit',
    );
    registrationIds.push(regId);
  }
  return { auctionId, registrationIds, depositFen };
}

/**
 * Ends auctions now: moves their end (auctions.ends_at and the pending auction.close job) one
 * second into the past, so that the next scheduler tick of a serve process closes them.
 */
export async function endAuctionsNow(db: DbConn, auctionIds: readonly string[]): Promise<void> {
  await db.execute(
    sql`update auctions set ends_at = now() - interval '1 second' where status = 'scheduled' and id = any(${sql.param([...auctionIds])}::uuid[])`,
  );
  await db.execute(
    sql`update scheduled_jobs set run_at = now() - interval '1 second' where kind = 'auction.close' and status = 'pending' and key = any(${sql.param([...auctionIds])}::text[])`,
  );
}

/** Waits until GET /auctions/:id satisfies `done` (polling every 100 ms). */
export async function waitForAuction(
  http: Http,
  base: string,
  token: string,
  auctionId: string,
  done: (a: any) => boolean,
  timeoutMs: number,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: HttpResult | undefined;
  while (Date.now() < deadline) {
    last = await http.call(base, 'GET', `/auctions/${auctionId}`, { bearer: token });
    if (last.status === 200 && done(last.body)) {
      return last.body;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `auction ${auctionId} did not reach the expected state in ${timeoutMs} ms (last: ${last?.status} ${JSON.stringify(last?.body)})`,
  );
}

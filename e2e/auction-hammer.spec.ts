// [AUCTIONS] From a listing to the hammer: the seller (tto@, 京华理工大学) puts its fixed-price
// licence listing up for a short auction; two demo bidders register in the auction room; the 北京
// market operator approves them and records their deposits; they bid in the UI; the scheduler closes
// the auction at its end; the winner's room shows 已成交/won with the deal, the other bidder lost.
// The seller's and operator's steps go through the API (their pages have their own journeys).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, BASE_URL, DEMO_PASSWORD, demoEmail, expectVisible, signedInPage, testId, useBrowser, WAIT_MS } from './fixtures';

useBrowser();

/** A signed-in API client (session cookie + CSRF header), as the web client itself sends them. */
async function apiAs(local: string) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(local), password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${local}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as T };
  };
}

const myState = (page: Page) => testId(page, 'auction-my-state').getAttribute('data-state');

describe('[AUCTIONS] listing → auction → hammer', () => {
  it('[AUCTIONS] two demo bidders register, are approved, bid, and the scheduler brings the hammer down', async () => {
    const seller = await apiAs('tto');
    const mine = await seller('GET', '/market/listings?mine=true&pageSize=50');
    const listing = (mine.body.items as { id: string; status: string; pricing: string; mode: string }[]).find((l) => l.status === 'listed' && l.pricing === 'fixed');
    expect(listing, 'a listed fixed-price listing of 京华理工大学 (seed)').toBeDefined();

    // A short auction: starts now, ends in 75 s; bids come early, so no anti-sniping extension.
    const now = Date.now();
    const created = await seller('POST', '/auctions', {
      listingId: listing!.id,
      startPriceFen: 50_000_000,
      increments: [{ fromFen: 0, stepFen: 1_000_000 }],
      startsAt: new Date(now + 2_000).toISOString(),
      endsAt: new Date(now + 75_000).toISOString(),
      extensionMinutes: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await seller('POST', `/auctions/${id}/schedule`)).status).toBe(200);

    const [a, b] = await Promise.all([signedInPage('enterprise'), signedInPage('sy-enterprise')]);
    try {
      // Each bidder registers in the auction room.
      for (const p of [a, b]) {
        await p.goto(`/market/auctions/${id}`);
        await expect.poll(() => myState(p), { timeout: WAIT_MS }).toBe('not_registered');
        await testId(p, 'auction-qualification').fill('具备受让能力：注册资本与技术团队符合要求，承诺按期缴纳保证金。');
        await testId(p, 'auction-register-submit').click();
        await expect.poll(() => myState(p), { timeout: WAIT_MS }).toBe('awaiting_approval');
      }

      // The 北京 market operator approves both and records their deposits.
      const operator = await apiAs('bj-market');
      const regs = await operator('GET', `/auctions/${id}/registrations`);
      const items = regs.body.items as { id: string }[];
      expect(items).toHaveLength(2);
      const deposit = (await operator('GET', `/auctions/${id}`)).body.depositFen as number;
      for (const r of items) {
        expect((await operator('POST', `/auctions/${id}/registrations/${r.id}/approve`)).status).toBe(200);
        const held = await operator('POST', `/auctions/${id}/registrations/${r.id}/deposits`, { entry: 'held', amountFen: deposit });
        expect(held.status, JSON.stringify(held.body)).toBeLessThan(300);
      }
      for (const p of [a, b]) {
        await p.reload();
        await expect.poll(() => myState(p), { timeout: WAIT_MS }).toBe('bidding');
      }

      // A bids the start price, B outbids by one step; A sees it live and is outbid.
      await expect.poll(async () => testId(a, 'auction-bid-input').inputValue(), { timeout: WAIT_MS }).toBe('500000.00');
      await testId(a, 'auction-bid-submit').click();
      await expect.poll(() => myState(a), { timeout: WAIT_MS }).toBe('leading');
      await expect.poll(async () => testId(b, 'auction-bid-input').inputValue(), { timeout: WAIT_MS }).toBe('510000.00');
      await testId(b, 'auction-bid-submit').click();
      await expect.poll(() => myState(b), { timeout: WAIT_MS }).toBe('leading');
      await expect.poll(() => myState(a), { timeout: WAIT_MS }).toBe('outbid');

      // The end passes; the scheduler closes the auction: B won at ¥510,000, A lost.
      await expect.poll(() => myState(b), { timeout: 120_000, interval: 2_000 }).toBe('won');
      await expect.poll(() => myState(a), { timeout: WAIT_MS }).toBe('lost');
      await expectVisible(b.locator('[data-testid="auction-phase"][data-phase="closed"]'), 'the closed phase in the winner’s room');
      const closed = await operator('GET', `/auctions/${id}`);
      expect(closed.body).toMatchObject({ status: 'closed_sold', currentPriceFen: 51_000_000 });
      expect(closed.body.dealId, 'the hammer opened a deal').toBeTruthy();
      const deal = await seller('GET', `/market/deals/${closed.body.dealId}`);
      expect(deal.body).toMatchObject({ pricingMethod: 'auction', priceFen: 51_000_000, status: 'concluded' });
      await b.screenshot({ path: artifact('auction-hammer-winner.png'), fullPage: true });
    } catch (err) {
      await a.screenshot({ path: artifact('failed-auction-hammer-a.png'), fullPage: true }).catch(() => undefined);
      await b.screenshot({ path: artifact('failed-auction-hammer-b.png'), fullPage: true }).catch(() => undefined);
      throw err;
    }
  }, 240_000);
});

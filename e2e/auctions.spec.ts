// [AUCTIONS] Two bidders in two browsers on the seeded live auction (拍卖): enterprise@ (鹏城智能) and
// sy-enterprise@ (盛京重机), both approved with deposits held. Each bids; the other sees the bid appear
// in the history and the price move live (Server-Sent Events), without reloading.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, BASE_URL, expectVisible, signedInPage, testId, useBrowser, WAIT_MS } from './fixtures';

useBrowser();

async function nextMinFen(id: string): Promise<number> {
  const res = await fetch(`${BASE_URL}/api/v1/auctions/${id}`);
  return ((await res.json()) as { nextMinFen: number }).nextMinFen;
}

const row = (page: Page, amountFen: number) => page.locator(`[data-testid="auction-bid-row"][data-amount="${amountFen}"]`);

async function myState(page: Page): Promise<string | null> {
  return testId(page, 'auction-my-state').getAttribute('data-state');
}

async function placeBid(page: Page, amountFen: number): Promise<void> {
  // The box is prefilled with the minimum valid bid the page knows (from the live stream).
  await expect.poll(async () => testId(page, 'auction-bid-input').inputValue(), { timeout: WAIT_MS }).toBe((amountFen / 100).toFixed(2));
  await testId(page, 'auction-bid-submit').click();
  await expectVisible(row(page, amountFen), `my bid of ${amountFen} fen in my history`);
}

describe('[AUCTIONS] live bidding', () => {
  it('[AUCTIONS] two bidders see each other’s bids appear live', async () => {
    const list = (await (await fetch(`${BASE_URL}/api/v1/auctions?phase=live`)).json()) as { items: { id: string; title: string }[] };
    expect(list.items.length, 'the seeded live auction').toBeGreaterThan(0);
    const id = list.items[0]!.id;
    const [a, b] = await Promise.all([signedInPage('enterprise'), signedInPage('sy-enterprise')]);
    try {
      await a.goto(`/market/auctions/${id}`);
      await b.goto(`/market/auctions/${id}`);
      for (const p of [a, b]) {
        await expectVisible(testId(p, 'auction-my-state'), 'the bidder state');
        await expect.poll(() => myState(p), { timeout: WAIT_MS }).toMatch(/^(bidding|outbid)$/);
        await expectVisible(testId(p, 'auction-countdown'), 'the countdown');
      }

      const first = await nextMinFen(id);
      await placeBid(a, first);
      await expect.poll(() => myState(a), { timeout: WAIT_MS }).toBe('leading');
      // B never reloads: the bid arrives through the event stream.
      await expectVisible(row(b, first), 'A’s bid in B’s history, live');
      await expect.poll(async () => testId(b, 'auction-current-price').textContent(), { timeout: WAIT_MS }).toContain((first / 100).toLocaleString('en-US'));

      const second = await nextMinFen(id);
      expect(second).toBeGreaterThan(first);
      await placeBid(b, second);
      await expectVisible(row(a, second), 'B’s bid in A’s history, live');
      await expect.poll(() => myState(a), { timeout: WAIT_MS }).toBe('outbid');
      await expect.poll(() => myState(b), { timeout: WAIT_MS }).toBe('leading');
      await a.screenshot({ path: artifact('auctions-room-a.png'), fullPage: true });
    } catch (err) {
      await a.screenshot({ path: artifact('failed-auctions-a.png'), fullPage: true }).catch(() => undefined);
      await b.screenshot({ path: artifact('failed-auctions-b.png'), fullPage: true }).catch(() => undefined);
      throw err;
    }
  }, 120_000);

  it('[AUCTIONS] the 北京 market operator sees the auction’s registrations with deposits held', async () => {
    const page = await signedInPage('bj-market');
    await page.goto('/market/operator');
    await page.getByRole('tab', { name: '拍卖管理' }).click();
    const panel = testId(page, 'operator-auctions-panel');
    await expectVisible(panel, 'the operator auctions panel');
    // The live auction's row (the upcoming one has no registrations yet).
    await panel.locator('tr', { has: page.locator('[data-phase="live"]') }).locator('.ant-table-row-expand-icon').first().click();
    await expectVisible(testId(page, 'operator-auction-registrations'), 'the registrations of the auction');
    await expect.poll(async () => page.locator('[data-testid="operator-deposit-status"][data-status="held"]').count(), { timeout: WAIT_MS }).toBe(2);
  }, 60_000);
});

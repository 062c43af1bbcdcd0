// [MARKET] 挂牌 → 报价 → 交易: 鹏城智能 (enterprise@) makes an offer on 京华理工大学's negotiable
// listing (a seeded ordinary licence); the university's TTO officer (tto@) accepts it; the deal
// workspace shows the deal awaiting its public notice (state-funded seller, negotiated price).
import { describe, expect } from 'vitest';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

const DIRECTORY = `/market/listings?q=${encodeURIComponent('京华理工大学')}&mode=license&pricing=negotiable`;
let listingPath = '';

describe('[MARKET] listing negotiation journey', () => {
  journey('[MARKET] enterprise@ makes an offer on a negotiable listing of 京华理工大学', async (page) => {
    await loginThroughForm(page, demoEmail('enterprise'));
    await page.goto(DIRECTORY);
    const link = testId(page, 'listing-link');
    await expectVisible(link, 'the seeded negotiable licence of 京华理工大学 in the directory');
    await link.first().click();
    await expectVisible(testId(page, 'listing-summary'), 'the listing page');
    listingPath = new URL(page.url()).pathname;
    await expectVisible(testId(page, 'offer-form'), 'the offer form of the buyer');
    await testId(page, 'offer-amount').fill('280000');
    await testId(page, 'offer-submit').click();
    await expectVisible(page.locator('.ant-message-success'), 'the confirmation that the offer was sent');
    await expect.poll(async () => (await testId(page, 'offer-history').textContent()) ?? '').toMatch(/待答复/);
    await page.screenshot({ path: artifact('market-offer-made.png'), fullPage: true });
  });

  journey('[MARKET] tto@ accepts the offer; the deal workspace shows it awaiting its notice', async (page) => {
    expect(listingPath, 'the first journey found the listing').toMatch(/^\/market\/listings\//);
    await loginThroughForm(page, demoEmail('tto'));
    await page.goto(listingPath);
    await expectVisible(testId(page, 'threads'), "the seller's negotiation threads");
    await testId(page, 'thread-open').first().click();
    await expectVisible(testId(page, 'offer-accept'), 'the accept button of the open offer');
    await testId(page, 'offer-accept').first().click();
    const confirm = page.locator('.ant-popconfirm .ant-btn-primary');
    await expectVisible(confirm, 'the confirmation of the acceptance');
    await confirm.click();
    await expectVisible(testId(page, 'to-deal'), 'the link to the deal workspace');
    await testId(page, 'to-deal').click();
    await expectVisible(testId(page, 'deal-summary'), 'the deal workspace');
    await expect.poll(async () => (await testId(page, 'deal-status').first().textContent()) ?? '').toContain('待公示');
    await expectVisible(testId(page, 'notice-form'), 'the publish-notice form for the seller');
    await page.screenshot({ path: artifact('market-deal-awaiting-notice.png'), fullPage: true });
  });

  journey('[MARKET] an anonymous visitor opens the market home: listings, auctions, tenders and notices', async (page) => {
    await page.goto('/market');
    await expectVisible(testId(page, 'market-listings'), 'the listings section');
    await expectVisible(testId(page, 'market-listings').getByTestId('listing-link'), 'a seeded listing on the market home');
    for (const id of ['market-auctions', 'market-tenders', 'market-notices']) {
      await expectVisible(testId(page, id), `the ${id} section`);
    }
    await page.screenshot({ path: artifact('market-home.png'), fullPage: true });
  });

  journey('[MARKET] the 北京 market operator opens the console and sees the fee schedule', async (page) => {
    await loginThroughForm(page, demoEmail('bj-market'));
    await page.goto('/market/operator');
    await page.getByRole('tab', { name: '收费标准' }).click();
    await expectVisible(testId(page, 'fee-schedule'), 'the fee schedule');
    await expect.poll(async () => (await testId(page, 'fee-schedule').textContent()) ?? '').toContain('1%');
  });
});

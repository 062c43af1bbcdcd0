// [TENDERS] 招标: the public sees the seeded open tender and only its sealed count; a bidder from
// another organisation submits a sealed proposal and sees it as its own, still counted, not named.
import { describe, expect } from 'vitest';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

const DEMO_TENDER_TITLE = '工业视觉缺陷检测方案招标（演示）';
const RUN = Date.now().toString(36).slice(-5);

type Summary = { id: string; title: string; proposalCount: number; buyerName: string };

describe('[TENDERS] sealed tender', () => {
  let tenderId = '';
  let countBefore = 0;

  journey('[TENDERS] the public list shows the seeded open tender with its sealed count only', async (page) => {
    const api = await (await page.request.get('/api/v1/tenders?status=open&pageSize=100')).json();
    const seeded = (api.items as Summary[]).find((r) => r.title === DEMO_TENDER_TITLE);
    expect(seeded, 'the seeded demo tender').toBeDefined();
    tenderId = seeded!.id;
    countBefore = seeded!.proposalCount;
    expect(countBefore).toBeGreaterThanOrEqual(1);

    await page.goto('/market/tenders');
    const row = testId(page, `tender-row-${tenderId}`);
    await expectVisible(row, 'the seeded tender in the public list');
    expect(await row.innerText()).toContain(`${countBefore} 份密封投标`);
    expect(await row.innerText()).toContain('深圳鹏城智能装备股份有限公司');

    await row.getByRole('link', { name: DEMO_TENDER_TITLE }).click();
    await page.waitForURL(new RegExp(`/market/tenders/${tenderId}$`));
    await expectVisible(testId(page, 'tender-criteria'), 'the published criteria');
    await expect.poll(async () => testId(page, 'tender-sealed-count').innerText()).toBe(`${countBefore} 份密封投标`);
    await expectVisible(testId(page, 'tender-countdown'), 'the countdown to the deadline');
    // Sealed: no ranking, no bidder name anywhere on the page.
    expect(await testId(page, 'tender-ranking').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('京华理工大学');
    await page.screenshot({ path: artifact('tender-public.png'), fullPage: true });
  });

  journey('[TENDERS] a bidder of zk-inst submits a sealed proposal and sees it as its own', async (page) => {
    await loginThroughForm(page, demoEmail('zk-researcher'));
    await page.goto(`/market/tenders/${tenderId}`);
    await expectVisible(testId(page, 'proposal-form'), 'the proposal form');
    await testId(page, 'proposal-price').fill('880000.50');
    await testId(page, 'proposal-terms').fill(`普通许可 3 年，验收后一次性付款（${RUN}）`);
    await testId(page, 'proposal-technical').fill('基于红外与可见光融合的缺陷检测方案，含样机与现场调试。');
    await testId(page, 'proposal-submit').click();

    await expect.poll(async () => testId(page, 'my-proposal-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('sealed');
    expect(await testId(page, 'my-proposal-price').innerText()).toContain('88');
    await expect
      .poll(async () => testId(page, 'tender-sealed-count').innerText(), { timeout: 15_000 })
      .toBe(`${countBefore + 1} 份密封投标`);

    const mine = await (await page.request.get(`/api/v1/tenders/${tenderId}/proposals/mine`)).json();
    expect(mine.proposal).toMatchObject({ priceFen: 88_000_050, status: 'sealed', isMine: true });
    // Only its own proposal, never the university's.
    const visible = await (await page.request.get(`/api/v1/tenders/${tenderId}/proposals`)).json();
    expect(visible.items.map((p: { id: string }) => p.id)).toEqual([mine.proposal.id]);
    await page.reload();
    await expect.poll(async () => testId(page, 'my-proposal-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('sealed');
    await page.screenshot({ path: artifact('tender-bidder.png'), fullPage: true });
  });
});

// [CATALOGUE] A TTO officer lists a technology and publishes it through review; an anonymous visitor
// finds it through search (highlighted) and opens it; an enterprise member asks for the NDA-gated
// detail, the officer grants it, and the member reads it.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

// Unique per run, so the search finds this run's listing even when the database is reused.
const RUN = Date.now().toString(36).slice(-5);
const TITLE = `宽温域钠离子电池电解液 ${RUN}`;
const SECRET = `电解液配方：NaPF6 1.2 mol/L，溶剂 EC:DEC 3:7，添加剂 FEC 2%（批次 ${RUN}）`;
let achievementId = '';

async function pickOption(page: Page, selectTestId: string, optionText: string): Promise<void> {
  await testId(page, selectTestId).click();
  const option = page.locator('.ant-select-item-option').filter({ hasText: optionText }).first();
  await expectVisible(option, `the option "${optionText}"`);
  await option.click();
}

async function statusIs(page: Page, status: string): Promise<void> {
  await expect.poll(async () => testId(page, 'achievement-status').first().getAttribute('data-status'), { timeout: 15_000 }).toBe(status);
}

describe('[CATALOGUE] achievement journey', () => {
  journey(
    '[CATALOGUE] a TTO officer creates a listing, submits it and approves it; it is published',
    async (page) => {
      await loginThroughForm(page, demoEmail('tto'));
      await testId(page, 'nav-my-achievements').click();
      await expectVisible(testId(page, 'mine-table'), 'the owner dashboard');
      await testId(page, 'achievement-create').click();
      await expectVisible(testId(page, 'achievement-form'), 'the achievement form');

      await testId(page, 'ach-title').fill(TITLE);
      await testId(page, 'ach-abstract').fill(
        '一种适用于零下 40 度至 60 度的钠离子电池电解液，低温容量保持率 85%，较常规碳酸酯电解液提升 30 个百分点，可用于储能电站和低速电动车。',
      );
      await testId(page, 'ach-keywords').click();
      await page.keyboard.type('钠离子电池');
      await page.keyboard.press('Enter');
      await page.keyboard.type('电解液');
      await page.keyboard.press('Enter');
      await testId(page, 'ach-comparison').fill('低温容量保持率 85%，常规电解液约 55%；成本增加不超过 5%。');
      await testId(page, 'ach-detail').fill(SECRET);
      // Classification suggestions (POST /classify) are chips; clicking one fills the domain.
      await testId(page, 'classify-run').click();
      const chip = page.locator('[data-testid^="classify-domain-"]').first();
      await expectVisible(chip, 'a suggested technology domain');
      const suggestedDomain = ((await chip.getAttribute('data-testid')) ?? '').replace('classify-domain-', '');
      await chip.click();
      await pickOption(page, 'ach-trl', 'TRL 6');
      // The TRL help beside the picker marks the chosen level.
      await expect.poll(async () => testId(page, 'trl-help-6').getAttribute('aria-current')).toBe('true');
      await testId(page, 'ach-ip-add').click();
      await testId(page, 'ach-ip-number').first().fill('ZL202310123456.7');
      await pickOption(page, 'ach-ip-type', '发明');
      await page.getByRole('checkbox', { name: '许可', exact: true }).check();
      await page.getByRole('radio', { name: '一口价', exact: true }).check();
      await testId(page, 'ach-price-min').fill('500000');
      await testId(page, 'ach-save').click();

      await page.waitForURL(/\/achievements\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      achievementId = page.url().split('/').at(-1) ?? '';
      await statusIs(page, 'draft');
      await expectVisible(testId(page, 'quality-card'), 'the quality score for the owner');
      await expect.poll(async () => testId(page, 'achievement-summary').innerText()).toContain('¥50 万');
      expect(await testId(page, 'achievement-ip').innerText()).toContain('ZL202310123456.7');

      await testId(page, 'action-submit').click();
      await statusIs(page, 'submitted');
      await testId(page, 'action-approve').click();
      await statusIs(page, 'published');
      await expectVisible(testId(page, 'funnel-table'), 'the owner funnel');
      await page.screenshot({ path: artifact('catalogue-detail-owner.png'), fullPage: true });

      const api = await (await page.request.get(`/api/v1/achievements/${achievementId}`)).json();
      expect(api.status).toBe('published');
      expect(api.priceMinFen).toBe(50_000_000);
      expect(api.trl).toBe(6);
      expect(api.domainCode).toBe(suggestedDomain);
      expect(api.ip[0]).toMatchObject({ kind: 'patent', number: 'ZL202310123456.7', patentType: 'invention' });
    },
    { timeout: 120_000 },
  );

  journey('[CATALOGUE] an anonymous visitor finds it through search, with highlights, and opens it', async (page) => {
    expect(achievementId, 'the listing from the first journey').not.toBe('');
    await page.goto('/');
    await testId(page, 'nav-search').click();
    await testId(page, 'search-q').locator('input').fill(`钠离子电池电解液 ${RUN}`);
    await testId(page, 'search-q').locator('input').press('Enter');
    // Before the query the page lists the newest listings (no highlights): wait for the ranked answer.
    await expectVisible(testId(page, 'search-total'), 'the search summary');
    const hit = page.locator(`[data-testid="search-result"][data-id="${achievementId}"]`);
    await expectVisible(hit, 'the published listing among the search results');
    await expectVisible(hit.locator('mark'), 'highlighted terms in the hit');
    expect(await hit.locator('mark').first().innerText()).not.toBe('');
    await expectVisible(testId(page, 'search-facets'), 'the facets');
    await page.screenshot({ path: artifact('catalogue-search-anonymous.png'), fullPage: true });

    await hit.getByTestId('search-result-link').click();
    await page.waitForURL(`**/achievements/${achievementId}`);
    await expect.poll(async () => page.getByRole('heading', { level: 2 }).first().innerText()).toBe(TITLE);
    await expectVisible(testId(page, 'nda-sign-in'), 'the sign-in link of the NDA section');
    expect(await testId(page, 'nda-detail').count(), 'the NDA-gated detail stays hidden').toBe(0);
    expect(await page.getByText(SECRET).count()).toBe(0);
    expect(await testId(page, 'quality-card').count(), 'no owner panels for visitors').toBe(0);
    await expectVisible(testId(page, 'similar-panel'), 'the similar listings panel');
    await page.screenshot({ path: artifact('catalogue-detail-anonymous.png'), fullPage: true });
  });

  journey('[CATALOGUE] an enterprise member accepts the NDA terms and requests access', async (page) => {
    await loginThroughForm(page, demoEmail('enterprise'));
    await page.goto(`/achievements/${achievementId}`);
    await expectVisible(testId(page, 'nda-request'), 'the request-access button');
    expect(await testId(page, 'nda-request').isDisabled(), 'request needs the NDA accepted').toBe(true);
    await testId(page, 'nda-message').fill('我们做储能系统集成，希望评估低温性能。');
    await testId(page, 'nda-accept').check();
    await testId(page, 'nda-request').click();
    await expect.poll(async () => testId(page, 'nda-request-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('pending');
    // After a reload the page reads the member's own request back instead of offering the form again.
    await page.reload();
    await expect.poll(async () => testId(page, 'nda-request-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('exists');
    await testId(page, 'enquiry-message').fill('请问是否支持独占许可？联系电话 0755-12345678');
    await testId(page, 'enquiry-send').click();
    await expectVisible(testId(page, 'enquiry-sent'), 'the enquiry receipt');
  });

  journey('[CATALOGUE] the officer grants the request and the member reads the detail', async (page) => {
    await loginThroughForm(page, demoEmail('tto'));
    await page.goto(`/achievements/${achievementId}`);
    const table = testId(page, 'access-requests-table');
    await expectVisible(table.getByText('刘总（鹏城智能）'), 'the enterprise member’s request');
    await table.getByTestId('access-grant').first().click();
    await expectVisible(table.getByText('已同意'), 'the granted state');
    const funnel = await (await page.request.get(`/api/v1/achievements/${achievementId}/funnel`)).json();
    expect(funnel.accessRequests).toBe(1);
    expect(funnel.enquiries).toBe(1);

    await page.context().clearCookies();
    await loginThroughForm(page, demoEmail('enterprise'));
    await page.goto(`/achievements/${achievementId}`);
    await expectVisible(testId(page, 'nda-detail'), 'the NDA-gated detail');
    expect(await testId(page, 'nda-detail').innerText()).toBe(SECRET);
  });

  journey('[CATALOGUE] an anonymous visitor describes a problem and is matched to the listing, with reasons', async (page) => {
    await page.goto('/search');
    await testId(page, 'problem-text').fill(`我们的储能电站冬季低温下电池容量衰减严重，想找新型钠离子电池电解液技术 ${RUN}`);
    await testId(page, 'problem-submit').click();
    const match = testId(page, 'problem-results').locator(`a[href="/achievements/${achievementId}"]`);
    await expectVisible(match, 'the listing among the matches');
    await expectVisible(testId(page, 'problem-results').getByTestId('match-reason-shared_terms'), 'the shared-terms reason');
  });

  journey('[CATALOGUE] an enterprise member posts a demand, publishes it and sees matching technologies', async (page) => {
    await loginThroughForm(page, demoEmail('enterprise'));
    await testId(page, 'nav-demands').click();
    await testId(page, 'demand-create').click();
    await expectVisible(testId(page, 'demand-form'), 'the demand form');
    await testId(page, 'demand-title').fill(`储能电站低温电解液需求 ${RUN}`);
    await testId(page, 'demand-description').fill(
      '储能电站冬季零下 30 度时钠离子电池容量衰减超过 40%，需要宽温域电解液，要求成本增加不超过 10%。',
    );
    await testId(page, 'demand-budget-min').fill('100000');
    await testId(page, 'demand-budget-max').fill('800000');
    await pickOption(page, 'demand-trl', 'TRL 5');
    await testId(page, 'demand-save').click();
    await page.waitForURL(/\/demands\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const demandId = page.url().split('/').at(-1) ?? '';
    await expect.poll(async () => testId(page, 'demand-status').first().getAttribute('data-status')).toBe('draft');
    await testId(page, 'demand-action-publish').click();
    await expect.poll(async () => testId(page, 'demand-status').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('published');
    await expectVisible(
      testId(page, 'demand-match-list').locator(`a[href="/achievements/${achievementId}"]`),
      "the listing among the demand's matches",
    );
    await page.screenshot({ path: artifact('catalogue-demand-matches.png'), fullPage: true });
    const demand = await (await page.request.get(`/api/v1/demands/${demandId}`)).json();
    expect([demand.budgetMinFen, demand.budgetMaxFen, demand.trlNeeded]).toEqual([10_000_000, 80_000_000, 5]);
  });

  journey('[CATALOGUE] an anonymous visitor finds the published demand by keyword in the demand directory', async (page) => {
    await page.goto('/demands');
    await testId(page, 'demand-search').locator('input').fill(`宽温域电解液 ${RUN}`);
    await testId(page, 'demand-search').locator('input').press('Enter');
    await page.waitForURL(/[?&]q=/, { timeout: 10_000 });
    const hit = testId(page, 'demands-table').locator('[data-testid="demand-link"]', { hasText: '储能电站低温电解液需求' });
    await expectVisible(hit, 'the demand among the keyword hits');
    await expectVisible(testId(page, 'demands-table').locator('mark'), 'highlighted terms in the hits');
  });
});

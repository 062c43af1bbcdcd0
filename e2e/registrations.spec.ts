// [REGISTRATIONS] 技术合同认定登记: the TTO officer of 京华理工大学 (tto@, Beijing) fills in the
// registration form of a 委托开发 contract with 鹏城智能 (技术交易额 computed live from 成交额 minus a
// non-technical cost) and submits it; the Beijing registrar (bj-registrar@) finds it under 待审核 and
// registers it in full; the officer sees the 16-digit registration number, the certificate link returns
// a PDF, and anyone can verify the number on the public check page. A last journey starts a draft from
// the seeded concluded deal (or, when the database is reused, is told that deal is registered already).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser, WAIT_MS } from './fixtures';

useBrowser();

// Unique per run, so the registrar finds this run's application even when the database is reused.
const RUN = Date.now().toString(36).slice(-5);
const PROJECT = `宽温域钠离子电池电解液配方开发 ${RUN}`;
const SUMMARY = [
  '研究开发目标：开发适用于 -40 ℃ 至 60 ℃ 的钠离子电池电解液配方并完成中试验证。',
  '主要技术指标：-40 ℃ 放电容量保持率不低于 80%；60 ℃ 循环 500 次容量保持率不低于 85%；电导率不低于 8 mS/cm。',
  '验收标准与方式：由委托方组织第三方检测机构按上述指标检测，出具检测报告后验收。',
].join('\n');
let registrationPath = '';
let registrationNo = '';

async function pickOption(page: Page, selectTestId: string, optionText: string, typed?: string): Promise<void> {
  await testId(page, selectTestId).click();
  if (typed) {
    await page.keyboard.type(typed);
  }
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: optionText })
    .first();
  await expectVisible(option, `the option "${optionText}"`);
  await option.click();
}

async function statusIs(page: Page, status: string): Promise<void> {
  await expect.poll(async () => testId(page, 'registration-status').first().getAttribute('data-status'), { timeout: WAIT_MS }).toBe(status);
}

async function confirmPopconfirm(page: Page): Promise<void> {
  const confirm = page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary');
  await expectVisible(confirm, 'the confirmation button');
  await confirm.click();
}

describe('[REGISTRATIONS] contract registration journey', () => {
  journey(
    '[REGISTRATIONS] tto@ fills in the registration form, sees 技术交易额 computed and submits the application',
    async (page) => {
      await loginThroughForm(page, demoEmail('tto'));
      await testId(page, 'nav-registrations').click();
      await expectVisible(testId(page, 'registration-table'), 'the registration list');
      await expectVisible(page.getByRole('tab', { name: '我的登记' }), 'the 我的登记 tab');
      await testId(page, 'registration-new').click();
      await expectVisible(testId(page, 'registration-form'), 'the registration form');

      // The seller defaults to the officer's organisation.
      await expect.poll(async () => testId(page, 'registration-seller-name').inputValue(), { timeout: WAIT_MS }).toBe('京华理工大学');

      await testId(page, 'registration-project-name').fill(PROJECT);
      await testId(page, 'registration-contract-no').fill(`JH-${RUN}`);
      await pickOption(page, 'registration-subtype', '委托开发');
      await testId(page, 'registration-summary').fill(SUMMARY);

      // The buyer is a platform organisation: picking it fills name, type, credit code and region.
      await pickOption(page, 'registration-buyer-organisation', '深圳鹏城智能装备股份有限公司', '鹏城');
      await expect
        .poll(async () => testId(page, 'registration-buyer-name').inputValue(), { timeout: WAIT_MS })
        .toBe('深圳鹏城智能装备股份有限公司');
      await expect
        .poll(async () => testId(page, 'registration-buyer-credit-code').inputValue(), { timeout: WAIT_MS })
        .toMatch(/^[0-9A-Z]{18}$/);

      await pickOption(page, 'registration-domain', '新能源与高效节能');
      // GB/T 4754 3849 其他电池制造.
      await testId(page, 'registration-industry').click();
      await page.keyboard.type('3849');
      const industry = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '其他电池制造' }).first();
      await expectVisible(industry, 'the industry 3849 in the tree');
      await industry.click();
      await pickOption(page, 'registration-objective', 'SE05', 'SE05');
      await pickOption(page, 'registration-ip-types', '技术秘密');
      await page.keyboard.press('Escape');

      // Dates: signed and valid from today (defaults), valid for two years.
      const today = await testId(page, 'registration-signed-on').inputValue();
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const validTo = `${Number(today.slice(0, 4)) + 2}${today.slice(4, 10) === '-02-29' ? '-02-28' : today.slice(4, 10)}`;
      await testId(page, 'registration-valid-to').fill(validTo);

      // 成交额 50 万, a 5 万 equipment purchase: 技术交易额 45 万, computed as the user types.
      await testId(page, 'registration-contract-amount').fill('500000');
      await expect.poll(async () => (await testId(page, 'registration-tech-amount').textContent()) ?? '').toContain('¥50 万');
      await testId(page, 'registration-add-cost').click();
      await testId(page, 'registration-cost-item').first().fill('中试用电解液灌装设备');
      await testId(page, 'registration-cost-amount').first().fill('50000');
      await expect.poll(async () => (await testId(page, 'registration-tech-amount').textContent()) ?? '').toContain('¥45 万');

      await testId(page, 'registration-save').click();
      await page.waitForURL(/\/registrations\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
      registrationPath = new URL(page.url()).pathname;
      await statusIs(page, 'draft');
      expect(await testId(page, 'registration-tech-amount-value').innerText()).toContain('¥45 万');

      const draft = await (await page.request.get(`/api/v1${registrationPath}`)).json();
      expect(draft).toMatchObject({ contractAmountFen: 50_000_000, techAmountFen: 45_000_000, subtype: 'DEV-COM' });
      // GB/T 4754 3849, in whichever form the contract takes ('C3849' or the code list's '3849').
      expect(['C3849', '3849']).toContain(draft.industryCode);
      expect(draft.nonTechnicalCosts).toEqual([{ item: '中试用电解液灌装设备', amountFen: 5_000_000 }]);
      expect(draft.allowedActions).toContain('submit');

      await testId(page, 'registration-submit').click();
      await confirmPopconfirm(page);
      await statusIs(page, 'submitted');
      await expect.poll(async () => (await testId(page, 'registration-decide-by').textContent()) ?? '').not.toBe('—');
      await expectVisible(testId(page, 'registration-event'), 'the submission in the history');
      await page.screenshot({ path: artifact('registrations-submitted.png'), fullPage: true });
    },
    { timeout: 150_000 },
  );

  journey(
    '[REGISTRATIONS] the Beijing registrar opens 待审核 and registers the application in full',
    async (page) => {
      expect(registrationPath, 'the first journey created the application').toMatch(/^\/registrations\//);
      await loginThroughForm(page, demoEmail('bj-registrar'));
      await testId(page, 'nav-registrations').click();
      await page.getByRole('tab', { name: '待审核' }).click();
      const search = page.getByPlaceholder('项目名称、登记编号、买方或卖方');
      await search.fill(RUN);
      await search.press('Enter');
      const link = testId(page, 'registration-link').filter({ hasText: PROJECT });
      await expectVisible(link, 'this run’s application in the registrar’s queue');
      await link.first().click();
      await page.waitForURL(`**${registrationPath}`, { timeout: WAIT_MS });
      await statusIs(page, 'submitted');
      await expectVisible(testId(page, 'registration-findings'), 'the recognition checks');

      await testId(page, 'registration-decide').click();
      await expectVisible(testId(page, 'decision-form'), 'the decision dialog');
      // Button-style radios: click their labels (the inputs themselves are hidden).
      await testId(page, 'decision-action').getByText('予以登记', { exact: true }).click();
      await testId(page, 'decision-outcome').getByText('全额认定', { exact: true }).click();
      expect(await page.getByRole('radio', { name: '予以登记', exact: true }).isChecked()).toBe(true);
      await testId(page, 'decision-note').fill('合同要素齐全，研究开发目标和技术指标明确，予以登记。');
      await testId(page, 'decision-confirm').click();
      await expectVisible(page.locator('.ant-message-success'), 'the confirmation of the decision');
      await statusIs(page, 'registered');
      await expect.poll(async () => (await testId(page, 'registration-no').textContent()) ?? '', { timeout: WAIT_MS }).toMatch(/^\d{16}$/);
      await expectVisible(testId(page, 'registration-recognition'), 'the recognition card');
      await expectVisible(testId(page, 'registration-tax'), 'the tax effects card');
      await page.screenshot({ path: artifact('registrations-registered.png'), fullPage: true });
    },
    { timeout: 120_000 },
  );

  journey('[REGISTRATIONS] tto@ sees the registration number and downloads the certificate PDF', async (page) => {
    expect(registrationPath, 'the first journey created the application').toMatch(/^\/registrations\//);
    await loginThroughForm(page, demoEmail('tto'));
    await page.goto(registrationPath);
    await statusIs(page, 'registered');
    registrationNo = ((await testId(page, 'registration-no').textContent()) ?? '').trim();
    expect(registrationNo).toMatch(/^\d{16}$/);
    // Created, submitted, registered: the history has an event for each step at least.
    expect(await testId(page, 'registration-event').count()).toBeGreaterThanOrEqual(2);

    const certificate = testId(page, 'registration-certificate');
    await expectVisible(certificate, 'the certificate download');
    const href = await certificate.getAttribute('href');
    expect(href).toBe(`/api/v1${registrationPath}/certificate.pdf`);
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The list shows the number too.
    await page.goto('/registrations');
    const row = page.locator('tr', { has: testId(page, 'registration-link').filter({ hasText: PROJECT }) });
    await expectVisible(row.getByText(registrationNo), 'the registration number in 我的登记');
  });

  journey('[REGISTRATIONS] anyone verifies the certificate number without signing in', async (page) => {
    expect(registrationNo, 'the registration number from the earlier journeys').toMatch(/^\d{16}$/);
    await page.goto('/registrations/check');
    await testId(page, 'certificate-no').fill(registrationNo);
    await testId(page, 'certificate-submit').click();
    await expectVisible(testId(page, 'certificate-result'), 'the verification result');
    expect(await testId(page, 'certificate-verdict').getAttribute('data-valid')).toBe('true');
    expect(await testId(page, 'certificate-result').innerText()).toContain(PROJECT);
    await expect.poll(async () => ((await testId(page, 'certificate-digest').textContent()) ?? '').trim()).toMatch(/^[0-9a-f]{64}$/);

    // A number nobody was given is reported as not found.
    await page.goto('/registrations/check?no=0000000000000000');
    await expectVisible(testId(page, 'certificate-not-found'), 'the not-found answer');
  });

  journey('[REGISTRATIONS] tto@ starts a registration from the seeded concluded deal', async (page) => {
    await loginThroughForm(page, demoEmail('tto'));
    const deals = await (await page.request.get('/api/v1/market/deals?status=concluded&pageSize=50')).json();
    const deal = (deals.items as { id: string; mySide: string | null; status: string }[]).find(
      (d) => d.status === 'concluded' && d.mySide === 'seller',
    );
    expect(deal, 'a concluded deal of 京华理工大学 in the demo seed').toBeDefined();
    await page.goto(`/registrations/new?dealId=${deal!.id}`);
    // First run: the draft is created and opened. A reused database: the deal is registered already.
    const state = async () =>
      /\/registrations\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname)
        ? 'opened'
        : (await page.getByText('已有登记申请').count()) > 0
          ? 'duplicate'
          : 'waiting';
    await expect.poll(state, { timeout: WAIT_MS }).not.toBe('waiting');
    const outcome = await state();
    if (outcome === 'opened') {
      await statusIs(page, 'draft');
      const created = await (await page.request.get(`/api/v1${new URL(page.url()).pathname}`)).json();
      expect(created.dealId).toBe(deal!.id);
      await expectVisible(testId(page, 'registration-edit'), 'the edit button of the pre-filled draft');
    } else {
      await expectVisible(testId(page, 'registration-fill-manually'), 'the way back to the empty form');
    }
    await page.screenshot({ path: artifact('registrations-from-deal.png'), fullPage: true });
  });
});

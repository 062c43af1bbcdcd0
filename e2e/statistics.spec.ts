// [STATISTICS] 技术市场统计监测 and open data. The platform admin (admin@) opens 统计监测 from the
// menu, picks 2024 and sees the national 成交额 of the seeded contracts (which reproduce the published
// series, ../shared/data/stats/national_tech_market_turnover.csv: 68,354.0 亿元 in 2024) on the headline
// card, the province map drawn on a canvas, and drills down from the table into 北京 and on to its
// counties; the annual report downloads as XLSX. An anonymous visitor reads the open-data page.
import type { Overview, Regions } from '#shared/contracts/statistics.contract';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { formatFenSum } from '../web/src/features/statistics/stat-format';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser, WAIT_MS } from './fixtures';

useBrowser();

const YEAR = 2024;
/** 2024 national 技术合同成交额 as published (亿元), formatted as the page prints it. */
const PUBLISHED_2024 = '68,354.00';

async function pickYear(page: Page, year: number): Promise<void> {
  await testId(page, 'stat-year').click();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${year}$`) })
    .first();
  await expectVisible(option, `the year ${year} in the year picker`);
  await option.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('year'), { timeout: WAIT_MS }).toBe(String(year));
}

/** Data-testids of the rows the regions table shows (drillable or not), as region codes. */
async function regionCodesInTable(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="stat-regions-table-drill-"], [data-testid^="stat-regions-table-name-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^stat-regions-table-(drill|name)-/, ''));
}

describe('[STATISTICS] technology-market statistics', () => {
  journey(
    '[STATISTICS] admin@ sees the national 2024 figures on the map and drills down into 北京',
    async (page) => {
      await loginThroughForm(page, demoEmail('admin'));
      await expectVisible(testId(page, 'nav-statistics'), 'the 统计监测 menu item');
      await testId(page, 'nav-statistics').click();
      await expect.poll(() => new URL(page.url()).pathname, { timeout: WAIT_MS }).toBe('/statistics');
      await expectVisible(testId(page, 'stat-year'), 'the year picker');
      await pickYear(page, YEAR);

      // The headline card shows the API's national total, formatted from fen with BigInt.
      const res = await page.request.get(`/api/v1/statistics/overview?year=${YEAR}`);
      expect(res.status()).toBe(200);
      const overview = (await res.json()) as Overview;
      expect(overview.region).toBeNull();
      expect(BigInt(overview.total.amountFen) > 0n, 'national 成交额 of 2024 is not zero').toBe(true);
      const expected = formatFenSum(overview.total.amountFen, 'yi');
      const amountCard = testId(page, 'stat-card-amount');
      await expect.poll(async () => (await amountCard.innerText()).replace(/\s+/g, ''), { timeout: WAIT_MS }).toContain(`${expected}亿元`);
      // …which is the published 2024 national figure: the seed reproduces the national series.
      expect(expected, 'seeded 2024 national 成交额 equals the published 68,354.0 亿元').toBe(PUBLISHED_2024);

      // The province map is drawn (ECharts on a canvas) with its provenance note.
      await expectVisible(page.locator('[data-testid="stat-map"] canvas'), 'the province map canvas', 30_000);
      await expectVisible(testId(page, 'map-note'), 'the map provenance note');
      expect(await testId(page, 'map-note').innerText()).toContain('示意图');
      await page.screenshot({ path: artifact('statistics-national.png'), fullPage: true });

      // Drill down through the table (clicking a canvas region is not reliable in a headless browser).
      const beijing = testId(page, 'stat-regions-table-drill-110000');
      await expectVisible(beijing, 'the 北京 row of the regions table');
      await beijing.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('region'), { timeout: WAIT_MS }).toBe('110000');
      await expectVisible(testId(page, 'stat-crumb-110000'), 'the 北京 breadcrumb');

      const children = (await (await page.request.get(`/api/v1/statistics/regions?year=${YEAR}&region=110000`)).json()) as Regions;
      expect(children.rows.length, 'Beijing has child regions').toBeGreaterThan(0);
      expect(children.rows.every((r) => r.code.startsWith('11') && r.code !== '110000')).toBe(true);
      await expect
        .poll(async () => (await regionCodesInTable(page)).sort(), { timeout: WAIT_MS })
        .toEqual(children.rows.map((r) => r.code).sort());
      await expectVisible(testId(page, 'stat-region-bars'), 'the bar chart of Beijing’s regions');

      // One more level where there is one (a 市辖区 level), down to the counties.
      const city = children.rows.find((r) => r.hasChildren);
      if (city) {
        await testId(page, `stat-regions-table-drill-${city.code}`).click();
        await expect.poll(() => new URL(page.url()).searchParams.get('region'), { timeout: WAIT_MS }).toBe(city.code);
        const counties = (await (await page.request.get(`/api/v1/statistics/regions?year=${YEAR}&region=${city.code}`)).json()) as Regions;
        expect(counties.rows.length).toBeGreaterThan(0);
        await expect
          .poll(async () => (await regionCodesInTable(page)).sort(), { timeout: WAIT_MS })
          .toEqual(counties.rows.map((r) => r.code).sort());
      }
      const shown = await regionCodesInTable(page);
      expect(
        shown.some((code) => !code.endsWith('00')),
        'county rows are shown',
      ).toBe(true);
      await page.screenshot({ path: artifact('statistics-drilldown.png'), fullPage: true });

      // Back to the nation through the breadcrumb.
      await testId(page, 'stat-crumb-root').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('region'), { timeout: WAIT_MS }).toBeNull();
      await expectVisible(page.locator('[data-testid="stat-map"] canvas'), 'the province map again');
    },
    { timeout: 120_000 },
  );

  journey('[STATISTICS] admin@ downloads the 2024 annual report as XLSX and CSV', async (page) => {
    await loginThroughForm(page, demoEmail('admin'));
    await page.goto(`/statistics?year=${YEAR}`);
    const xlsxLink = testId(page, 'stat-download-xlsx');
    await expectVisible(xlsxLink, 'the XLSX download');
    const href = await xlsxLink.getAttribute('href');
    expect(href).toBe(`/api/v1/statistics/annual-report.xlsx?year=${YEAR}`);
    const xlsx = await page.request.get(href ?? '');
    expect(xlsx.status()).toBe(200);
    const bytes = await xlsx.body();
    expect(bytes.subarray(0, 2).toString('latin1'), 'an XLSX file is a ZIP archive').toBe('PK');

    const csvHref = await testId(page, 'stat-download-csv').getAttribute('href');
    expect(csvHref).toBe(`/api/v1/statistics/annual-report.csv?year=${YEAR}`);
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.status()).toBe(200);
    expect((await csv.body()).length).toBeGreaterThan(0);
  });
});

describe('[PUBLIC] open data', () => {
  journey('[PUBLIC] an anonymous visitor reads the national figures, definitions and API addresses', async (page) => {
    // Without a session the dashboards' API is closed, the open data is not.
    expect((await page.request.get(`/api/v1/statistics/overview?year=${YEAR}`)).status()).toBe(401);
    const res = await page.request.get(`/api/v1/open-data/technology-market/overview?year=${YEAR}`);
    expect(res.status()).toBe(200);
    const overview = (await res.json()) as Overview;
    expect(BigInt(overview.total.amountFen) > 0n).toBe(true);

    await page.goto(`/open-data?year=${YEAR}`);
    await expectVisible(testId(page, 'stat-card-amount'), 'the 成交额 card');
    const expected = formatFenSum(overview.total.amountFen, 'yi');
    await expect
      .poll(async () => (await testId(page, 'stat-card-amount').innerText()).replace(/\s+/g, ''), { timeout: WAIT_MS })
      .toContain(`${expected}亿元`);
    await expectVisible(page.locator('[data-testid="stat-map"] canvas'), 'the province map canvas', 30_000);
    await expectVisible(testId(page, 'map-note'), 'the map provenance note');
    await expectVisible(testId(page, 'stat-regions-table-name-110000'), 'the 北京 row of the provinces table');
    await expectVisible(testId(page, 'open-data-measures').locator('tbody tr'), 'the measures of the definitions');
    await expectVisible(
      testId(page, 'open-data-api').getByText('/api/v1/open-data/technology-market/overview', { exact: false }),
      'the API addresses',
    );

    const csvHref = await testId(page, 'stat-download-csv').getAttribute('href');
    expect(csvHref).toBe(`/api/v1/open-data/technology-market/annual-report.csv?year=${YEAR}`);
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    await page.screenshot({ path: artifact('open-data.png'), fullPage: true });
  });
});

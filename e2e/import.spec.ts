// [IMPORT] Bulk submission (汇交) through the web UI: a TTO officer uploads a CSV, chooses
// valid-rows-only, watches the progress bar finish and reads the per-row report.
import { describe, expect } from 'vitest';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

describe('[IMPORT] bulk import page', () => {
  journey('[IMPORT] tto imports a CSV with one bad row in valid-rows-only mode and sees the row report', async (page) => {
    await loginThroughForm(page, demoEmail('tto'));
    await testId(page, 'nav-import-achievements').click();
    await page.waitForURL('**/achievements/import');
    const run = Date.now().toString(36);
    const abstract = '本成果提出一种用于锂离子电池正极材料的表面包覆工艺，循环寿命显著提高。';
    const csv = [
      '外部编号,标题,摘要,关键词,技术成熟度',
      `E2E-${run}-1,浏览器导入测试成果一,${abstract},电池、包覆,6`,
      `E2E-${run}-2,浏览器导入测试成果二,${abstract},电池;材料,5`,
      `E2E-${run}-3,浏览器导入测试成果三,${abstract},电池,12`,
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: `import-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByText('仅导入正确的行，其余列入报告').click();
    await testId(page, 'import-start').click();
    await expectVisible(testId(page, 'import-job'), 'the progress and report card');
    await expectVisible(page.getByText('部分导入：有错误的行未导入'), 'the partial-import status', 30_000);
    const report = await testId(page, 'import-report').innerText();
    expect(report).toContain(`E2E-${run}-3`);
    expect(report).toContain('trl');
    expect(report).toContain('不能大于 9');
    expect(await testId(page, 'import-progress').innerText()).toContain('100%');
    await page.screenshot({ path: artifact('import-partial-report.png'), fullPage: true });
  });
});

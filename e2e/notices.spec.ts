// [NOTICES] 协议定价公示: an anonymous visitor opens the public board, opens the seeded notice of
// 京华理工大学 → 鹏城智能 (negotiated price) and files an objection without signing in; the
// university's TTO officer (tto@) sees it with the objector's contact and rejects it with a decision.
import { describe, expect } from 'vitest';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

// Unique per run, so the journey finds its own objection even when the database is reused.
const RUN = Date.now().toString(36).slice(-5);
const OBJECTOR = `公示测试异议人 ${RUN}`;
const CONTACT = `objector-${RUN}@example.cn`;
const SEEDED_TITLE = '钢渣-矿渣-脱硫石膏全固废胶凝材料及其在路基中的应用';
let noticePath = '';

describe('[NOTICES] public notice journey', () => {
  journey('[NOTICES] an anonymous visitor opens the board and the seeded notice and files an objection', async (page) => {
    await page.goto('/notices');
    await expectVisible(testId(page, 'notice-table'), 'the public notice board');
    const link = testId(page, 'notice-link').filter({ hasText: SEEDED_TITLE });
    await expectVisible(link, 'the seeded open notice on the board');
    // Open notices show the days left.
    await expectVisible(testId(page, 'notice-days-left'), 'the days left of an open notice');
    await link.first().click();
    await expectVisible(testId(page, 'notice-detail'), 'the notice page');
    await expect.poll(async () => (await testId(page, 'notice-price').textContent()) ?? '').toContain('¥');
    // The public never sees the objection list (contacts) nor the withdraw button.
    expect(await testId(page, 'objection-list').count()).toBe(0);
    expect(await testId(page, 'notice-withdraw').count()).toBe(0);
    noticePath = new URL(page.url()).pathname;

    await expectVisible(testId(page, 'objection-form'), 'the public objection form');
    await testId(page, 'objection-name').fill(OBJECTOR);
    await testId(page, 'objection-contact').fill(CONTACT);
    await testId(page, 'objection-body').fill(`成果完成人名单可能遗漏了参与中试的工程师，请核实（${RUN}）。`);
    await testId(page, 'objection-submit').click();
    await expectVisible(page.locator('.ant-message-success'), 'the confirmation that the objection was filed');
    await expect.poll(async () => (await testId(page, 'notice-objection-count').textContent()) ?? '').toMatch(/待处理|pending/);
    expect(await page.content()).not.toContain(CONTACT);
    await page.screenshot({ path: artifact('notices-objection-filed.png'), fullPage: true });
  });

  journey('[NOTICES] the TTO officer of the seller sees the objection with its contact and rejects it with a decision', async (page) => {
    expect(noticePath, 'the first journey found the notice').toMatch(/^\/notices\//);
    await loginThroughForm(page, demoEmail('tto'));
    await page.goto(noticePath);
    await expectVisible(testId(page, 'objection-list'), 'the objection list for the seller side');
    const item = testId(page, 'objection-item').filter({ hasText: OBJECTOR });
    await expectVisible(item, 'this run’s objection');
    await expectVisible(item.getByText(CONTACT), 'the objector’s contact, visible to the seller side');
    await item.getByTestId('objection-decision').fill('经核查，成果完成人名单与科研项目结题材料一致，异议不成立。');
    await item.getByTestId('objection-reject').click();
    await expectVisible(page.locator('.ant-message-success'), 'the confirmation that the decision was recorded');
    await expect.poll(async () => item.first().getAttribute('data-status')).toBe('rejected');
    await expectVisible(item.getByTestId('objection-decision-text'), 'the recorded decision');
    await page.screenshot({ path: artifact('notices-objection-rejected.png'), fullPage: true });
  });
});

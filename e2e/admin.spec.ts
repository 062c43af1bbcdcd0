// [ADMIN] Region-scoped administration: a province administrator sees their own region and is
// refused another province's page; the platform administrator reaches users and the audit trail.
import { describe, expect } from 'vitest';
import { artifact, demoEmail, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

describe('[ADMIN] region scope', () => {
  journey('[ADMIN] bj-admin opening 广东 /admin/regions/440000 gets the forbidden page', async (page) => {
    await loginThroughForm(page, demoEmail('bj-admin'));
    await page.goto('/admin/regions/440000');
    await expectVisible(testId(page, 'forbidden-page'), 'the forbidden page for a cross-region page');
    const body = await page.locator('body').innerText();
    expect(body, 'no 广东 account may leak into the forbidden page').not.toContain('gd-admin@demo.transfernet.cn');
    expect(body).not.toContain('广东省区域管理员');
  });

  journey('[ADMIN] bj-admin opening 北京 /admin/regions/110000 sees the region users', async (page) => {
    await loginThroughForm(page, demoEmail('bj-admin'));
    await page.goto('/admin/regions/110000');
    await expectVisible(page.getByText('bj-registrar@demo.transfernet.cn'), 'the 北京 registrar in the region page');
    await expectVisible(page.getByText('researcher@demo.transfernet.cn', { exact: true }), 'a 海淀 (110108) researcher, inside 北京');
    expect(await testId(page, 'forbidden-page').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body, 'a 广东 account is outside bj-admin’s region').not.toContain('gd-admin@demo.transfernet.cn');
    await page.screenshot({ path: artifact('admin-region-110000-bj-admin.png'), fullPage: true });
  });

  journey('[ADMIN] the header link takes a regional administrator to their own region', async (page) => {
    await loginThroughForm(page, demoEmail('gd-admin'));
    await testId(page, 'nav-admin-region').click();
    await page.waitForURL('**/admin/regions/440000');
    await expectVisible(page.getByText('gd-registrar@demo.transfernet.cn'), 'the 广东 registrar on gd-admin’s region page');
    await expectVisible(page.getByText('enterprise@demo.transfernet.cn', { exact: true }), 'a 深圳 (440305) member, inside 广东');
    expect(await testId(page, 'forbidden-page').count()).toBe(0);
  });

  journey('[ADMIN] the platform administrator lists users of every province and opens the audit trail', async (page) => {
    await loginThroughForm(page, demoEmail('admin'));
    await testId(page, 'nav-admin-users').click();
    await page.waitForURL('**/admin/users');
    await expectVisible(page.getByText('bj-registrar@demo.transfernet.cn'), 'a 北京 user in the user list');
    await expectVisible(page.getByText('gd-registrar@demo.transfernet.cn'), 'a 广东 user in the user list');
    await page.screenshot({ path: artifact('admin-users-platform-admin.png'), fullPage: true });

    await testId(page, 'nav-admin-audit').click();
    await page.waitForURL('**/admin/audit');
    // Newest first: this sign-in's session.created event, by admin@….
    await expectVisible(page.getByText('session.created'), 'the sign-in event in the audit trail');
    await expectVisible(page.getByText(/^admin@demo\.transfernet\.cn/), 'the administrator as the actor of an event');
    expect(await testId(page, 'forbidden-page').count()).toBe(0);
    await page.screenshot({ path: artifact('admin-audit-platform-admin.png'), fullPage: true });
  });

  journey('[ADMIN] user administration shows a province administrator only their region', async (page) => {
    await loginThroughForm(page, demoEmail('bj-admin'));
    await testId(page, 'nav-admin-users').click();
    await page.waitForURL('**/admin/users');
    await expectVisible(page.getByText('bj-registrar@demo.transfernet.cn'), 'a 北京 user in bj-admin’s user list');
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('gd-registrar@demo.transfernet.cn');
    expect(body).not.toContain('broker@demo.transfernet.cn');
  });

  journey('[ADMIN] a province administrator cannot open the audit trail', async (page) => {
    await loginThroughForm(page, demoEmail('bj-admin'));
    await page.goto('/admin/audit');
    await expectVisible(testId(page, 'forbidden-page'), 'the forbidden page for the audit trail');
  });

  journey('[ADMIN] a researcher opening an administration page gets the forbidden page', async (page) => {
    await loginThroughForm(page, demoEmail('researcher'));
    await page.goto('/admin/regions/110000');
    await expectVisible(testId(page, 'forbidden-page'), 'the forbidden page for a non-administrator');
  });
});

// [AUTH][REGISTER] Self-service registration through /register signs the new account in.
import { describe, expect } from 'vitest';
import { expectNotRendered, expectVisible, journey, testId, useBrowser } from './fixtures';

useBrowser();

describe('[AUTH][REGISTER] registration', () => {
  journey('[AUTH][REGISTER] a visitor registers as a researcher and is signed in with member navigation', async (page) => {
    const email = `e2e-${Date.now()}@example.cn`;
    const password = 'Register2026!ok';
    const before = await (await page.request.get('/api/v1/platform/figures')).json();

    await page.goto('/register');
    await expectVisible(testId(page, 'register-email'), 'the registration form');
    await testId(page, 'register-email').fill(email);
    await testId(page, 'register-display-name').fill('端到端测试用户');
    await testId(page, 'register-password').fill(password);
    await testId(page, 'register-confirm-password').fill(password);
    await testId(page, 'register-role').locator('input[value="researcher"]').check();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/register') && r.request().method() === 'POST'),
      testId(page, 'register-submit').click(),
    ]);
    expect(res.status()).toBe(201);

    await expectVisible(testId(page, 'user-menu'), 'the user menu of the new account');
    await expectVisible(testId(page, 'nav-profile'), 'the profile link of the new account');
    for (const id of ['nav-login', 'nav-admin-users', 'nav-admin-region', 'nav-admin-audit']) {
      await expectNotRendered(page, id, 'a new researcher is signed in without admin roles');
    }
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    expect(me.email).toBe(email);
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['researcher']);
    const after = await (await page.request.get('/api/v1/platform/figures')).json();
    expect(after.users).toBe(before.users + 1);
  });

  journey('[AUTH][REGISTER] mismatched passwords are caught in the form and nothing is sent', async (page) => {
    let posted = false;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/auth/register')) {
        posted = true;
      }
    });
    await page.goto('/register');
    await expectVisible(testId(page, 'register-email'), 'the registration form');
    await testId(page, 'register-email').fill(`e2e-mismatch-${Date.now()}@example.cn`);
    await testId(page, 'register-display-name').fill('两次密码不同');
    await testId(page, 'register-password').fill('Register2026!ok');
    await testId(page, 'register-confirm-password').fill('Register2026!no');
    await testId(page, 'register-submit').click();
    await expectVisible(page.locator('.ant-form-item-explain-error'), 'a field error under the confirmation');
    expect(posted).toBe(false);
    await expectNotRendered(page, 'user-menu', 'the form was not sent');
  });
});

// [AUTH][NAV] Every demo role signs in through the login form and sees exactly its navigation.
import { describe, expect } from 'vitest';
import { demoEmail, expectHidden, expectNotRendered, expectVisible, journey, loginThroughForm, testId, useBrowser } from './fixtures';

useBrowser();

type Access = 'platform' | 'regional' | 'member';

const ROLES: { account: string; role: string; access: Access }[] = [
  { account: 'admin', role: 'platform_admin', access: 'platform' },
  { account: 'bj-admin', role: 'regional_admin 北京 110000', access: 'regional' },
  { account: 'gd-admin', role: 'regional_admin 广东 440000', access: 'regional' },
  { account: 'bj-registrar', role: 'registrar 北京', access: 'member' },
  { account: 'tto', role: 'tto_officer', access: 'member' },
  { account: 'broker', role: 'broker', access: 'member' },
  { account: 'researcher', role: 'researcher', access: 'member' },
  { account: 'enterprise', role: 'enterprise_member', access: 'member' },
  { account: 'investor', role: 'investor', access: 'member' },
  { account: 'visitor', role: 'visitor (no role)', access: 'member' },
];

const PUBLIC_NAV = ['nav-home', 'nav-organisations', 'nav-code-lists', 'lang-switch'];
const SIGNED_IN_NAV = ['nav-profile', 'user-menu'];
const ADMIN_NAV: Record<Access, { shown: string[]; hidden: string[] }> = {
  platform: { shown: ['nav-admin-users', 'nav-admin-region', 'nav-admin-audit'], hidden: [] },
  regional: { shown: ['nav-admin-users', 'nav-admin-region'], hidden: ['nav-admin-audit'] },
  member: { shown: [], hidden: ['nav-admin-users', 'nav-admin-region', 'nav-admin-audit'] },
};

describe('[AUTH][NAV] demo accounts', () => {
  for (const { account, role, access } of ROLES) {
    journey(`[AUTH][NAV] ${account} (${role}) signs in through the form and sees the ${access} navigation`, async (page) => {
      const email = demoEmail(account);
      await loginThroughForm(page, email);
      for (const id of [...PUBLIC_NAV, ...SIGNED_IN_NAV, ...ADMIN_NAV[access].shown]) {
        await expectVisible(testId(page, id), `data-testid=${id} for ${email}`);
      }
      await expectNotRendered(page, 'nav-login', 'signed in');
      for (const id of ADMIN_NAV[access].hidden) {
        await expectNotRendered(page, id, `${email} is ${role}`);
      }
    });
  }
});

describe('[AUTH] sessions', () => {
  journey('[AUTH][NAV] an anonymous visitor sees the public navigation and the login link only', async (page) => {
    await page.goto('/');
    for (const id of [...PUBLIC_NAV, 'nav-login']) {
      await expectVisible(testId(page, id), `data-testid=${id} for an anonymous visitor`);
    }
    for (const id of [...SIGNED_IN_NAV, 'logout', ...ADMIN_NAV.member.hidden]) {
      await expectNotRendered(page, id, 'nobody is signed in');
    }
  });

  journey('[AUTH] a wrong password keeps the visitor signed out', async (page) => {
    await page.goto('/');
    await testId(page, 'nav-login').click();
    await expectVisible(testId(page, 'login-email'), 'the login form');
    await testId(page, 'login-email').fill(demoEmail('researcher'));
    await testId(page, 'login-password').fill('Wrong2026!pass');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST'),
      testId(page, 'login-submit').click(),
    ]);
    expect(res.status()).toBe(401);
    expect((await page.request.get('/api/v1/auth/session')).status()).toBe(401);
    await expectNotRendered(page, 'user-menu', 'the password was wrong');
    await expectVisible(testId(page, 'login-submit'), 'the login form, still shown');
  });

  journey('[AUTH] signing out from the user menu ends the session', async (page) => {
    await loginThroughForm(page, demoEmail('researcher'));
    // The entry inside an open dropdown only: antd keeps a closed menu in the DOM, and a click at a
    // closed menu's position lands on the header button behind it.
    const logout = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) [data-testid="logout"]');
    if (!(await logout.isVisible())) {
      await testId(page, 'user-menu').click();
    }
    await expectVisible(logout, 'the logout entry');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout')), logout.click()]);
    await expectVisible(testId(page, 'nav-login'), 'the login link after signing out');
    await expectHidden(testId(page, 'user-menu'), 'the user menu after signing out');
    await page.reload();
    await expectVisible(testId(page, 'nav-login'), 'the login link after a reload');
    await expectNotRendered(page, 'nav-profile', 'signed out');
  });
});

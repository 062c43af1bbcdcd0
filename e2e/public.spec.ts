// [PUBLIC] What an anonymous visitor sees and may do: live figures, and no writes without a session.
import { describe, expect } from 'vitest';
import { artifact, expectHidden, expectVisible, journey, numbersIn, testId, useBrowser } from './fixtures';

useBrowser();

describe('[PUBLIC] anonymous visitor', () => {
  journey('[PUBLIC] the home page shows live figures counted from the seeded data', async (page) => {
    const figures = await (await page.request.get('/api/v1/platform/figures')).json();
    expect(figures.organisations).toBeGreaterThan(0);
    expect(figures.users).toBeGreaterThan(0);

    await page.goto('/');
    for (const [id, value] of [
      ['figure-organisations', figures.organisations],
      ['figure-users', figures.users],
    ] as const) {
      const figure = testId(page, id);
      await expectVisible(figure, `data-testid=${id}`);
      // The figure may be animated or load after the page: wait until it shows the live number.
      await expect.poll(async () => numbersIn(await figure.first().innerText()), { timeout: 15_000 }).toContain(value);
    }
    // The charts are loaded lazily: let them render before the screenshot.
    await expectHidden(page.getByText('加载中'), 'the home page loading indicators', 20_000);
    await page.screenshot({ path: artifact('home-anonymous.png'), fullPage: true });
  });

  journey('[PUBLIC] writing through the API without a session is refused with 401', async (page) => {
    await page.goto('/');
    const before = await (await page.request.get('/api/v1/platform/figures')).json();
    const writes: [method: 'post' | 'patch', url: string, body: unknown][] = [
      ['post', '/api/v1/organisations', { name: '未登录者的机构', type: 'enterprise', regionCode: '110000' }],
      ['patch', '/api/v1/auth/profile', { displayName: '匿名' }],
      ['post', '/api/v1/auth/tokens', { name: 'anonymous', scopes: ['read'] }],
      ['post', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles', { role: 'platform_admin' }],
    ];
    for (const [method, url, data] of writes) {
      const res = await page.request[method](url, { data });
      expect(res.status(), `${method.toUpperCase()} ${url}`).toBe(401);
      expect((await res.json()).error.code, `${method.toUpperCase()} ${url}`).toBe('common/unauthenticated');
    }
    // The same from the page's own script (fetch with the browser's cookies: there are none).
    const fromPage = await page.evaluate(async () => {
      const res = await fetch('/api/v1/organisations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '页面脚本的机构', type: 'enterprise', regionCode: '110000' }),
      });
      return res.status;
    });
    expect(fromPage).toBe(401);
    const after = await (await page.request.get('/api/v1/platform/figures')).json();
    expect(after.organisations).toBe(before.organisations);
  });
});

// [I18N] Chinese first; the header switch turns the interface to English and back, and is remembered.
import { describe, expect } from 'vitest';
import { expectVisible, journey, testId, useBrowser } from './fixtures';

useBrowser();

describe('[I18N] language', () => {
  journey('[I18N] the interface is Chinese by default and lang-switch turns it to English and back', async (page) => {
    await page.goto('/');
    const home = testId(page, 'nav-home');
    await expectVisible(home, 'the home navigation item');
    expect(await home.innerText()).toContain('首页');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);

    await testId(page, 'lang-switch').click();
    await expect.poll(() => home.innerText(), { timeout: 10_000 }).toContain('Home');
    expect(await home.innerText()).not.toContain('首页');
    expect(await testId(page, 'nav-organisations').innerText()).toMatch(/[A-Za-z]/);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);

    // The choice is remembered by the browser.
    await page.reload();
    await expectVisible(home, 'the home navigation item after a reload');
    expect(await home.innerText()).toContain('Home');

    await testId(page, 'lang-switch').click();
    await expect.poll(() => home.innerText(), { timeout: 10_000 }).toContain('首页');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
  });
});

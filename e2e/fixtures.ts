// Shared pieces of the browser journeys: one Debian Chromium per spec file (playwright-core, never a
// downloaded browser), a fresh context per journey, demo accounts, and small waiting helpers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const baseUrl = process.env.E2E_BASE_URL;
if (!baseUrl) {
  throw new Error('E2E_BASE_URL is not set: run the browser suite with `npm run test:e2e` (it starts the server)');
}
export const BASE_URL = baseUrl.replace(/\/$/, '');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags known to work on this machine kind: no sandbox as root, no background traffic to the closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));

export const DEMO_PASSWORD = 'Demo2026!pass';
export const demoEmail = (name: string) => `${name}@demo.transfernet.cn`;

export const WAIT_MS = 15_000;

let browser: Browser | undefined;

/** Launches Chromium once for the spec file (Playwright gives it a new empty --user-data-dir). */
export function useBrowser(): void {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

function slug(s: string): string {
  return s
    .replace(/[^A-Za-z0-9\u4e00-\u9fff-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** Path of a screenshot or other file under e2e/.artifacts/ (gitignored). */
export function artifact(name: string): string {
  return join(ARTIFACTS, name);
}

/** Every journey's browser context: no cookies, Chinese locale and time zone, desktop viewport. */
const CONTEXT_OPTIONS = { baseURL: BASE_URL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } } as const;

/**
 * A page in a context of its own, signed in as the demo account `local`: for journeys where several
 * people act at once (two bidders in one auction). Closed with the spec file's browser.
 */
export async function signedInPage(local: string): Promise<Page> {
  if (!browser) {
    throw new Error('useBrowser() was not called in this spec file');
  }
  const page = await (await browser.newContext(CONTEXT_OPTIONS)).newPage();
  await loginThroughForm(page, demoEmail(local));
  return page;
}

type JourneyOptions = { timeout?: number };

/**
 * One browser journey: a fresh context (no cookies, Chinese locale, desktop viewport) and page.
 * A failure leaves a full-page screenshot in e2e/.artifacts/; an uncaught page error fails the journey.
 */
export function journey(title: string, fn: (page: Page) => Promise<void>, opts: JourneyOptions = {}): void {
  it(
    title,
    async () => {
      if (!browser) {
        throw new Error('useBrowser() was not called in this spec file');
      }
      const context = await browser.newContext(CONTEXT_OPTIONS);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => {
        // Chromium reports this benign layout notice as an error event; it is not an application fault.
        if (!err.message.includes('ResizeObserver loop')) {
          pageErrors.push(err.message);
        }
      });
      try {
        await fn(page);
        expect(pageErrors, 'uncaught errors in the page').toEqual([]);
      } catch (err) {
        await page.screenshot({ path: artifact(`failed-${slug(title)}.png`), fullPage: true }).catch(() => undefined);
        throw err;
      } finally {
        await context.close();
      }
    },
    opts.timeout,
  );
}

/** The element with `data-testid=id`. */
export function testId(page: Page, id: string): Locator {
  return page.getByTestId(id);
}

/** Waits until the element is visible, with a message naming what was expected. */
export async function expectVisible(locator: Locator, what: string, timeout = WAIT_MS): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected ${what} to be visible within ${timeout} ms`);
  }
}

/** Waits until no matching element is visible (absent or hidden). */
export async function expectHidden(locator: Locator, what: string, timeout = WAIT_MS): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`expected ${what} to be hidden within ${timeout} ms`);
  }
}

/** Asserts the element is not in the page at all (call once the page has settled). */
export async function expectNotRendered(page: Page, id: string, why: string): Promise<void> {
  expect(await page.getByTestId(id).count(), `data-testid=${id} must not be rendered: ${why}`).toBe(0);
}

/** Signs in through the login form, starting from the header's login link, and waits for the user menu. */
export async function loginThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await expectVisible(testId(page, 'nav-login'), 'the header login link');
  await testId(page, 'nav-login').click();
  await expectVisible(testId(page, 'login-email'), 'the login form');
  await testId(page, 'login-email').fill(email);
  await testId(page, 'login-password').fill(password);
  await testId(page, 'login-submit').click();
  await expectVisible(testId(page, 'user-menu'), `the user menu after ${email} signs in`);
}

/** Every digit group in a text, as numbers ("机构 1,234 家" → [1234]). */
export function numbersIn(text: string): number[] {
  return (text.match(/\d[\d,]*/g) ?? []).map((s) => Number(s.replace(/,/g, '')));
}

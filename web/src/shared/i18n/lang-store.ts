import type { Lang } from '#shared/i18n/error-messages';

export type { Lang };

/** localStorage key of the chosen interface language. */
export const LANG_STORAGE_KEY = 'tn.lang';
export const DEFAULT_LANG: Lang = 'zh';

export function parseLang(value: unknown): Lang | null {
  return value === 'zh' || value === 'en' ? value : null;
}

/** The `Accept-Language` value the API expects for a language. */
export function acceptLanguageOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The BCP 47 tag for `<html lang>` and `Intl` formatters. */
export function localeTagOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

function readStoredLang(): Lang {
  try {
    return parseLang(globalThis.localStorage?.getItem(LANG_STORAGE_KEY)) ?? DEFAULT_LANG;
  } catch {
    // Storage can be blocked (private mode, sandboxed iframe); fall back to the default.
    return DEFAULT_LANG;
  }
}

// A tiny external store rather than React state: the HTTP wrapper reads the language outside
// React (for Accept-Language), and components subscribe through useSyncExternalStore.
let current: Lang = readStoredLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) {
    return;
  }
  current = lang;
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
  for (const listener of listeners) {
    listener();
  }
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

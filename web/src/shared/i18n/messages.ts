import type { Lang } from './lang-store';
import { useLang } from './useLang';

/** UI text of one feature, Chinese first; the English table must have exactly the same keys. */
export type Messages<T> = Record<Lang, T>;

/** Declares a feature's text. `en` is checked against the shape inferred from `zh`. */
export function defineMessages<T>(messages: { zh: T; en: NoInfer<T> }): Messages<T> {
  return messages;
}

/** The text table of `messages` in the current language. */
export function useMessages<T>(messages: Messages<T>): T {
  return messages[useLang()];
}

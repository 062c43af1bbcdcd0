import { useSyncExternalStore } from 'react';
import { getLang, subscribeLang, type Lang } from './lang-store';

/** The current interface language; re-renders when it changes. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribeLang, getLang, getLang);
}

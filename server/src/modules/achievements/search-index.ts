import type { DbConn } from '#server/db/types';

/** What the catalogue hands the search module when a listing becomes (or stays) public. */
export type SearchDocument = {
  id: string;
  kind: 'achievement' | 'demand';
  title: string;
  /** Public text only: never an NDA-gated section. */
  text: string;
  keywords: string[];
  /** Structured facets and filters (domain, industries, region, TRL, modes, price…). */
  meta: Record<string, unknown>;
};

/**
 * The search module's write side, called inside the transaction that publishes or withdraws a
 * listing (`tx` is that transaction), so a listing is searchable exactly while it is published.
 */
export type SearchIndexHook = {
  upsert(doc: SearchDocument, tx: DbConn): Promise<void>;
  remove(id: string, tx: DbConn): Promise<void>;
};

/** Code lists checked on input: returns the codes of `codes` that the list does not have. */
export type UnknownCodes = (list: 'technology-domains' | 'industries', codes: readonly string[]) => Promise<string[]>;

/**
 * An UnknownCodes backed by the regions module's code lists. Both lists are reference data that
 * change only with a deployment, so each is loaded once and kept.
 */
export function createCodeChecker(getCodeList: (name: 'technology-domains' | 'industries') => Promise<{ items: { code: string }[] }>): UnknownCodes {
  const cache = new Map<string, Promise<Set<string>>>();
  return async (list, codes) => {
    if (codes.length === 0) {
      return [];
    }
    let known = cache.get(list);
    if (!known) {
      known = getCodeList(list).then((l) => new Set(l.items.map((i) => i.code)));
      // A failed load is not cached: the next call tries again.
      void known.catch(() => cache.delete(list));
      cache.set(list, known);
    }
    const set = await known;
    return codes.filter((c) => !set.has(c));
  };
}

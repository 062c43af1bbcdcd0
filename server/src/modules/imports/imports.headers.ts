import { AppError } from '#server/lib/app-error';

// Column headers of an imported table, shared by every import (achievements, contract registrations):
// a header is the API field name or one of the labels accepted for it, compared loosely.

/** Header text → comparable key: NFKC (full-width → ASCII), no spaces, `*`, `_`, `-` or BOM, lower case. Pure. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s*_\-\uFEFF]/g, '')
    .toLowerCase();
}

/** Every accepted header (the field name and each of its labels), normalised → its column. Pure. */
export function headerIndex<C extends string>(columns: Readonly<Record<C, readonly string[]>>): ReadonlyMap<string, C> {
  const index = new Map<string, C>();
  for (const [field, labels] of Object.entries(columns) as [C, readonly string[]][]) {
    for (const label of [field, ...labels]) {
      index.set(normaliseHeader(label), field);
    }
  }
  return index;
}

/**
 * The file's headers → their columns by `index`. Throws import/unknown_columns (naming `expected`,
 * the headers a reader may use) for a header the index does not know, or a second header naming a
 * column already matched (ambiguous). Which columns are required is the caller's rule. Pure.
 */
export function matchHeaders<C extends string>(headers: readonly string[], index: ReadonlyMap<string, C>, expected: string): Map<string, C> {
  const map = new Map<string, C>();
  const unknown: string[] = [];
  const seen = new Set<C>();
  for (const h of headers) {
    const col = index.get(normaliseHeader(h));
    if (!col || seen.has(col)) {
      unknown.push(h);
      continue;
    }
    seen.add(col);
    map.set(h, col);
  }
  if (unknown.length) {
    throw new AppError(
      'import/unknown_columns',
      `unknown columns ${unknown.join(', ')}`,
      { unknown, expected },
      { unknown: unknown.join('、'), expected },
    );
  }
  return map;
}

/** A plain-text fragment and the [start, end) UTF-16 offsets of matched terms in it. */
export type Fragment = { text: string; ranges: [number, number][] };

/**
 * Normalises `text` character by character (NFKC + lower case, as the analyser does) and keeps, for
 * every position of the normalised string, the offset of the original character it came from.
 */
function normaliseWithMap(text: string): { norm: string; origin: number[] } {
  let norm = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    for (let j = 0; j < n.length; j++) {
      origin.push(i);
    }
    norm += n;
    i += ch.length;
  }
  origin.push(i);
  return { norm, origin };
}

/** Every occurrence of any term in `text`, as merged [start, end) ranges of the original text. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { norm, origin } = normaliseWithMap(text);
  const raw: [number, number][] = [];
  for (const term of terms) {
    if (!term) {
      continue;
    }
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
      raw.push([origin[at]!, origin[at + term.length]!]);
    }
  }
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      merged.push([r[0], r[1]]);
    }
  }
  return merged;
}

/**
 * A fragment of at most `max` characters of `text` around its first and densest matches, with
 * the match ranges relative to the fragment. Without a match it is the start of the text.
 * Ellipses mark cut ends; ranges never point into them.
 */
export function fragmentOf(text: string, terms: readonly string[], max = 160): Fragment {
  const ranges = matchRanges(text, terms);
  if (text.length <= max) {
    return { text, ranges };
  }
  // The window that starts a little before the match that covers the most matches within `max`.
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < ranges.length; i++) {
    const start = Math.max(0, ranges[i]![0] - 20);
    const count = ranges.filter((r) => r[0] >= start && r[1] <= start + max).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  let start = Math.min(bestStart, text.length - max);
  // Do not cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) {
    start--;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) {
    end--;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + text.slice(start, end) + suffix,
    ranges: ranges.filter((r) => r[0] >= start && r[1] <= end).map((r) => [r[0] + shift, r[1] + shift] as [number, number]),
  };
}

/** One piece of a highlighted text: plain, or a matched term to wrap in <mark>. */
export type HighlightSegment = { text: string; mark: boolean };

/**
 * Splits `text` at the [start, end) `ranges` of matched terms (UTF-16 offsets, as JavaScript strings
 * count). Ranges are clamped to the text, sorted and merged; empty, reversed or non-integer ranges
 * are dropped, so a malformed highlight degrades to plain text instead of breaking the page.
 */
export function highlightSegments(text: string, ranges: readonly (readonly [number, number])[]): HighlightSegment[] {
  const clean = ranges
    .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e))
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of clean) {
    const last = merged.at(-1);
    if (last && s <= last[1]) {
      last[1] = Math.max(last[1], e);
    } else {
      merged.push([s, e]);
    }
  }
  const out: HighlightSegment[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) {
      out.push({ text: text.slice(at, s), mark: false });
    }
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length || out.length === 0) {
    out.push({ text: text.slice(at), mark: false });
  }
  return out;
}

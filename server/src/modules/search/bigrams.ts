import { normaliseText } from './normalize';

const HAN_RUN = /\p{Script=Han}+/gu;
const ALNUM_RUN = /\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu;

/** Overlapping character bigrams of a string ("遗传多样" → 遗传, 传多, 多样); one char → itself. */
export function charBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) {
    return chars;
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * The baseline analyser: character bigrams of every Han run, and Latin/number runs whole.
 * No dictionary, no stop words: what a language-agnostic CJK search engine does.
 */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  // Padding Han runs with spaces separates them from adjacent Latin letters and digits.
  const spaced = normaliseText(text).replace(HAN_RUN, ' $& ');
  for (const m of spaced.matchAll(ALNUM_RUN)) {
    const part = m[0];
    if (/^\p{Script=Han}/u.test(part)) {
      out.push(...charBigrams(part));
    } else {
      out.push(part);
    }
  }
  return out;
}

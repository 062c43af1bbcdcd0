// Text normalisation shared by indexing, querying and highlighting.

// Typeset numbers in Chinese journals group decimals in threes with a (thin) space: "0.713 5".
const DECIMAL_GROUP = /(\d\.\d{3})[ \u2009\u202f](\d{1,3})(?!\d)/g;

/**
 * Normalises text for analysis: NFKC (full-width letters, digits and punctuation become
 * half-width), lower case, and typeset digit groups joined ("0.093 6" → "0.0936").
 * The result may differ in length from the input; highlighting maps offsets itself.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DECIMAL_GROUP, '$1$2');
}

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** True when the string contains at least one Han character. */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** True when every character of the string is a Han character. */
export function isHanWord(s: string): boolean {
  return HAN_ONLY.test(s);
}

// GB 32100-2015 统一社会信用代码: 18 characters from a 31-character alphabet (no I, O, Z, S, V);
// the last one is a check character computed from the first 17 with fixed weights, mod 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when they use a character outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) {
      return null;
    }
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check);
}

/** Validates format and checksum of a unified social credit code. */
export function isValidCreditCode(code: string): boolean {
  const c = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(c)) {
    return false;
  }
  return creditCodeCheckChar(c.slice(0, 17)) === c.charAt(17);
}

/** Builds a valid code from a 17-character body (demo data and tests). */
export function withCreditCodeCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) {
    throw new Error(`invalid credit-code body: ${first17}`);
  }
  return first17 + check;
}

import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so ids read aloud and typed by hand stay unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The chain id that follows a technology from its catalogue entry through deals and contract
 * registration into the statistics: `TN` + kind letter + year + 10 random base32 characters
 * (50 bits), e.g. `TNA2026K7M3Q9ZP2X`. Kinds: A achievement, D demand, C a contract signed outside the market.
 */
export function newChainId(kind: 'A' | 'D' | 'C', now: Date): string {
  return `TN${kind}${now.getUTCFullYear()}${randomBase32(10)}`;
}

/** A deal number people quote on the phone and on the contract: `JY` + year + `-` + 8 base32 characters. */
export function newDealNo(now: Date): string {
  return `JY${now.getUTCFullYear()}-${randomBase32(8)}`;
}

/** `n` random Crockford base32 characters (5 bits each). */
function randomBase32(n: number): string {
  let s = '';
  for (const b of randomBytes(n)) {
    s += ALPHABET.charAt(b & 31);
  }
  return s;
}

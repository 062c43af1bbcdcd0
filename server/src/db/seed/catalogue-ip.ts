import type { IpItem } from '#shared/contracts/achievements.contract';
import { sha256Hex } from '#server/lib/crypto';
import type { IpSpec } from './catalogue-types';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/**
 * Check character of a 12-digit CNIPA application number (year 4 + type 1 + serial 7): the digits
 * weighted 2,3,4,5,6,7,8,9,2,3,4,5, sum modulo 11, 10 written as X.
 */
export function cnPatentCheckChar(digits12: string): string {
  if (!/^\d{12}$/.test(digits12)) {
    throw new Error(`expected 12 digits, got ${digits12}`);
  }
  const sum = [...digits12].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** True when `n` is a well-formed CN application or patent number (`ZL`/`CN` optional) with a valid check character. */
export function isValidCnPatentNumber(n: string): boolean {
  const m = /^(?:ZL|CN)?(\d{12})\.([\dX])$/.exec(n);
  return m !== null && cnPatentCheckChar(m[1]!) === m[2];
}

/** Seven deterministic digits for the `i`-th right of a listing (stable across runs and machines). */
function serial(seed: string, i: number, digits: number): string {
  const n = parseInt(sha256Hex(`${seed}#${i}`).slice(0, 12), 16) % 10 ** digits;
  return String(n).padStart(digits, '0');
}

const PATENT: Record<string, { type: '1' | '2' | '3'; patentType: NonNullable<IpItem['patentType']>; status: NonNullable<IpItem['legalStatus']>; granted: boolean }> = {
  I: { type: '1', patentType: 'invention', status: 'granted', granted: true },
  U: { type: '2', patentType: 'utility_model', status: 'granted', granted: true },
  D: { type: '3', patentType: 'design', status: 'granted', granted: true },
  X: { type: '1', patentType: 'invention', status: 'expired', granted: true },
  A: { type: '1', patentType: 'invention', status: 'pending', granted: false },
};

/**
 * Expands the short IP form of the seed data into IP items with plausible numbers: granted patents
 * `ZL` + 12 digits + check (e.g. ZL202110123456.7), applications the bare application number,
 * software copyrights `2023SR0123456`, plant variety rights `CNA20211234.5`, know-how without number.
 */
export function expandIp(listingId: string, specs: readonly IpSpec[]): IpItem[] {
  return specs.map(([code, title], i) => {
    const m = /^(I|U|D|X|A|SW|PV|KH)(\d{4})?$/.exec(code);
    if (!m) {
      throw new Error(`bad IP code ${code} in ${listingId}`);
    }
    const [, kind, year] = m;
    if (kind === 'KH') {
      return { kind: 'know_how', title };
    }
    if (!year) {
      throw new Error(`IP code ${code} in ${listingId} needs a year`);
    }
    if (kind === 'SW') {
      return { kind: 'software_copyright', number: `${year}SR${serial(listingId, i, 7)}`, title };
    }
    if (kind === 'PV') {
      const body = `${year}${serial(listingId, i, 4)}`;
      return { kind: 'plant_variety', number: `CNA${body}.${cnPatentCheckChar(`${body}0000`).replace('X', '0')}`, title };
    }
    const p = PATENT[kind!]!;
    const digits = `${year}${p.type}${serial(listingId, i, 7)}`;
    const number = `${p.granted ? 'ZL' : ''}${digits}.${cnPatentCheckChar(digits)}`;
    return { kind: p.granted ? 'patent' : 'patent_application', number, patentType: p.patentType, legalStatus: p.status, title };
  });
}

// Money in the statistics API is a decimal string of fen (分): a national multi-year sum passes
// 2^53, so totals are divided with BigInt before they ever become a JavaScript number.

/** 亿元 (10^8 yuan) or 万元 (10^4 yuan). */
export type AmountUnit = 'yi' | 'wan';

const FEN_PER_UNIT: Record<AmountUnit, bigint> = {
  yi: 10_000_000_000n, // 10^8 yuan × 100 fen
  wan: 1_000_000n, // 10^4 yuan × 100 fen
};

const FEN_SUM = /^-?\d+$/;

/** The fen string as a BigInt; null when it is not a decimal integer. */
export function parseFen(s: string | null | undefined): bigint | null {
  if (typeof s !== 'string' || !FEN_SUM.test(s)) {
    return null;
  }
  return BigInt(s);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A fen sum in 亿元 or 万元 with `decimals` places, rounded half away from zero, with thousands
 * separators: formatFenSum('6835400000000000', 'yi') → '68,354.00'. '—' for a missing or bad value.
 */
export function formatFenSum(s: string | null | undefined, unit: AmountUnit, decimals = 2, grouping = true): string {
  const fen = parseFen(s);
  if (fen === null) {
    return '—';
  }
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const divisor = FEN_PER_UNIT[unit];
  const scale = 10n ** BigInt(decimals);
  // round(abs × scale / divisor), half away from zero
  const rounded = (abs * scale * 2n + divisor) / (divisor * 2n);
  const intPart = (rounded / scale).toString();
  const fracPart = decimals > 0 ? `.${(rounded % scale).toString().padStart(decimals, '0')}` : '';
  const sign = negative && rounded !== 0n ? '-' : '';
  return `${sign}${grouping ? groupThousands(intPart) : intPart}${fracPart}`;
}

/** A fen sum as a number of `unit` for a chart axis (4 decimals, exact up to 2^53 units). */
export function fenToUnitNumber(s: string | null | undefined, unit: AmountUnit, decimals = 4): number {
  const text = formatFenSum(s, unit, decimals, false);
  return text === '—' ? 0 : Number(text);
}

/** 亿元 when the largest absolute amount reaches one 亿元, else 万元. */
export function pickUnit(amounts: readonly (string | null | undefined)[]): AmountUnit {
  let max = 0n;
  for (const s of amounts) {
    const fen = parseFen(s);
    if (fen !== null) {
      const abs = fen < 0n ? -fen : fen;
      if (abs > max) {
        max = abs;
      }
    }
  }
  return max >= FEN_PER_UNIT.yi ? 'yi' : 'wan';
}

/** Sum of fen strings (bad values count as 0), as a fen string. */
export function sumFen(values: readonly (string | null | undefined)[]): string {
  let total = 0n;
  for (const s of values) {
    total += parseFen(s) ?? 0n;
  }
  return total.toString();
}

/** a − b in fen. */
export function subtractFen(a: string, b: string): string {
  return ((parseFen(a) ?? 0n) - (parseFen(b) ?? 0n)).toString();
}

/** Growth in per cent from the API as '+5.1%' / '-2.0%'; '—' when there is nothing to compare with. */
export function formatGrowth(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) {
    return '—';
  }
  const text = Math.abs(pct).toFixed(1);
  if (text === '0.0') {
    return '0.0%';
  }
  return `${pct > 0 ? '+' : '-'}${text}%`;
}

/** A share in per cent ('45.8%'); '—' when absent. */
export function formatShare(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) {
    return '—';
  }
  return `${pct.toFixed(1)}%`;
}

/** Counties with contracts out of all counties in scope, in per cent with one decimal; null for 0 counties. */
export function coverageRatio(withContracts: number, counties: number): number | null {
  if (counties <= 0) {
    return null;
  }
  return Math.round((withContracts / counties) * 1000) / 10;
}

/** A count with thousands separators (the API's counts are safe integers). */
export function formatCountPlain(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) {
    return '—';
  }
  return groupThousands(String(Math.trunc(n)));
}

/**
 * Growth from `prev` to `cur` in per cent, one decimal, computed with BigInt (for the figures the
 * API gives no growth for, such as 技术交易额); null when the previous value is missing or zero.
 */
export function growthPct(cur: string | null | undefined, prev: string | null | undefined): number | null {
  const c = parseFen(cur);
  const p = parseFen(prev);
  if (c === null || p === null || p === 0n) {
    return null;
  }
  // tenths of a per cent: round(|cur − prev| × 1000 / |prev|), half away from zero, then the sign
  const diff = (c - p) * 1000n;
  const absDiff = diff < 0n ? -diff : diff;
  const absPrev = p < 0n ? -p : p;
  const tenths = (absDiff * 2n + absPrev) / (absPrev * 2n);
  const negative = diff < 0n !== p < 0n;
  return Number(negative ? -tenths : tenths) / 10;
}

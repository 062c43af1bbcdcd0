import type { Lang } from '../../shared/i18n/lang-store';

/** Largest amount the contracts accept, in fen. */
export const MAX_FEN = 1e15;

/**
 * 元 (as typed, or as an InputNumber value) to integer 分, without floating-point multiplication:
 * '12.34' → 1234, 0.1 → 10. Returns null for empty input, negatives, more than two decimals,
 * non-numbers and amounts above the contract's limit.
 */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = (typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value).trim().replace(/[,，\s]/g, '');
  if (text === '') {
    return null;
  }
  // String(1e21) is exponent notation; such amounts are out of range anyway.
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) {
    return null;
  }
  const whole = m[1] ?? '0';
  const cents = (m[2] ?? '').padEnd(2, '0');
  const fen = Number(whole) * 100 + Number(cents);
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/** Integer 分 to 元 for an input box (1234 → 12.34); null stays null. */
export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) {
    return null;
  }
  return Math.trunc(fen) / 100;
}

/** A fen amount for people: '¥12.34', '¥35 万', '¥1.2 亿' (zh) or '¥350,000' (en). */
export function formatFen(fen: number, lang: Lang): string {
  const yuan = fen / 100;
  if (lang === 'zh') {
    if (yuan >= 1e8) {
      return `¥${trim(yuan / 1e8)} 亿`;
    }
    if (yuan >= 1e4) {
      return `¥${trim(yuan / 1e4)} 万`;
    }
  }
  return `¥${yuan.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 })}`;
}

function trim(n: number): string {
  return n.toFixed(2).replace(/\.?0+$/, '');
}

/** A price or budget: a range, a single amount, or null when there is none (then '面议'). */
export function formatFenRange(min: number | null, max: number | null, lang: Lang): string | null {
  if (min !== null && max !== null && min !== max) {
    return `${formatFen(min, lang)} – ${formatFen(max, lang)}`;
  }
  const one = min ?? max;
  return one === null ? null : formatFen(one, lang);
}

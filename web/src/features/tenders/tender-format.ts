/** `8735` → `"87.35"` (scores are kept ×100 as integers). */
export function formatScoreX100(x: number | null | undefined): string {
  if (x === null || x === undefined) {
    return '—';
  }
  return `${Math.trunc(x / 100)}.${String(Math.abs(x % 100)).padStart(2, '0')}`;
}

/** Time left until `deadline` by the server's clock (offset = server − browser), as d/h/m/s; null once passed. */
export function countdown(
  deadlineIso: string,
  nowMs: number,
  serverOffsetMs: number,
): { days: number; hours: number; minutes: number; seconds: number } | null {
  const left = new Date(deadlineIso).getTime() - (nowMs + serverOffsetMs);
  if (left <= 0) {
    return null;
  }
  const s = Math.floor(left / 1000);
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3_600), minutes: Math.floor((s % 3_600) / 60), seconds: s % 60 };
}

export function formatCountdown(c: NonNullable<ReturnType<typeof countdown>>, lang: 'zh' | 'en'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}`;
  if (c.days === 0) {
    return hms;
  }
  return lang === 'zh' ? `${c.days} 天 ${hms}` : `${c.days} d ${hms}`;
}

/** Sum of the weights typed in the criteria form (non-numbers count 0). */
export function weightSum(criteria: readonly { weight?: unknown }[] | undefined): number {
  return (criteria ?? []).reduce<number>((s, c) => s + (typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 0), 0);
}

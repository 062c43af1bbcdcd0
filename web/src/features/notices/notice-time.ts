import { chinaToday } from '#shared/format/china-time';

/**
 * Calendar days left in a notice period, counting today when the last day (`endsOn`, inclusive)
 * has not passed in China: 0 once it has. Working days are decided by the server's calendar.
 */
export function daysRemaining(endsOn: string, now: Date): number {
  const today = Date.parse(`${chinaToday(now)}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  return Math.max(0, Math.round((end - today) / 86_400_000) + 1);
}

// China has one time zone (UTC+8) and no daylight saving time.
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, `YYYY-MM-DD`. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China calendar day (`YYYY-MM-DD`) ends: the next day's 00:00 China time. */
export function endOfChinaDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000);
}

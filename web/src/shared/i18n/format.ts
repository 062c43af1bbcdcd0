import { localeTagOf, type Lang } from './lang-store';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    // Shown in China Standard Time whatever the browser's zone: registrations, audit entries and
    // deadlines are legal facts in Beijing time.
    format = new Intl.DateTimeFormat(localeTagOf(lang), {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** An ISO timestamp as a date and time in Beijing time; '—' when absent or unparsable. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  return formatWith(iso, lang, true);
}

/** An ISO timestamp as a date in Beijing time; '—' when absent or unparsable. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  return formatWith(iso, lang, false);
}

function formatWith(iso: string | null | undefined, lang: Lang, withTime: boolean): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '—';
  }
  return dateTimeFormat(lang, withTime).format(date);
}

/** A count with the locale's grouping separators. */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeTagOf(lang)).format(n);
}

/** Milliseconds until `target` on the server's clock: `offsetMs` = server time − browser time; 0 once passed. */
export function msUntil(target: string, localNow: number, offsetMs: number): number {
  return Math.max(0, new Date(target).getTime() - (localNow + offsetMs));
}

/** A remaining time as `hh:mm:ss`, with days in front when there are any: '2 天 01:00:00' / '2d 01:00:00'. */
export function formatRemaining(ms: number, lang: Lang): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  if (d === 0) {
    return time;
  }
  return lang === 'zh' ? `${d} 天 ${time}` : `${d}d ${time}`;
}

/** `YYYY-MM-DDTHH:mm` in the browser's zone, the value of a `datetime-local` input. */
export function toDateTimeLocal(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

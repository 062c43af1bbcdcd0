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

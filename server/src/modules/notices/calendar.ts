import type { CalendarDayKind } from '#shared/contracts/notices.contract';

/**
 * Working-day arithmetic on China calendar dates (`YYYY-MM-DD`). Monday–Friday are working days
 * unless the calendar marks them `holiday`; a weekend day marked `workday` (调休) is a working day.
 * All functions are pure: the exceptions are passed in.
 */
export type CalendarExceptions = ReadonlyMap<string, CalendarDayKind>;

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isValidDay(day: string): boolean {
  if (!DAY_RE.test(day)) {
    return false;
  }
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

function toTime(day: string): number {
  if (!isValidDay(day)) {
    throw new RangeError(`not a date: ${day}`);
  }
  return Date.parse(`${day}T00:00:00Z`);
}

/** `day` plus `n` calendar days. */
export function addCalendarDays(day: string, n: number): string {
  return new Date(toTime(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(toTime(day)).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function isWorkingDay(day: string, exceptions: CalendarExceptions): boolean {
  const kind = exceptions.get(day);
  if (kind === 'holiday') {
    return false;
  }
  if (kind === 'workday') {
    return true;
  }
  return !isWeekend(day);
}

/** The day itself when it is a working day, otherwise the next working day. */
export function firstWorkingDayFrom(day: string, exceptions: CalendarExceptions): string {
  let d = day;
  // Any real calendar has a working day within a few weeks; the bound only guards bad data.
  for (let i = 0; i < 366; i++) {
    if (isWorkingDay(d, exceptions)) {
      return d;
    }
    d = addCalendarDays(d, 1);
  }
  throw new RangeError(`no working day within a year of ${day}`);
}

/**
 * The working day `n` working days after `startDay` (n ≥ 0; `startDay` itself is not counted, so
 * n = 0 returns `startDay`). From Friday 2025-01-03, one working day later is Monday 2025-01-06.
 */
export function addWorkingDays(startDay: string, n: number, exceptions: CalendarExceptions): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  }
  let d = startDay;
  let left = n;
  let guard = 0;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, exceptions)) {
      left--;
    }
    if (++guard > n * 7 + 366) {
      throw new RangeError(`no ${n} working days after ${startDay}`);
    }
  }
  return d;
}

/**
 * A notice period of `workingDays` working days published on `publishedOn` (China date): it starts
 * on the publication day when that is a working day, else on the next working day, and ends on the
 * last of the `workingDays` working days (inclusive).
 */
export function noticePeriod(publishedOn: string, workingDays: number, exceptions: CalendarExceptions): { startsOn: string; endsOn: string } {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  }
  const startsOn = firstWorkingDayFrom(publishedOn, exceptions);
  return { startsOn, endsOn: addWorkingDays(startsOn, workingDays - 1, exceptions) };
}

/** Working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string, exceptions: CalendarExceptions): number {
  let count = 0;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, exceptions)) {
      count++;
    }
  }
  return count;
}

/** A calendar-day exception must change something: a holiday on a weekday, a workday on a weekend. */
export function exceptionFits(day: string, kind: CalendarDayKind): boolean {
  return kind === 'holiday' ? !isWeekend(day) : isWeekend(day);
}

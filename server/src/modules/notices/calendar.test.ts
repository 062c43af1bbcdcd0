import { describe, expect, it } from 'vitest';
import type { CalendarDayKind } from '#shared/contracts/notices.contract';
import holidays from './data/holidays-cn.json' with { type: 'json' };
import {
  addCalendarDays,
  addWorkingDays,
  exceptionFits,
  firstWorkingDayFrom,
  isValidDay,
  isWorkingDay,
  noticePeriod,
  weekdayOf,
  workingDaysBetween,
  type CalendarExceptions,
} from './calendar';

const NONE: CalendarExceptions = new Map();
const CN: CalendarExceptions = new Map(holidays.days.map((d) => [d.day, d.kind as CalendarDayKind]));

describe('dates', () => {
  it('validates real dates only', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-2-1')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
  });
  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-25')).toBe(3); // Wednesday
  });
  it('throws on a malformed date rather than counting from NaN', () => {
    expect(() => addWorkingDays('2026-02-30', 1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-02', -1, NONE)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('Monday–Friday work, weekends rest, without exceptions', () => {
    expect(isWorkingDay('2026-11-23', NONE)).toBe(true); // Mon
    expect(isWorkingDay('2026-11-27', NONE)).toBe(true); // Fri
    expect(isWorkingDay('2026-11-28', NONE)).toBe(false); // Sat
    expect(isWorkingDay('2026-11-29', NONE)).toBe(false); // Sun
  });
  it('a weekday holiday is a rest day, a 调休 weekend workday is a working day', () => {
    expect(isWorkingDay('2026-10-01', CN)).toBe(false); // 国庆, Thursday
    expect(isWorkingDay('2026-10-10', CN)).toBe(true); // Saturday worked in exchange
    expect(isWorkingDay('2025-01-26', CN)).toBe(true); // Sunday before 春节 2025
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend: Friday + 1 = Monday', () => {
    expect(addWorkingDays('2025-01-03', 1, NONE)).toBe('2025-01-06');
    expect(addWorkingDays('2026-11-27', 1, NONE)).toBe('2026-11-30');
  });
  it('n = 0 returns the start day', () => {
    expect(addWorkingDays('2026-11-28', 0, NONE)).toBe('2026-11-28');
  });
  it('14 working days after a Monday with no holidays is the Friday two weeks later', () => {
    expect(addWorkingDays('2026-11-02', 14, NONE)).toBe('2026-11-20');
  });
  it('skips a run of holidays (国庆 2026: 10-1…10-7) and counts the 调休 Saturday 10-10', () => {
    // From Wed 2026-09-30: Thu 10-1 … Wed 10-7 are rest, Thu 10-8 is the 1st, Fri 10-9 the 2nd, Sat 10-10 the 3rd.
    expect(addWorkingDays('2026-09-30', 1, CN)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, CN)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4, CN)).toBe('2026-10-12');
  });
  it('counts the 调休 Sunday before the holiday (国庆 2026: Sun 9-20 worked)', () => {
    expect(addWorkingDays('2026-09-18', 1, CN)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 1, NONE)).toBe('2026-09-21');
  });
  it('crosses the Spring Festival 2026 (2-15…2-23 off, 2-14 and 2-28 worked)', () => {
    // Fri 2-13 → Sat 2-14 (调休) → Tue 2-24 (after the break).
    expect(addWorkingDays('2026-02-13', 1, CN)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, CN)).toBe('2026-02-24');
    // Without the calendar the same count would land inside the holiday.
    expect(addWorkingDays('2026-02-13', 2, NONE)).toBe('2026-02-17');
  });
  it('crosses the Spring Festival 2025 (1-28…2-4 off, Sun 1-26 and Sat 2-8 worked)', () => {
    expect(addWorkingDays('2025-01-24', 1, CN)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-24', 3, CN)).toBe('2025-02-05');
    expect(addWorkingDays('2025-02-07', 1, CN)).toBe('2025-02-08');
  });
  it('crosses a year end (元旦 2026: 1-1, 1-2 off, Sun 1-4 worked)', () => {
    expect(addWorkingDays('2025-12-31', 1, CN)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-31', 2, CN)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-31', 1, NONE)).toBe('2026-01-01');
  });
});

describe('noticePeriod', () => {
  it('starts on the publication day when it is a working day; 15 working days end on the 15th', () => {
    const p = noticePeriod('2026-11-02', 15, NONE);
    expect(p).toEqual({ startsOn: '2026-11-02', endsOn: '2026-11-20' });
    expect(workingDaysBetween(p.startsOn, p.endsOn, NONE)).toBe(15);
  });
  it('published on a Saturday starts on Monday', () => {
    expect(noticePeriod('2026-11-28', 1, NONE)).toEqual({ startsOn: '2026-11-30', endsOn: '2026-11-30' });
  });
  it('published during the National Day break starts after it', () => {
    expect(firstWorkingDayFrom('2026-10-03', CN)).toBe('2026-10-08');
    const p = noticePeriod('2026-10-03', 15, CN);
    expect(p.startsOn).toBe('2026-10-08');
    expect(workingDaysBetween(p.startsOn, p.endsOn, CN)).toBe(15);
    // 10-8, 10-9, 10-10 (Sat, 调休), then 10-12 … : the 15th working day is Tue 10-27.
    expect(p.endsOn).toBe('2026-10-27');
  });
  it('a period spanning the Spring Festival 2026 is longer in calendar days', () => {
    const p = noticePeriod('2026-02-09', 15, CN);
    // 2-9…2-13 (5), 2-14 Sat (6), 2-24…2-27 (10), 2-28 Sat (11), 3-2…3-5 (15).
    expect(p).toEqual({ startsOn: '2026-02-09', endsOn: '2026-03-05' });
  });
  it('refuses a non-positive period', () => {
    expect(() => noticePeriod('2026-11-02', 0, NONE)).toThrow(RangeError);
  });
});

describe('the seeded calendar', () => {
  it('has holidays only on weekdays and workdays only on weekends', () => {
    for (const d of holidays.days) {
      expect(exceptionFits(d.day, d.kind as CalendarDayKind), d.day).toBe(true);
    }
  });
  it('covers 2025 and 2026 with the State Council arrangement', () => {
    const of = (y: string, kind: string) => holidays.days.filter((d) => d.day.startsWith(y) && d.kind === kind).map((d) => d.day.slice(5));
    expect(of('2025', 'workday')).toEqual(['01-26', '02-08', '04-27', '09-28', '10-11']);
    expect(of('2026', 'workday')).toEqual(['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']);
    expect(of('2026', 'holiday')).toEqual(['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '02-23', '04-06', '05-01', '05-04', '05-05', '06-19', '09-25', '10-01', '10-02', '10-05', '10-06', '10-07']);
  });
});

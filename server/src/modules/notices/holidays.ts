import { sql } from 'drizzle-orm';
import type { CalendarDayKind } from '#shared/contracts/notices.contract';
import type { Db } from '#server/db/types';
import { exceptionFits, isValidDay } from './calendar';
import { createNoticesRepo } from './notices.repo';

type HolidayFile = { sources: Record<string, string>; days: { day: string; kind: CalendarDayKind; name: string }[] };

/** The seed file (bundled into the server build as JSON), checked: real dates, holidays on weekdays, workdays on weekends. */
async function loadHolidayFile(): Promise<HolidayFile> {
  const doc = (await import('./data/holidays-cn.json', { with: { type: 'json' } })).default as HolidayFile;
  for (const d of doc.days) {
    if (!isValidDay(d.day) || !exceptionFits(d.day, d.kind)) {
      throw new Error(`holidays-cn.json: ${d.day} cannot be a ${d.kind}`);
    }
  }
  return doc;
}

/**
 * Loads the statutory holidays and 调休 workdays of the data file into `calendar_days`, for each year
 * that has no row yet: idempotent, and operators' later edits of a loaded year are never undone.
 * Returns the number of rows written. On a usual start every year is present: one read, no
 * transaction, no lock.
 */
export async function syncHolidayCalendar(db: Db): Promise<number> {
  const repo = createNoticesRepo(db);
  const missingOf = (doc: HolidayFile, present: Set<number>) => doc.days.filter((d) => !present.has(Number(d.day.slice(0, 4))));
  const [doc, present] = await Promise.all([loadHolidayFile(), repo.calendarYears(db)]);
  if (missingOf(doc, present).length === 0) {
    return 0;
  }
  return db.transaction(async (tx) => {
    // One loader at a time (several processes may start together); read the years again under the lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('calendar_days seed'))`);
    return repo.insertCalendarDays(tx, missingOf(doc, await repo.calendarYears(tx)));
  });
}

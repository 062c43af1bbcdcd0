export { createNoticesRepo, type NoticesRepo } from './notices.repo';
export { createNoticesService, NOTICE_EXPIRE_JOB, DEFAULT_NOTICES_CONFIG, type NoticesService, type NoticesDeps, type NoticesConfig } from './notices.service';
export { noticesRoutes, OBJECTION_RATE_LIMIT, type NoticeRateLimit } from './notices.routes';
export { syncHolidayCalendar } from './holidays';
export { addWorkingDays, noticePeriod, isWorkingDay, type CalendarExceptions } from './calendar';

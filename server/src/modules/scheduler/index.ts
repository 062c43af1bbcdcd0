export { createSchedulerRepo, type SchedulerRepo, type JobRow } from './scheduler.repo';
export { createSchedulerService, type SchedulerService, type JobHandler, type JobOutcome } from './scheduler.service';

export { createTendersRepo, type TendersRepo } from './tenders.repo';
export { createTendersService, type TendersService, type TendersDeps, TENDER_OPEN_JOB } from './tenders.service';
export { tendersRoutes } from './tenders.routes';

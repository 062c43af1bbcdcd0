export { createStatisticsRepo, type StatisticsRepo } from './statistics.repo';
export { createStatisticsService, type StatisticsService } from './statistics.service';
export { statisticsRoutes } from './statistics.routes';
export { cellDeltas, mergeDeltas, type ContractForStats } from './stat-cells';

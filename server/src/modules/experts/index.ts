export { createExpertsRepo, type ExpertsRepo } from './experts.repo';
export { createExpertsService, type ExpertsService, type ExpertsDeps } from './experts.service';
export { expertsRoutes } from './experts.routes';

export { createDemandsRepo, type DemandsRepo } from './demands.repo';
export { createDemandsService, type DemandsService, type DemandsDeps } from './demands.service';
export { demandsRoutes } from './demands.routes';
// For the matching module (matching from a demand respects who may see it).
export { canViewDemand, demandRolesOf } from './demands.policy';
export { toDemandSearchDocument } from './demands.mapper';

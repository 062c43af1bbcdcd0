export { createRegionsRepo } from './regions.repo';
export { createRegionsService, type RegionsService } from './regions.service';
export { regionsRoutes } from './regions.routes';
export { syncReferenceData } from './reference-data';
export { zoneOf, ZONE_NAMES } from './zones';
export { ENTERPRISE_OWNERSHIP_ITEMS, LICENCE_MODE_ITEMS, STATIC_CODE_LISTS } from './code-lists';

export { createPlatformRepo } from './platform.repo';
export { createPlatformService, type PlatformService } from './platform.service';
export { platformRoutes } from './platform.routes';

export { createOrganisationsRepo, type OrganisationsRepo } from './organisations.repo';
export { createOrganisationsService, type OrganisationsService } from './organisations.service';
export { organisationsRoutes } from './organisations.routes';

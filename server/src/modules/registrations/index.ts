export { createRegistrationsRepo, type RegistrationsRepo } from './registrations.repo';
export { createRegistrationsService, type RegistrationsService, type BulkRegistration } from './registrations.service';
export { registrationsRoutes } from './registrations.routes';
export { syncRegistrationDefaults } from './defaults';
export { registrationsImportRoutes } from './registrations.import.routes';

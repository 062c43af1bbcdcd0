export { createAuthRepo, type AuthRepo } from './auth.repo';
export { createAuthService, requireUser, type AuthService, type AuthConfig } from './auth.service';
export { createUsersAdminService, type UsersAdminService } from './users-admin.service';
export { authRoutes } from './auth.routes';
export { usersAdminRoutes } from './users-admin.routes';
export { hashPassword } from './passwords';
export * from './actor';

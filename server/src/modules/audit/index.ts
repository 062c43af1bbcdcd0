export { createAuditRepo, type AuditRepo } from './audit.repo';
export { createAuditService, type AuditService, type AuditInput } from './audit.service';
export { auditRoutes } from './audit.routes';
export { GENESIS_HASH, hashEvent, checkLink } from './audit.chain';

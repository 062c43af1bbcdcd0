import type { AuditEvent, AuditQuery, AuditVerifyResult } from '#shared/contracts/audit.contract';
import { http, type Page } from '../../shared/api/http';

export const auditKeys = {
  events: (query: Partial<AuditQuery>) => ['audit', 'events', query] as const,
};

/** Recomputes the hash chain of the audit log (platform admins). */
export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return http.get('/audit/verify');
}

export function listAuditEvents(query: Partial<AuditQuery>, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  return http.get('/audit/events', { query, signal });
}

import type {
  CertificateCheck,
  ChangeDecision,
  ChangeRequest,
  CreateRegistration,
  Decide,
  Parameter,
  PutParameter,
  Registration,
  RegistrationPage,
  RegistrationPoint,
  RegistrationQuery,
  UpdateRegistration,
} from '#shared/contracts/registrations.contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, http } from '../../shared/api/http';

/** The list query as sent (page and view optional; the server defaults them). */
export type RegistrationListQuery = Partial<RegistrationQuery>;

export const registrationKeys = {
  all: ['registrations'] as const,
  lists: ['registrations', 'list'] as const,
  list: (q: RegistrationListQuery) => ['registrations', 'list', q] as const,
  detail: (id: string) => ['registrations', 'detail', id] as const,
  points: ['registrations', 'points'] as const,
  parameters: ['registrations', 'parameters'] as const,
  certificate: (no: string) => ['registrations', 'certificate', no] as const,
};

const path = (id: string) => `/registrations/${encodeURIComponent(id)}`;

export function listRegistrations(q: RegistrationListQuery, signal?: AbortSignal): Promise<RegistrationPage> {
  return http.get('/registrations', { query: q, signal });
}
export function getRegistration(id: string, signal?: AbortSignal): Promise<Registration> {
  return http.get(path(id), { signal });
}
export function createRegistration(body: CreateRegistration): Promise<Registration> {
  return http.post('/registrations', body, { idempotencyKey: true });
}
/** A draft pre-filled from a concluded market deal (same chain id). */
export function createFromDeal(dealId: string): Promise<Registration> {
  return http.post('/registrations/from-deal', { dealId }, { idempotencyKey: true });
}
export function updateRegistration(id: string, body: UpdateRegistration): Promise<Registration> {
  return http.patch(path(id), body);
}
export function submitRegistration(id: string): Promise<Registration> {
  return http.post(`${path(id)}/submit`, {});
}
export function withdrawRegistration(id: string): Promise<Registration> {
  return http.post(`${path(id)}/withdraw`, {});
}
export function decideRegistration(id: string, body: Decide): Promise<Registration> {
  return http.post(`${path(id)}/decision`, body);
}
export function requestChange(id: string, body: ChangeRequest): Promise<Registration> {
  return http.post(`${path(id)}/change-request`, body);
}
export function decideChange(id: string, body: ChangeDecision): Promise<Registration> {
  return http.post(`${path(id)}/change-decision`, body);
}
/** The 登记证明 PDF of a registered contract (a plain link: the browser sends the session cookie). */
export function certificateUrl(id: string): string {
  return `${API_BASE}${path(id)}/certificate.pdf`;
}
/** Public check of a certificate by its 16-digit registration number. */
export function checkCertificate(registrationNo: string, signal?: AbortSignal): Promise<CertificateCheck> {
  return http.get(`/registrations/certificates/${encodeURIComponent(registrationNo)}`, { signal });
}
export function listPoints(signal?: AbortSignal): Promise<RegistrationPoint[]> {
  return http.get('/registration-points', { signal });
}
export function listParameters(signal?: AbortSignal): Promise<Parameter[]> {
  return http.get('/registration-parameters', { signal });
}
export function putParameter(body: PutParameter): Promise<Parameter> {
  return http.put('/registration-parameters', body);
}

export function useRegistrations(q: RegistrationListQuery, enabled = true) {
  return useQuery({
    queryKey: registrationKeys.list(q),
    queryFn: ({ signal }) => listRegistrations(q, signal),
    enabled,
    placeholderData: (prev) => prev,
  });
}
export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: registrationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getRegistration(id ?? '', signal),
    enabled: !!id,
  });
}
export function useRegistrationPoints() {
  return useQuery({ queryKey: registrationKeys.points, queryFn: ({ signal }) => listPoints(signal) });
}
export function useRegistrationParameters() {
  return useQuery({ queryKey: registrationKeys.parameters, queryFn: ({ signal }) => listParameters(signal) });
}
export function useCertificateCheck(registrationNo: string | null) {
  return useQuery({
    queryKey: registrationKeys.certificate(registrationNo ?? ''),
    queryFn: ({ signal }) => checkCertificate(registrationNo ?? '', signal),
    enabled: registrationNo !== null,
    // "Not found" is an answer, not a failure to retry.
    retry: false,
  });
}

/**
 * A mutation on one registration: the answer replaces the cached detail, and every list is
 * refreshed (status, amounts and the queue change with it).
 */
export function useRegistrationMutation<A>(fn: (args: A) => Promise<Registration>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r) => {
      queryClient.setQueryData(registrationKeys.detail(r.id), r);
      await queryClient.invalidateQueries({ queryKey: registrationKeys.lists });
    },
  });
}

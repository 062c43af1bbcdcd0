import type {
  AdminUserQuery,
  ApiToken,
  CreateApiToken,
  GrantRole,
  Login,
  Register,
  Session,
  UpdateProfile,
  User,
} from '#shared/contracts/auth.contract';
import type { z } from 'zod';
import type { CreatedApiTokenSchema } from '#shared/contracts/auth.contract';
import { rememberCsrfToken } from '../../shared/api/csrf';
import { http, type Page } from '../../shared/api/http';

export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export type UserStatus = User['status'];

export const authKeys = {
  tokens: () => ['auth', 'tokens'] as const,
  users: (query: Partial<AdminUserQuery>) => ['admin', 'users', query] as const,
  usersAll: ['admin', 'users'] as const,
};

export async function login(body: Login): Promise<Session> {
  const session = await http.post<Session>('/auth/login', body);
  rememberCsrfToken(session.csrfToken);
  return session;
}

export async function register(body: Register): Promise<Session> {
  const session = await http.post<Session>('/auth/register', body, { idempotencyKey: true });
  rememberCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  await http.post<{ ok: true }>('/auth/logout');
  rememberCsrfToken(null);
}

export function updateProfile(body: UpdateProfile): Promise<User> {
  return http.patch('/auth/profile', body);
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<{ ok: true }> {
  return http.post('/auth/password', body);
}

export function listTokens(signal?: AbortSignal): Promise<{ items: ApiToken[] }> {
  return http.get('/auth/tokens', { signal });
}

export function createToken(body: CreateApiToken): Promise<CreatedApiToken> {
  return http.post('/auth/tokens', body, { idempotencyKey: true });
}

export function revokeToken(id: string): Promise<{ ok: true }> {
  return http.delete(`/auth/tokens/${encodeURIComponent(id)}`);
}

export function listUsers(query: Partial<AdminUserQuery>, signal?: AbortSignal): Promise<Page<User>> {
  return http.get('/admin/users', { query, signal });
}

export function grantRole(userId: string, body: GrantRole): Promise<User> {
  return http.post(`/admin/users/${encodeURIComponent(userId)}/roles`, body);
}

export function revokeRole(userId: string, assignmentId: string): Promise<User> {
  return http.delete(`/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(assignmentId)}`);
}

export function setUserStatus(userId: string, status: UserStatus): Promise<User> {
  return http.patch(`/admin/users/${encodeURIComponent(userId)}/status`, { status });
}

import type {
  CreateOrganisation,
  Member,
  Organisation,
  OrganisationQuery,
  OrgMemberRole,
  UpdateOrganisation,
} from '#shared/contracts/organisations.contract';
import { useQueries, useQuery } from '@tanstack/react-query';
import { http, type Page } from '../../shared/api/http';

export type OrganisationStatus = Organisation['status'];
/** Query parameters as sent on the wire (`mine` is the string the API parses). */
export type OrganisationListQuery = Partial<Omit<OrganisationQuery, 'mine'>> & { mine?: boolean };

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationListQuery) => ['organisations', 'list', query] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
  members: (id: string) => ['organisations', 'members', id] as const,
};

const path = (id: string) => `/organisations/${encodeURIComponent(id)}`;

export function listOrganisations(query: OrganisationListQuery, signal?: AbortSignal): Promise<Page<Organisation>> {
  return http.get('/organisations', { query: { ...query, mine: query.mine ? 'true' : undefined }, signal });
}

export function getOrganisation(id: string, signal?: AbortSignal): Promise<Organisation> {
  return http.get(path(id), { signal });
}

export function createOrganisation(body: CreateOrganisation): Promise<Organisation> {
  return http.post('/organisations', body, { idempotencyKey: true });
}

export function updateOrganisation(id: string, body: UpdateOrganisation): Promise<Organisation> {
  return http.patch(path(id), body);
}

export function setOrganisationStatus(id: string, status: OrganisationStatus): Promise<Organisation> {
  return http.post(`${path(id)}/status`, { status });
}

export function listMembers(id: string, signal?: AbortSignal): Promise<{ items: Member[] }> {
  return http.get(`${path(id)}/members`, { signal });
}

export function addMember(id: string, body: { email: string; role: OrgMemberRole }): Promise<Member> {
  return http.post(`${path(id)}/members`, body);
}

export function updateMember(id: string, userId: string, role: OrgMemberRole): Promise<Member> {
  return http.patch(`${path(id)}/members/${encodeURIComponent(userId)}`, { role });
}

export function removeMember(id: string, userId: string): Promise<{ ok: true }> {
  return http.delete(`${path(id)}/members/${encodeURIComponent(userId)}`);
}

export function useOrganisations(query: OrganisationListQuery, enabled = true) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: ({ signal }) => listOrganisations(query, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getOrganisation(id ?? '', signal),
    enabled: !!id,
  });
}

/** Members of an organisation; only asked for when someone is signed in (anonymous gets 401). */
export function useMembers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.members(id),
    queryFn: ({ signal }) => listMembers(id, signal),
    enabled,
  });
}

/** Names for a handful of organisation ids (roles and memberships on the profile page). */
export function useOrganisationNames(ids: readonly string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: organisationKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getOrganisation(id, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const names = new Map<string, string>();
      results.forEach((r) => {
        if (r.data) {
          names.set(r.data.id, r.data.name);
        }
      });
      return names;
    },
  });
}

import type { Actor } from '#server/modules/auth/index';

/**
 * The applicant side of an organisation: its owners and administrators, and its TTO officers
 * (技术经理人) — the people who sign for it. Plain members may read its registrations.
 */
export function applicantOrgIdsOf(actor: Actor, includeMembers = false): string[] {
  if (actor.kind !== 'user') {
    return [];
  }
  return [
    ...new Set([
      ...actor.memberships.filter((m) => includeMembers || m.role === 'owner' || m.role === 'admin').map((m) => m.organisationId),
      ...actor.roles.flatMap((r) => (r.role === 'tto_officer' && r.organisationId ? [r.organisationId] : [])),
    ]),
  ];
}

export function isApplicantSide(actor: Actor, orgId: string): boolean {
  return applicantOrgIdsOf(actor).includes(orgId);
}

/** Organisations whose registrations (as applicant, seller or buyer) the actor may read. */
export function readerOrgIds(actor: Actor): string[] {
  return applicantOrgIdsOf(actor, true);
}

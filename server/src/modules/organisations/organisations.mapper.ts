import type { Member, Organisation } from '#shared/contracts/organisations.contract';
import type { MemberRow, OrganisationRow } from './organisations.repo';

export function toOrganisationDto(o: OrganisationRow, regionName: string, memberCount: number): Organisation {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    enterpriseOwnership: o.enterpriseOwnership ?? null,
    creditCode: o.creditCode,
    regionCode: o.regionCode,
    regionName,
    address: o.address,
    website: o.website,
    description: o.description,
    status: o.status,
    flags: { isTechTransferOrg: o.isTechTransferOrg, isInvestor: o.isInvestor, isServiceProvider: o.isServiceProvider },
    memberCount,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toMemberDto(m: MemberRow): Member {
  return {
    userId: m.userId,
    displayName: m.displayName,
    email: m.email,
    role: m.role,
    platformRoles: m.platformRoles,
    joinedAt: m.createdAt.toISOString(),
  };
}

/** Organisation state digested by the audit trail. */
export function auditStateOfOrganisation(o: OrganisationRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = o;
  return rest;
}

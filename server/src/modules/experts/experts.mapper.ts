import type { Expert } from '#shared/contracts/experts.contract';
import type { ExpertProfileRow, ExpertRow } from './experts.repo';

export function toExpertDto(e: ExpertRow, extra: { regionName: string | null; organisations: { id: string; name: string }[]; publishedAchievements: number }): Expert {
  return {
    userId: e.userId,
    displayName: e.displayName,
    title: e.title,
    bio: e.bio,
    domainCodes: e.domainCodes,
    discipline: e.discipline,
    keywords: e.keywords,
    regionCode: e.regionCode,
    regionName: extra.regionName,
    contactPolicy: e.contactPolicy,
    // The address is shown only to those the expert chose to show it to: everyone, with public_email.
    email: e.contactPolicy === 'public_email' ? e.email : null,
    isPublic: e.isPublic,
    organisations: extra.organisations,
    publishedAchievements: extra.publishedAchievements,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** Profile state digested by the audit trail. */
export function auditStateOfExpert(p: ExpertProfileRow) {
  const { updatedAt: _u, ...rest } = p;
  return rest;
}

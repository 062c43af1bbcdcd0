import type { AccessRequest, Achievement, AchievementSummary, Quality } from '#shared/contracts/achievements.contract';
import type { QualityInput } from './achievement.quality';
import type { AccessRequestRow, AchievementRow, OwnerOrgRow } from './achievements.repo';
import type { SearchDocument } from './search-index';

const EXCERPT_LENGTH = 200;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the caller may see of a listing, decided by the service. */
export type AchievementView = { regionName: string; stale: boolean; showDetail: boolean; quality?: Quality };

export function toAchievementDto(a: AchievementRow, org: OwnerOrgRow, v: AchievementView): Achievement {
  return {
    id: a.id,
    chainId: a.chainId,
    externalId: a.externalId,
    title: a.title,
    abstract: a.abstract,
    detail: v.showDetail ? a.detail : null,
    detailRestricted: !v.showDetail,
    keywords: a.keywords,
    domainCode: a.domainCode,
    industryCodes: a.industryCodes,
    discipline: a.discipline,
    trl: a.trl,
    trlEvidence: a.trlEvidence,
    ip: a.ip,
    team: a.team,
    ownerOrgId: a.ownerOrgId,
    ownerOrgName: org.name,
    regionCode: a.regionCode,
    regionName: v.regionName,
    funding: a.funding ?? null,
    awards: a.awards,
    transferModes: a.transferModes,
    priceMode: a.priceMode,
    priceMinFen: a.priceMinFen,
    priceMaxFen: a.priceMaxFen,
    openLicence: a.openLicence,
    dualUse: a.dualUse,
    exportControlled: a.exportControlled,
    comparison: a.comparison,
    applications: a.applications,
    status: a.status,
    stale: v.stale,
    confirmedAt: iso(a.confirmedAt),
    publishedAt: iso(a.publishedAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    ...(v.quality ? { quality: v.quality } : {}),
  };
}

/** Cuts text at a character boundary (never inside a surrogate pair) and marks the cut. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

export function toAchievementSummary(a: AchievementRow, org: OwnerOrgRow, regionName: string, stale: boolean, qualityScore?: number): AchievementSummary {
  return {
    id: a.id,
    chainId: a.chainId,
    externalId: a.externalId,
    title: a.title,
    abstractExcerpt: excerpt(a.abstract),
    keywords: a.keywords,
    domainCode: a.domainCode,
    industryCodes: a.industryCodes,
    trl: a.trl,
    ownerOrgId: a.ownerOrgId,
    ownerOrgName: org.name,
    regionCode: a.regionCode,
    regionName,
    transferModes: a.transferModes,
    priceMode: a.priceMode,
    priceMinFen: a.priceMinFen,
    priceMaxFen: a.priceMaxFen,
    openLicence: a.openLicence,
    status: a.status,
    stale,
    confirmedAt: iso(a.confirmedAt),
    publishedAt: iso(a.publishedAt),
    updatedAt: a.updatedAt.toISOString(),
    ...(qualityScore !== undefined ? { qualityScore } : {}),
  };
}

export function toQualityInput(a: AchievementRow, stale: boolean): QualityInput {
  return {
    abstract: a.abstract,
    keywords: a.keywords,
    domainCode: a.domainCode,
    industryCodes: a.industryCodes,
    trl: a.trl,
    trlEvidence: a.trlEvidence,
    ip: a.ip,
    team: a.team,
    transferModes: a.transferModes,
    priceMode: a.priceMode,
    priceMinFen: a.priceMinFen,
    comparison: a.comparison,
    applications: a.applications,
    stale,
  };
}

export function toAccessRequestDto(r: AccessRequestRow): AccessRequest {
  return {
    id: r.id,
    achievementId: r.achievementId,
    requesterId: r.requesterId,
    requesterName: r.requesterName,
    message: r.message,
    status: r.status,
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * The search document of a published listing: public fields only — never the NDA-gated detail,
 * never team member names' user ids.
 */
export function toSearchDocument(a: AchievementRow, org: OwnerOrgRow): SearchDocument {
  const text = [a.abstract, a.applications, a.comparison, a.discipline, ...a.ip.map((i) => i.title), ...a.awards].filter((s): s is string => !!s).join('\n');
  return {
    id: a.id,
    kind: 'achievement',
    title: a.title,
    text,
    keywords: a.keywords,
    meta: {
      chainId: a.chainId,
      externalId: a.externalId,
      ownerOrgId: a.ownerOrgId,
      ownerOrgName: org.name,
      domainCode: a.domainCode,
      industryCodes: a.industryCodes,
      discipline: a.discipline,
      regionCode: a.regionCode,
      trl: a.trl,
      transferModes: a.transferModes,
      priceMode: a.priceMode,
      priceMinFen: a.priceMinFen,
      priceMaxFen: a.priceMaxFen,
      openLicence: a.openLicence,
      ipKinds: [...new Set(a.ip.map((i) => i.kind))],
      patentTypes: [...new Set(a.ip.flatMap((i) => (i.patentType ? [i.patentType] : [])))],
      publishedAt: iso(a.publishedAt),
      confirmedAt: iso(a.confirmedAt),
    },
  };
}

/** Listing state digested by the audit trail. */
export function auditStateOfAchievement(a: AchievementRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = a;
  return rest;
}

import type { Demand } from '#shared/contracts/demands.contract';
import type { SearchDocument } from '#server/modules/achievements/index';
import type { DemandOrgRow, DemandRow } from './demands.repo';

export function toDemandDto(d: DemandRow, org: DemandOrgRow, v: { regionName: string; expired: boolean; canEdit: boolean }): Demand {
  return {
    id: d.id,
    chainId: d.chainId,
    externalId: d.externalId,
    title: d.title,
    description: d.description,
    keywords: d.keywords,
    domainCode: d.domainCode,
    industryCodes: d.industryCodes,
    ownerOrgId: d.ownerOrgId,
    ownerOrgName: org.name,
    regionCode: d.regionCode,
    regionName: v.regionName,
    budgetMinFen: d.budgetMinFen,
    budgetMaxFen: d.budgetMaxFen,
    trlNeeded: d.trlNeeded,
    deadline: d.deadline,
    expired: v.expired,
    cooperationModes: d.cooperationModes,
    status: d.status,
    publishedAt: d.publishedAt ? d.publishedAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    canEdit: v.canEdit,
  };
}

/** The search document of a published demand. */
export function toDemandSearchDocument(d: DemandRow, org: DemandOrgRow): SearchDocument {
  return {
    id: d.id,
    kind: 'demand',
    title: d.title,
    text: d.description,
    keywords: d.keywords,
    meta: {
      chainId: d.chainId,
      externalId: d.externalId,
      ownerOrgId: d.ownerOrgId,
      ownerOrgName: org.name,
      domainCode: d.domainCode,
      industryCodes: d.industryCodes,
      regionCode: d.regionCode,
      trlNeeded: d.trlNeeded,
      budgetMinFen: d.budgetMinFen,
      budgetMaxFen: d.budgetMaxFen,
      deadline: d.deadline,
      cooperationModes: d.cooperationModes,
      publishedAt: d.publishedAt ? d.publishedAt.toISOString() : null,
    },
  };
}

/** Demand state digested by the audit trail. */
export function auditStateOfDemand(d: DemandRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = d;
  return rest;
}

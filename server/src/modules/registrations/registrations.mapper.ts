import type { Finding, Registration, RegistrationAction, RegistrationSummary, TaxEffects } from '#shared/contracts/registrations.contract';
import { categoryOf } from '#shared/contracts/registrations.contract';
import type { PartyColumns } from './registrations.tables';
import type { ContractRow, EventRow, PointRow } from './registrations.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRegistrationSummary(r: ContractRow, pointName: string | null): RegistrationSummary {
  return {
    id: r.id,
    chainId: r.chainId,
    registrationNo: r.registrationNo,
    projectName: r.projectName,
    subtype: r.recognisedSubtype ?? r.subtype,
    sellerName: r.seller.name,
    buyerName: r.buyer.name,
    contractAmountFen: r.contractAmountFen,
    techAmountFen: r.recognisedTechAmountFen ?? r.techAmountFen,
    status: r.status,
    pointName,
    submittedAt: iso(r.submittedAt),
    decideBy: r.decideBy,
    registeredOn: r.registeredOn,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function party(p: PartyColumns, names: Map<string, string>) {
  return { ...p, regionName: p.regionCode ? (names.get(p.regionCode) ?? null) : null };
}

export function toRegistrationDto(
  r: ContractRow,
  x: { point: PointRow | undefined; applicantName: string; regionNames: Map<string, string>; findings: Finding[]; taxEffects: TaxEffects | null; history: EventRow[]; allowedActions: RegistrationAction[] },
): Registration {
  return {
    ...toRegistrationSummary(r, x.point?.name ?? null),
    // The declared sub-type and amount; the recognised ones are under `recognition`.
    subtype: r.subtype,
    techAmountFen: r.techAmountFen,
    externalId: r.externalId,
    dealId: r.dealId,
    contractNo: r.contractNo,
    category: categoryOf(r.subtype),
    licenceMode: r.licenceMode,
    summary: r.summary,
    seller: party(r.seller, x.regionNames),
    buyer: party(r.buyer, x.regionNames),
    technologyDomain: r.technologyDomain,
    industryCode: r.industryCode,
    ipTypes: r.ipTypes,
    ipNumbers: r.ipNumbers,
    planCategory: r.planCategory,
    planProjectNo: r.planProjectNo,
    socioEconomicObjective: r.socioEconomicObjective,
    crossBorder: r.crossBorder,
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validTo: r.validTo,
    paymentMethod: r.paymentMethod,
    paymentSchedule: r.paymentSchedule,
    nonTechnicalCosts: r.nonTechnicalCosts,
    expectedInvestmentFen: r.expectedInvestmentFen,
    expectedOutputFen: r.expectedOutputFen,
    applicantOrgId: r.applicantOrgId,
    applicantOrgName: x.applicantName,
    pointId: r.pointId,
    recognition:
      r.decidedAt && r.outcome
        ? { outcome: r.outcome, recognisedTechAmountFen: r.recognisedTechAmountFen, recognisedSubtype: r.recognisedSubtype, reasons: r.reasons, note: r.decisionNote, decidedAt: r.decidedAt.toISOString() }
        : r.decidedAt && r.status === 'returned'
          ? { outcome: 'none', recognisedTechAmountFen: null, recognisedSubtype: null, reasons: r.reasons, note: r.decisionNote, decidedAt: r.decidedAt.toISOString() }
          : null,
    pendingChange: r.pendingChange,
    version: r.version,
    findings: x.findings,
    taxEffects: x.taxEffects,
    history: x.history.map((e) => ({ seq: e.seq, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, note: e.note, reasons: e.reasons, changes: e.changes, at: e.at.toISOString() })),
    allowedActions: x.allowedActions,
  };
}

/** What a certificate states; its SHA-256 is printed on it and returned by the public check. */
export function certificateFacts(r: ContractRow, pointName: string) {
  return {
    registrationNo: r.registrationNo,
    projectName: r.projectName,
    subtype: r.recognisedSubtype ?? r.subtype,
    licenceMode: r.licenceMode,
    seller: { name: r.seller.name, creditCode: r.seller.creditCode, regionCode: r.seller.regionCode, countryCode: r.seller.countryCode },
    buyer: { name: r.buyer.name, creditCode: r.buyer.creditCode, regionCode: r.buyer.regionCode, countryCode: r.buyer.countryCode },
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validTo: r.validTo,
    contractAmountFen: r.contractAmountFen,
    techAmountFen: r.recognisedTechAmountFen ?? r.techAmountFen,
    pointName,
    registeredOn: r.registeredOn,
    version: r.version,
    cancelled: r.status === 'cancelled',
    chainId: r.chainId,
  };
}

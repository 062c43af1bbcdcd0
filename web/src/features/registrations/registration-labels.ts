import type { CodeListItem } from '#shared/contracts/regions.contract';
import { CONTRACT_CATEGORIES, CONTRACT_SUBTYPES, categoryOf, type ContractSubtype } from '#shared/contracts/registrations.contract';
import { itemLabel } from '../../shared/code-lists/code-tree';
import type { Lang } from '../../shared/i18n/lang-store';
import type { registrationMessages } from './messages';
import type { CodeNamer } from './registration-view';

export type RegistrationText = (typeof registrationMessages)['zh'];

/** The name of `code` in a message table, or undefined when the table does not have it. */
export function pick(table: Record<string, string>, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** Names of the coded values of a registration, by field, for history and change lists. */
export function codeNamer(t: RegistrationText): CodeNamer {
  return (field, code) => {
    switch (field) {
      case 'subtype':
      case 'recognisedSubtype':
        return pick(t.subtypes, code);
      case 'licenceMode':
        return pick(t.licenceModes, code);
      case 'ipTypes':
        return pick(t.ipTypes, code);
      case 'planCategory':
        return pick(t.planCategories, code);
      case 'paymentMethod':
        return pick(t.paymentMethods, code);
      case 'socioEconomicObjective':
        return pick(t.objectives, code);
      case 'technologyDomain':
        return pick(t.domains, code);
      case 'status':
        return pick(t.statuses, code);
      default:
        return undefined;
    }
  };
}

/** The form label of a contract field ('contractAmountFen' → '合同成交额（元）'); the field name when unknown. */
export function fieldLabel(t: RegistrationText, field: string): string {
  const f = t.form;
  const labels: Record<string, string> = {
    externalId: f.externalId,
    contractNo: f.contractNo,
    projectName: f.projectName,
    subtype: f.subtype,
    licenceMode: f.licenceMode,
    summary: f.summary,
    seller: f.sections.seller,
    buyer: f.sections.buyer,
    technologyDomain: f.technologyDomain,
    industryCode: f.industry,
    ipTypes: f.ipTypes,
    ipNumbers: f.ipNumbers,
    planCategory: f.planCategory,
    planProjectNo: f.planProjectNo,
    socioEconomicObjective: f.objective,
    signedOn: f.signedOn,
    validFrom: f.validFrom,
    validTo: f.validTo,
    paymentMethod: f.paymentMethod,
    paymentSchedule: f.paymentSchedule,
    contractAmountFen: t.list.contractAmount,
    nonTechnicalCosts: f.nonTechnicalCosts,
    techAmountFen: t.list.techAmount,
    expectedInvestmentFen: f.expectedInvestment,
    expectedOutputFen: f.expectedOutput,
    recognisedTechAmountFen: t.detail.recognisedTechAmount,
    recognisedSubtype: t.detail.recognisedSubtype,
    status: t.detail.status,
  };
  return labels[field] ?? field;
}

export type SubtypeOption = { value: ContractSubtype; label: string; title?: string };
export type SubtypeGroup = { label: string; options: SubtypeOption[] };

/**
 * The grouped options of the contract-type select: one group per category (技术开发 …), holding the
 * registrable sub-types. Names come from the code list `contract-types` when it has loaded, else
 * from the feature's own table; 技术咨询 and 一般技术服务 are their categories' own codes.
 */
export function subtypeGroups(items: readonly CodeListItem[] | undefined, lang: Lang, t: RegistrationText): SubtypeGroup[] {
  const byCode = new Map((items ?? []).map((i) => [i.code, i]));
  return CONTRACT_CATEGORIES.map((category) => {
    const categoryItem = byCode.get(category);
    return {
      label: categoryItem ? itemLabel(categoryItem, lang) : t.categories[category],
      options: CONTRACT_SUBTYPES.filter((s) => categoryOf(s) === category).map((code) => {
        const item = byCode.get(code);
        // A category code as a sub-type (CON, SVC) keeps the feature's name: 技术咨询, 一般技术服务.
        const fromList = item && item.parentCode !== null ? itemLabel(item, lang) : undefined;
        const option: SubtypeOption = { value: code, label: fromList ?? t.subtypes[code] };
        if (item?.description) {
          option.title = item.description;
        }
        return option;
      }),
    };
  });
}

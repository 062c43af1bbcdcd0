import type {
  ContractIpType,
  ContractSubtype,
  LicenceMode,
  PaymentMethod,
  PlanCategory,
  Registration,
  SocioEconomicObjective,
  UpdateRegistration,
} from '#shared/contracts/registrations.contract';
import type { ENTERPRISE_OWNERSHIPS, OrganisationType } from '#shared/contracts/organisations.contract';
import { LICENSABLE_SUBTYPES } from '#shared/contracts/registrations.contract';
import type { FieldPath } from '../../shared/forms/form-errors';
import { yuanToFen } from '../achievements/money';

type EnterpriseOwnership = (typeof ENTERPRISE_OWNERSHIPS)[number];

/** One party (卖方 / 买方) as the form holds it. */
export type PartyFormValues = {
  organisationId?: string;
  name?: string;
  type?: OrganisationType;
  enterpriseOwnership?: EnterpriseOwnership;
  creditCode?: string;
  countryCode?: string;
  regionCode?: string;
};

/**
 * What the registration form holds. Names follow the contract, so issues from the schema or the
 * server (`seller.creditCode`, `nonTechnicalCosts.1.amountFen`) land on their inputs. Fields named
 * `…Fen` hold 元 as typed (a string with at most two decimals); `toRegistrationBody` converts them
 * to integer 分 with string arithmetic.
 */
export type RegistrationFormValues = {
  externalId?: string;
  contractNo?: string;
  projectName?: string;
  subtype?: ContractSubtype;
  licenceMode?: LicenceMode;
  summary?: string;
  seller?: PartyFormValues;
  buyer?: PartyFormValues;
  technologyDomain?: string;
  industryCode?: string;
  ipTypes?: ContractIpType[];
  ipNumbers?: string[];
  planCategory?: PlanCategory;
  planProjectNo?: string;
  socioEconomicObjective?: SocioEconomicObjective;
  signedOn?: string;
  validFrom?: string;
  validTo?: string;
  paymentMethod?: PaymentMethod;
  paymentSchedule?: { dueOn?: string; amountFen?: string; note?: string }[];
  contractAmountFen?: string;
  nonTechnicalCosts?: { item?: string; amountFen?: string }[];
  expectedInvestmentFen?: string;
  expectedOutputFen?: string;
};

/** A problem found before sending: the field and a message key of `messages.form.problems`. */
export type LocalProblem = {
  name: FieldPath;
  code: 'amountInvalid' | 'costsExceedAmount' | 'creditCodeRequired' | 'regionRequired' | 'licenceModeRequired';
};

/** A list field's value as an array: anything else (absent, or not a list) counts as no rows. */
export function asArray<T>(value: readonly T[] | Record<string, never> | null | undefined): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/**
 * Integer 分 → 元 as exact text for an input: 1234 → '12.34', 1200 → '12', 5 → '0.05'.
 * String arithmetic only, so amounts near the contract's limit keep every digit.
 */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen) || fen < 0) {
    return '';
  }
  const digits = String(fen).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const cents = digits.slice(-2);
  return cents === '00' ? whole : `${whole}.${cents.replace(/0$/, '')}`;
}

/** Sum of integer fen amounts; null when any of them is null (not a valid amount). */
export function sumFen(amounts: readonly (number | null)[]): number | null {
  let total = 0;
  for (const a of amounts) {
    if (a === null) {
      return null;
    }
    total += a;
  }
  return total;
}

export type TechAmount =
  | { ok: true; contractFen: number; costsFen: number; techFen: number }
  /** `contract`: 成交额 missing or not an amount; `cost`: a cost line is not an amount; `negative`: costs exceed 成交额. */
  | { ok: false; reason: 'contract' | 'cost' | 'negative'; contractFen: number | null; costsFen: number | null };

/**
 * 技术交易额 = 成交额 − 非技术性费用 (domain-cn §1.4), from the 元 the user typed. Blank cost lines
 * count as nothing; a cost line with text that is not an amount makes the result unknown.
 */
export function computeTechAmount(contractYuan: string | undefined, costs: readonly { amountFen?: string }[] | undefined): TechAmount {
  const contractFen = isBlank(contractYuan) ? null : yuanToFen(contractYuan);
  const costFens = asArray(costs)
    .filter((c) => !isBlank(c?.amountFen))
    .map((c) => yuanToFen(c.amountFen));
  const costsFen = sumFen(costFens);
  if (contractFen === null) {
    return { ok: false, reason: 'contract', contractFen, costsFen };
  }
  if (costsFen === null) {
    return { ok: false, reason: 'cost', contractFen, costsFen };
  }
  if (costsFen > contractFen) {
    return { ok: false, reason: 'negative', contractFen, costsFen };
  }
  return { ok: true, contractFen, costsFen, techFen: contractFen - costsFen };
}

/**
 * Total of the payment schedule in fen (blank lines ignored); null when a line is not an amount or
 * there is no line. Shown next to 成交额; the server decides whether a difference is acceptable.
 */
export function scheduleTotalFen(schedule: readonly { amountFen?: string }[] | undefined): number | null {
  const lines = asArray(schedule).filter((p) => !isBlank(p?.amountFen));
  return lines.length === 0 ? null : sumFen(lines.map((p) => yuanToFen(p.amountFen)));
}

function trimmed(value: string | undefined): string | undefined {
  return isBlank(value) ? undefined : value?.trim();
}

function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A party's body: the enterprise ownership only for enterprises, the country upper-cased (default CN). */
export function toPartyBody(party: PartyFormValues | undefined): Record<string, unknown> {
  const p = party ?? {};
  return compact({
    organisationId: trimmed(p.organisationId),
    name: p.name?.trim() ?? '',
    type: p.type,
    enterpriseOwnership: p.type === 'enterprise' ? p.enterpriseOwnership : undefined,
    creditCode: trimmed(p.creditCode)?.toUpperCase(),
    countryCode: trimmed(p.countryCode)?.toUpperCase() ?? 'CN',
    regionCode: trimmed(p.regionCode),
  });
}

/**
 * The rules of a party the form can check before sending (the server checks them again): a party in
 * mainland China needs a region, and one that is not a natural person needs its credit code.
 */
export function partyProblems(party: PartyFormValues | undefined, side: 'seller' | 'buyer'): LocalProblem[] {
  const p = party ?? {};
  const country = trimmed(p.countryCode)?.toUpperCase() ?? 'CN';
  if (country !== 'CN' || trimmed(p.organisationId)) {
    // A platform organisation brings its own credit code and region.
    return [];
  }
  const out: LocalProblem[] = [];
  if (isBlank(p.regionCode)) {
    out.push({ name: [side, 'regionCode'], code: 'regionRequired' });
  }
  if (p.type && p.type !== 'individual' && isBlank(p.creditCode)) {
    out.push({ name: [side, 'creditCode'], code: 'creditCodeRequired' });
  }
  return out;
}

/**
 * Form values → the body of POST /registrations (CreateRegistration), amounts in integer fen and
 * 技术交易额 computed from 成交额 and the cost lines. `problems` lists what was caught here (bad
 * amounts, costs above 成交额, incomplete parties); the schema then checks the rest.
 */
export function toRegistrationBody(values: RegistrationFormValues): { body: Record<string, unknown>; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const amount = (raw: string | undefined, name: FieldPath): number | undefined => {
    if (isBlank(raw)) {
      return undefined;
    }
    const fen = yuanToFen(raw);
    if (fen === null) {
      problems.push({ name, code: 'amountInvalid' });
      return undefined;
    }
    return fen;
  };

  const contractAmountFen = amount(values.contractAmountFen, ['contractAmountFen']);
  const nonTechnicalCosts = asArray(values.nonTechnicalCosts)
    .map((c, i) => ({ item: c?.item?.trim() ?? '', amountFen: amount(c?.amountFen, ['nonTechnicalCosts', i, 'amountFen']) }))
    // A line left entirely blank is not a cost.
    .filter((c, i) => c.item !== '' || !isBlank(values.nonTechnicalCosts?.[i]?.amountFen));
  const paymentSchedule = asArray(values.paymentSchedule)
    .map((p, i) =>
      compact({
        dueOn: trimmed(p?.dueOn) ?? '',
        amountFen: amount(p?.amountFen, ['paymentSchedule', i, 'amountFen']),
        note: trimmed(p?.note),
      }),
    )
    .filter((p, i) => p.dueOn !== '' || !isBlank(values.paymentSchedule?.[i]?.amountFen));

  const tech = computeTechAmount(values.contractAmountFen, values.nonTechnicalCosts);
  if (!tech.ok && tech.reason === 'negative') {
    problems.push({ name: ['techAmountFen'], code: 'costsExceedAmount' });
  }
  const subtype = values.subtype;
  const licensable = subtype !== undefined && LICENSABLE_SUBTYPES.includes(subtype);
  if (licensable && !values.licenceMode) {
    problems.push({ name: ['licenceMode'], code: 'licenceModeRequired' });
  }
  problems.push(...partyProblems(values.seller, 'seller'), ...partyProblems(values.buyer, 'buyer'));

  const isTransfer = subtype?.startsWith('TRF') ?? false;
  const body = compact({
    externalId: trimmed(values.externalId),
    contractNo: trimmed(values.contractNo),
    projectName: values.projectName?.trim() ?? '',
    subtype,
    licenceMode: licensable ? values.licenceMode : undefined,
    summary: values.summary?.trim() ?? '',
    seller: toPartyBody(values.seller),
    buyer: toPartyBody(values.buyer),
    technologyDomain: values.technologyDomain,
    industryCode: trimmed(values.industryCode),
    ipTypes: [...asArray(values.ipTypes)],
    ipNumbers: asArray(values.ipNumbers)
      .map((n) => n.trim())
      .filter((n) => n !== ''),
    planCategory: values.planCategory ?? 'none',
    planProjectNo: values.planCategory && values.planCategory !== 'none' ? trimmed(values.planProjectNo) : undefined,
    socioEconomicObjective: values.socioEconomicObjective,
    signedOn: trimmed(values.signedOn),
    validFrom: trimmed(values.validFrom),
    validTo: trimmed(values.validTo),
    paymentMethod: values.paymentMethod,
    paymentSchedule,
    contractAmountFen,
    nonTechnicalCosts,
    techAmountFen: tech.ok ? tech.techFen : undefined,
    // The form asks these of 技术转让 contracts only (domain-cn §1.7).
    expectedInvestmentFen: isTransfer ? amount(values.expectedInvestmentFen, ['expectedInvestmentFen']) : undefined,
    expectedOutputFen: isTransfer ? amount(values.expectedOutputFen, ['expectedOutputFen']) : undefined,
  });
  return { body, problems };
}

function partyValues(p: Registration['seller']): PartyFormValues {
  return compact({
    organisationId: p.organisationId ?? undefined,
    name: p.name,
    type: p.type,
    enterpriseOwnership: p.enterpriseOwnership ?? undefined,
    creditCode: p.creditCode ?? undefined,
    countryCode: p.countryCode,
    regionCode: p.regionCode ?? undefined,
  });
}

/** A stored registration → form values (for editing, amending, and as the baseline of a change). */
export function fromRegistration(r: Registration): RegistrationFormValues {
  return compact({
    externalId: r.externalId ?? undefined,
    contractNo: r.contractNo ?? undefined,
    projectName: r.projectName,
    subtype: r.subtype,
    licenceMode: r.licenceMode ?? undefined,
    summary: r.summary,
    seller: partyValues(r.seller),
    buyer: partyValues(r.buyer),
    technologyDomain: r.technologyDomain,
    industryCode: r.industryCode,
    ipTypes: [...r.ipTypes],
    ipNumbers: [...r.ipNumbers],
    planCategory: r.planCategory,
    planProjectNo: r.planProjectNo ?? undefined,
    socioEconomicObjective: r.socioEconomicObjective,
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validTo: r.validTo,
    paymentMethod: r.paymentMethod,
    paymentSchedule: r.paymentSchedule.map((p) => compact({ dueOn: p.dueOn, amountFen: fenToYuanText(p.amountFen), note: p.note })),
    contractAmountFen: fenToYuanText(r.contractAmountFen),
    nonTechnicalCosts: r.nonTechnicalCosts.map((c) => ({ item: c.item, amountFen: fenToYuanText(c.amountFen) })),
    expectedInvestmentFen: r.expectedInvestmentFen === null ? undefined : fenToYuanText(r.expectedInvestmentFen),
    expectedOutputFen: r.expectedOutputFen === null ? undefined : fenToYuanText(r.expectedOutputFen),
  });
}

/** JSON with object keys sorted, so that two equal values compare equal whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fields of `next` (a body from `toRegistrationBody`) that differ from the stored registration:
 * the `changes` of an amendment request. Both sides go through the same conversion, so a field the
 * user did not touch never appears.
 */
export function registrationChanges(current: Registration, next: Record<string, unknown>): UpdateRegistration {
  const baseline = toRegistrationBody(fromRegistration(current)).body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (stableJson(value) !== stableJson(baseline[key])) {
      out[key] = value;
    }
  }
  return out;
}

/**
 * A GB/T 4754 code with its 门类 letter in front ('C3841'), as an earlier revision of the contract
 * wanted it; the industries code list (and its picker) uses the bare codes ('3841' under '384' …
 * under 'C'). The letter is the root of the code's ancestry in the list.
 */
export function industryToContract(code: string | null | undefined, parentOf: ReadonlyMap<string, string | null>): string | undefined {
  if (!code) {
    return undefined;
  }
  if (/^[A-T]$/.test(code)) {
    return code;
  }
  let root = code;
  for (let i = 0; i < 6; i++) {
    const parent = parentOf.get(root);
    if (!parent) {
      break;
    }
    root = parent;
  }
  return /^[A-T]$/.test(root) && /^\d{2,4}$/.test(code) ? `${root}${code}` : undefined;
}

/**
 * The code to send for the picker's `code`: the code list's own code when `accepts` (the contract's
 * check) takes it, else the letter-prefixed form. One place to adapt while the contract's format
 * and the server's code-list check disagree ('C3841' vs '3841').
 */
export function contractIndustryCode(
  code: string | null | undefined,
  parentOf: ReadonlyMap<string, string | null>,
  accepts: (code: string) => boolean,
): string | undefined {
  if (!code) {
    return undefined;
  }
  if (accepts(code)) {
    return code;
  }
  const prefixed = industryToContract(code, parentOf);
  return prefixed !== undefined && accepts(prefixed) ? prefixed : code;
}

/** 'C3841' → '3841' and 'C' → 'C' (the picker's code for a contract's industry code). */
export function industryFromContract(code: string | null | undefined): string | undefined {
  if (!code) {
    return undefined;
  }
  const m = /^([A-T])(\d{2,4})?$/.exec(code.trim().toUpperCase());
  if (!m) {
    return code;
  }
  return m[2] ?? m[1];
}

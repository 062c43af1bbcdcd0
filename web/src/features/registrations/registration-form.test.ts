import { CreateRegistrationSchema, type Registration } from '#shared/contracts/registrations.contract';
import { withCreditCodeCheckChar } from '#shared/format/credit-code';
import { describe, expect, it } from 'vitest';
import {
  computeTechAmount,
  fenToYuanText,
  contractIndustryCode,
  fromRegistration,
  industryFromContract,
  industryToContract,
  partyProblems,
  registrationChanges,
  scheduleTotalFen,
  sumFen,
  toRegistrationBody,
  type RegistrationFormValues,
} from './registration-form';

const SELLER_CODE = withCreditCodeCheckChar('12110108MB0000001');
const BUYER_CODE = withCreditCodeCheckChar('91440305MA5000002');

function formValues(over: Partial<RegistrationFormValues> = {}): RegistrationFormValues {
  return {
    projectName: '高强度全固废胶凝材料技术转让',
    contractNo: ' HT-2026-001 ',
    subtype: 'TRF-PAT',
    summary: '转让专利 ZL2020 1 0000000.0 的专利权',
    seller: { name: '京华理工大学', type: 'university', creditCode: SELLER_CODE.toLowerCase(), countryCode: 'cn', regionCode: '110108' },
    buyer: {
      name: '深圳鹏城智能装备股份有限公司',
      type: 'enterprise',
      enterpriseOwnership: 'domestic',
      creditCode: BUYER_CODE,
      regionCode: '440305',
    },
    technologyDomain: 'TD07',
    industryCode: '3011',
    ipTypes: ['patent_invention', 'technical_secret'],
    ipNumbers: [' ZL202010000000.0 ', ''],
    planCategory: 'none',
    planProjectNo: 'ignored when outside a programme',
    socioEconomicObjective: 'SE06',
    signedOn: '2026-03-01',
    validFrom: '2026-03-01',
    validTo: '2028-02-28',
    paymentMethod: 'instalments',
    paymentSchedule: [
      { dueOn: '2026-04-01', amountFen: '600000' },
      { dueOn: '2026-10-01', amountFen: '400000.29', note: '验收后' },
      { dueOn: '', amountFen: '' },
    ],
    contractAmountFen: '1,000,000.29',
    nonTechnicalCosts: [
      { item: '中试设备', amountFen: '150000.10' },
      { item: '', amountFen: '' },
    ],
    expectedInvestmentFen: '5000000',
    expectedOutputFen: '20000000.5',
    ...over,
  };
}

describe('fenToYuanText', () => {
  it('writes fen as exact yuan text, without trailing zeros', () => {
    expect(fenToYuanText(1234)).toBe('12.34');
    expect(fenToYuanText(1230)).toBe('12.3');
    expect(fenToYuanText(1200)).toBe('12');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(0)).toBe('0');
    // 1e15 fen is the contract's limit: every digit survives (Number division would not be exact text).
    expect(fenToYuanText(999_999_999_999_999)).toBe('9999999999999.99');
    expect(fenToYuanText(null)).toBe('');
    expect(fenToYuanText(-1)).toBe('');
    expect(fenToYuanText(1.5)).toBe('');
  });
});

describe('computeTechAmount', () => {
  it('subtracts the non-technical costs from 成交额 in integer fen', () => {
    expect(computeTechAmount('1000000.29', [{ amountFen: '150000.10' }, { amountFen: '0.19' }])).toEqual({
      ok: true,
      contractFen: 100_000_029,
      costsFen: 15_000_029,
      techFen: 85_000_000,
    });
    // 0.1 + 0.2 in floating point is 0.30000000000000004; fen arithmetic is exact.
    expect(computeTechAmount('0.3', [{ amountFen: '0.1' }, { amountFen: '0.2' }])).toMatchObject({ ok: true, techFen: 0 });
    expect(computeTechAmount('500', undefined)).toMatchObject({ ok: true, techFen: 50_000, costsFen: 0 });
    expect(computeTechAmount('500', [{ amountFen: '' }, {}])).toMatchObject({ ok: true, techFen: 50_000 });
    // A list value that is not an array counts as no rows.
    expect(computeTechAmount('500', {} as never)).toMatchObject({ ok: true, techFen: 50_000 });
  });

  it('reports a missing 成交额, a bad cost line and costs above 成交额', () => {
    expect(computeTechAmount(undefined, [])).toMatchObject({ ok: false, reason: 'contract' });
    expect(computeTechAmount('12.345', [])).toMatchObject({ ok: false, reason: 'contract' });
    expect(computeTechAmount('100', [{ amountFen: 'abc' }])).toMatchObject({ ok: false, reason: 'cost', contractFen: 10_000 });
    expect(computeTechAmount('100', [{ amountFen: '100.01' }])).toMatchObject({ ok: false, reason: 'negative', costsFen: 10_001 });
  });
});

describe('sumFen and scheduleTotalFen', () => {
  it('adds fen and gives null when a line is not an amount or there is none', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([1, null])).toBeNull();
    expect(scheduleTotalFen([{ amountFen: '600000' }, { amountFen: '400000.29' }, { amountFen: ' ' }])).toBe(100_000_029);
    expect(scheduleTotalFen([])).toBeNull();
    expect(scheduleTotalFen({} as never)).toBeNull();
    expect(scheduleTotalFen([{ amountFen: 'x' }])).toBeNull();
  });
});

describe('toRegistrationBody', () => {
  it('builds a body the contract accepts, amounts in fen and 技术交易额 computed', () => {
    const { body, problems } = toRegistrationBody(formValues());
    expect(problems).toEqual([]);
    const parsed = CreateRegistrationSchema.parse(body);
    expect(parsed.contractAmountFen).toBe(100_000_029);
    expect(parsed.techAmountFen).toBe(100_000_029 - 15_000_010);
    expect(parsed.nonTechnicalCosts).toEqual([{ item: '中试设备', amountFen: 15_000_010 }]);
    expect(parsed.paymentSchedule).toEqual([
      { dueOn: '2026-04-01', amountFen: 60_000_000 },
      { dueOn: '2026-10-01', amountFen: 40_000_029, note: '验收后' },
    ]);
    expect(parsed.expectedInvestmentFen).toBe(500_000_000);
    expect(parsed.expectedOutputFen).toBe(2_000_000_050);
    expect(parsed.contractNo).toBe('HT-2026-001');
    expect(parsed.ipNumbers).toEqual(['ZL202010000000.0']);
    expect(parsed.seller).toMatchObject({ creditCode: SELLER_CODE, countryCode: 'CN' });
    // Ownership only for enterprises; the plan project number only inside a programme.
    expect(parsed.seller.enterpriseOwnership).toBeUndefined();
    expect(parsed.buyer.enterpriseOwnership).toBe('domestic');
    expect(parsed.planProjectNo).toBeUndefined();
    // The ordered IP types keep their order: the first is the statistical type.
    expect(parsed.ipTypes).toEqual(['patent_invention', 'technical_secret']);
  });

  it('asks the expected investment and output of technology transfer contracts only', () => {
    const { body } = toRegistrationBody(formValues({ subtype: 'DEV-COM' }));
    expect(body['expectedInvestmentFen']).toBeUndefined();
    expect(body['expectedOutputFen']).toBeUndefined();
  });

  it('sends the licence mode only for patent and technical-secret licences, and requires it there', () => {
    expect(toRegistrationBody(formValues({ subtype: 'DEV-COM', licenceMode: 'sole' })).body['licenceMode']).toBeUndefined();
    expect(toRegistrationBody(formValues({ subtype: 'LIC-PAT', licenceMode: 'sole' })).body['licenceMode']).toBe('sole');
    expect(toRegistrationBody(formValues({ subtype: 'LIC-SEC' })).problems).toContainEqual({
      name: ['licenceMode'],
      code: 'licenceModeRequired',
    });
  });

  it('marks amounts that are not yuan with two decimals, and costs above 成交额', () => {
    const { body, problems } = toRegistrationBody(
      formValues({
        contractAmountFen: '100',
        nonTechnicalCosts: [
          { item: '设备', amountFen: '100.5' },
          { item: '材料', amountFen: '1.234' },
        ],
      }),
    );
    expect(problems).toContainEqual({ name: ['nonTechnicalCosts', 1, 'amountFen'], code: 'amountInvalid' });
    expect(body['techAmountFen']).toBeUndefined();

    const over = toRegistrationBody(formValues({ contractAmountFen: '100', nonTechnicalCosts: [{ item: '设备', amountFen: '100.5' }] }));
    expect(over.problems).toEqual([{ name: ['techAmountFen'], code: 'costsExceedAmount' }]);
    expect(toRegistrationBody(formValues({ contractAmountFen: '-5' })).problems).toContainEqual({
      name: ['contractAmountFen'],
      code: 'amountInvalid',
    });
  });
});

describe('partyProblems', () => {
  it('requires a region and (except for natural persons) a credit code of a mainland party', () => {
    expect(partyProblems({ name: '某公司', type: 'enterprise' }, 'buyer')).toEqual([
      { name: ['buyer', 'regionCode'], code: 'regionRequired' },
      { name: ['buyer', 'creditCode'], code: 'creditCodeRequired' },
    ]);
    expect(partyProblems({ name: '张明', type: 'individual', regionCode: '510107' }, 'seller')).toEqual([]);
  });
  it('asks nothing of a foreign party or a platform organisation', () => {
    expect(partyProblems({ name: 'ACME GmbH', type: 'enterprise', countryCode: 'de' }, 'buyer')).toEqual([]);
    expect(
      partyProblems({ organisationId: '0e6f5c55-0000-4000-8000-000000000001', name: '京华理工大学', type: 'university' }, 'seller'),
    ).toEqual([]);
  });
});

function registrationOf(values: RegistrationFormValues): Registration {
  const body = CreateRegistrationSchema.parse(toRegistrationBody(values).body);
  const party = (p: typeof body.seller) => ({
    organisationId: p.organisationId ?? null,
    name: p.name,
    type: p.type,
    enterpriseOwnership: p.enterpriseOwnership ?? null,
    creditCode: p.creditCode ?? null,
    countryCode: p.countryCode,
    regionCode: p.regionCode ?? null,
    regionName: null,
  });
  return {
    id: '0e6f5c55-0000-4000-8000-00000000000a',
    chainId: 'TN-2026-0001',
    registrationNo: null,
    projectName: body.projectName,
    subtype: body.subtype,
    sellerName: body.seller.name,
    buyerName: body.buyer.name,
    contractAmountFen: body.contractAmountFen,
    techAmountFen: body.techAmountFen,
    status: 'registered',
    pointName: '北京技术市场管理办公室',
    submittedAt: null,
    decideBy: null,
    registeredOn: null,
    updatedAt: '2026-03-02T00:00:00Z',
    externalId: body.externalId ?? null,
    dealId: null,
    contractNo: body.contractNo ?? null,
    category: 'TRF',
    licenceMode: body.licenceMode ?? null,
    summary: body.summary,
    seller: party(body.seller),
    buyer: party(body.buyer),
    technologyDomain: body.technologyDomain,
    industryCode: body.industryCode,
    ipTypes: body.ipTypes,
    ipNumbers: body.ipNumbers,
    planCategory: body.planCategory,
    planProjectNo: body.planProjectNo ?? null,
    socioEconomicObjective: body.socioEconomicObjective,
    crossBorder: 'domestic',
    signedOn: body.signedOn,
    validFrom: body.validFrom,
    validTo: body.validTo,
    paymentMethod: body.paymentMethod,
    paymentSchedule: body.paymentSchedule,
    nonTechnicalCosts: body.nonTechnicalCosts,
    expectedInvestmentFen: body.expectedInvestmentFen ?? null,
    expectedOutputFen: body.expectedOutputFen ?? null,
    applicantOrgId: '0e6f5c55-0000-4000-8000-000000000001',
    applicantOrgName: '京华理工大学',
    pointId: null,
    recognition: null,
    pendingChange: null,
    version: 1,
    findings: [],
    taxEffects: null,
    history: [],
    allowedActions: ['request_change'],
  };
}

describe('fromRegistration and registrationChanges', () => {
  const stored = registrationOf(formValues());

  it('turns a stored registration back into form values that rebuild the same body', () => {
    const values = fromRegistration(stored);
    expect(values.contractAmountFen).toBe('1000000.29');
    expect(values.nonTechnicalCosts).toEqual([{ item: '中试设备', amountFen: '150000.1' }]);
    const { body, problems } = toRegistrationBody(values);
    expect(problems).toEqual([]);
    expect(body['techAmountFen']).toBe(stored.techAmountFen);
    expect(registrationChanges(stored, body)).toEqual({});
  });

  it('lists only the fields that changed, with the recomputed 技术交易额', () => {
    const values = fromRegistration(stored);
    values.projectName = '高强度全固废胶凝材料专利权转让';
    values.nonTechnicalCosts = [{ item: '中试设备', amountFen: '200000.10' }];
    const changes = registrationChanges(stored, toRegistrationBody(values).body);
    expect(Object.keys(changes).sort()).toEqual(['nonTechnicalCosts', 'projectName', 'techAmountFen']);
    expect(changes.techAmountFen).toBe(100_000_029 - 20_000_010);
    expect(changes.nonTechnicalCosts).toEqual([{ item: '中试设备', amountFen: 20_000_010 }]);
  });

  it('sees a changed party as one change, whatever the key order', () => {
    const values = fromRegistration(stored);
    values.buyer = { ...values.buyer, name: '深圳鹏城智能装备集团有限公司' };
    expect(Object.keys(registrationChanges(stored, toRegistrationBody(values).body))).toEqual(['buyer']);
  });
});

describe('industryToContract and industryFromContract', () => {
  const parentOf = new Map<string, string | null>([
    ['C', null],
    ['38', 'C'],
    ['384', '38'],
    ['3841', '384'],
    ['01', 'A'],
  ]);
  it('prefixes the 门类 letter of the code list to a bare code, and takes it off again', () => {
    expect(industryToContract('3841', parentOf)).toBe('C3841');
    expect(industryToContract('38', parentOf)).toBe('C38');
    expect(industryToContract('C', parentOf)).toBe('C');
    // A code whose section the list does not know cannot be written in the contract's form.
    expect(industryToContract('9999', parentOf)).toBeUndefined();
    expect(industryToContract(undefined, parentOf)).toBeUndefined();
    expect(industryFromContract('C3841')).toBe('3841');
    expect(industryFromContract('c38')).toBe('38');
    expect(industryFromContract('C')).toBe('C');
    expect(industryFromContract(null)).toBeUndefined();
  });

  it('sends the form the contract accepts', () => {
    const letterForm = (c: string) => /^[A-T](\d{2,4})?$/.test(c);
    const bareForm = (c: string) => /^([A-T]|\d{2,4})$/.test(c);
    expect(contractIndustryCode('3841', parentOf, letterForm)).toBe('C3841');
    expect(contractIndustryCode('3841', parentOf, bareForm)).toBe('3841');
    expect(contractIndustryCode('C', parentOf, letterForm)).toBe('C');
    expect(contractIndustryCode(undefined, parentOf, letterForm)).toBeUndefined();
  });
});

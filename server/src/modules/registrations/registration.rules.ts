import { z } from 'zod';
import type { ContractSubtype, CrossBorder, Finding, LicenceMode, ParameterKey, PaymentMethod } from '#shared/contracts/registrations.contract';
import { CONTRACT_IP_TYPES } from '#shared/contracts/registrations.contract';

// Recognition rules, deadlines and tax treatment as dated data (domain-cn §1.3–§1.8). The 2026
// 《技术合同认定登记管理办法》 replaced the 2000/2001 texts; its article-level numbers are not
// confirmed, so every threshold and deadline here is a parameter with an effective date that an
// administrator can supersede (PUT /registration-parameters), never code.

/** A sub-type pattern: an exact code, a category prefix (`TRF-*`, `DEV-*`) or `*`. */
const SubtypePattern = z.string().regex(/^(\*|[A-Z]{3}-\*|[A-Z]{3}(-[A-Z]{3,4})?)$/);

export function matchesSubtype(pattern: string, subtype: ContractSubtype): boolean {
  if (pattern === '*') {
    return true;
  }
  if (pattern.endsWith('-*')) {
    return subtype.startsWith(pattern.slice(0, 3));
  }
  return pattern === subtype;
}

const CheckSchema = z.strictObject({
  id: z.string().min(1).max(60),
  subtypes: z.array(SubtypePattern).min(1),
  severity: z.enum(['error', 'warning', 'info']),
  check: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('min_length'), field: z.enum(['summary', 'projectName']), min: z.number().int().min(1) }),
    z.strictObject({ kind: z.literal('required'), field: z.enum(['ipNumbers', 'expectedInvestmentFen', 'expectedOutputFen', 'contractNo', 'planProjectNo']) }),
    z.strictObject({ kind: z.literal('ip_types_any'), types: z.array(z.enum(CONTRACT_IP_TYPES)).min(1) }),
    z.strictObject({ kind: z.literal('ip_transfer_absent') }),
    z.strictObject({ kind: z.literal('tech_amount_at_least'), fen: z.number().int().min(0) }),
    z.strictObject({ kind: z.literal('plan_project_no') }),
  ]),
  message: z.string().min(2),
  messageEn: z.string().min(2),
});
export type RecognitionCheck = z.infer<typeof CheckSchema>;

/** The value schema of every parameter key (a PUT is validated against it). */
export const PARAMETER_VALUE_SCHEMAS = {
  /** When registration must happen: no fixed deadline, within the contract's validity, or N days after signing. */
  deadline: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('within_validity') }),
    z.strictObject({ kind: z.literal('days_after_signing'), days: z.number().int().min(1).max(3650) }),
  ]),
  /** How long the registry has to decide; large contracts (技术交易额 ≥ threshold) get the longer period. */
  review_period: z.strictObject({
    days: z.number().int().min(1).max(365),
    unit: z.enum(['working', 'calendar']),
    largeDays: z.number().int().min(1).max(365).optional(),
    largeThresholdFen: z.number().int().min(0).optional(),
  }),
  recognition_checks: z.strictObject({ checks: z.array(CheckSchema).max(100) }),
  /** VAT exemption of technology transfer/development and related consulting/service (财税〔2016〕36号). */
  tax_vat: z.strictObject({
    eligible: z.array(SubtypePattern),
    /** Consulting/service that qualifies only on the same invoice as an eligible transfer/development. */
    conditional: z.array(SubtypePattern),
    status: z.enum(['in_force', 'unconfirmed', 'repealed']),
    basis: z.string(),
    note: z.string(),
  }),
  /** EIT on technology-transfer income (企业所得税法 art 27(4); 实施条例 art 90; 财税〔2010〕111号; 〔2015〕116号). */
  tax_eit: z.strictObject({
    exemptFen: z.number().int().min(0),
    transfer: z.array(SubtypePattern),
    licence: z.array(SubtypePattern),
    minLicenceYears: z.number().int().min(0),
    /** Licence modes that qualify (before 2015-10-01 only exclusive; since, also non-exclusive). */
    licenceModes: z.array(z.enum(['exclusive', 'sole', 'non_exclusive'])),
    sellerTypes: z.array(z.string()),
    basis: z.string(),
    note: z.string(),
  }),
  /** Staff cash rewards from transformation income counted at a ratio into wages (财税〔2018〕58号). */
  tax_pit: z.strictObject({
    ratioBp: z.number().int().min(0).max(10_000),
    windowMonths: z.number().int().min(1).max(120),
    sellerTypes: z.array(z.string()),
    basis: z.string(),
    note: z.string(),
  }),
} satisfies Record<ParameterKey, z.ZodType>;

export type ParameterValues = { [K in ParameterKey]: z.infer<(typeof PARAMETER_VALUE_SCHEMAS)[K]> };

const YUAN_5M_FEN = 500_000_000; // 500万元

/** The parameters shipped with the platform; administrators add newer dated versions. */
export const DEFAULT_PARAMETERS: { key: ParameterKey; effectiveFrom: string; value: ParameterValues[ParameterKey]; source: string }[] = [
  { key: 'deadline', effectiveFrom: '2001-01-01', value: { kind: 'none' }, source: '《技术合同认定登记管理办法》国科发政字〔2000〕063号：合同成立后登记，无固定期限' },
  {
    key: 'deadline',
    effectiveFrom: '2026-01-23',
    value: { kind: 'within_validity' },
    source: '工信部《技术合同认定登记管理办法》(2026-01-23)：按 2024 征求意见稿，合同生效后的有效期内登记；正式条文编号未核实',
  },
  { key: 'review_period', effectiveFrom: '2001-01-01', value: { days: 30, unit: 'calendar' }, source: '2000 办法：受理之日起 30 日内认定' },
  {
    key: 'review_period',
    effectiveFrom: '2026-01-23',
    value: { days: 15, unit: 'working', largeDays: 30, largeThresholdFen: YUAN_5M_FEN },
    source: '2026 办法（按 2024 征求意见稿）：15 个工作日；技术交易额 ≥ 500 万元或有争议的，省级专家评审，30 个工作日',
  },
  {
    key: 'recognition_checks',
    effectiveFrom: '2001-01-01',
    value: {
      checks: [
        { id: 'dev.objective', subtypes: ['DEV-*'], severity: 'error', check: { kind: 'min_length', field: 'summary', min: 30 }, message: '技术开发合同须写明明确、具体的研究开发目标、技术创新内容和量化指标（标的内容不少于 30 字）', messageEn: 'A development contract must state a clear, specific R&D objective, its innovation and quantified targets (at least 30 characters)' },
        { id: 'trf.patent', subtypes: ['TRF-PAT', 'TRF-APP', 'LIC-PAT'], severity: 'error', check: { kind: 'ip_types_any', types: ['patent_invention', 'patent_utility', 'patent_design'] }, message: '专利（申请）权转让、专利实施许可合同须载明所涉专利类型', messageEn: 'Patent (application) transfers and patent licences must name the patents involved' },
        { id: 'trf.patent_numbers', subtypes: ['TRF-PAT', 'TRF-APP', 'LIC-PAT'], severity: 'error', check: { kind: 'required', field: 'ipNumbers' }, message: '须填写专利号或专利申请号（权属证明）', messageEn: 'Patent or application numbers are required (proof of title)' },
        { id: 'trf.secret', subtypes: ['TRF-SEC', 'LIC-SEC'], severity: 'error', check: { kind: 'ip_types_any', types: ['technical_secret'] }, message: '技术秘密转让、许可合同须载明技术秘密', messageEn: 'Technical-secret transfers and licences must list the technical secret' },
        { id: 'svc.no_ip_transfer', subtypes: ['SVC', 'SVC-TRN'], severity: 'warning', check: { kind: 'ip_transfer_absent' }, message: '技术服务、培训合同不涉及知识产权权属转移；如有权属转移，应按技术转让登记', messageEn: 'Service and training contracts transfer no IP; a transfer of title is registered as a technology transfer' },
        { id: 'trf.expected', subtypes: ['TRF-*'], severity: 'warning', check: { kind: 'required', field: 'expectedInvestmentFen' }, message: '技术转让合同应填报预计新增投入和预计新增产值', messageEn: 'Technology transfers should report expected new investment and output' },
        { id: 'con.report', subtypes: ['CON'], severity: 'warning', check: { kind: 'min_length', field: 'summary', min: 20 }, message: '技术咨询合同应写明特定技术项目及咨询报告要求', messageEn: 'A consulting contract should state the specific project and the report required' },
        { id: 'plan.project_no', subtypes: ['*'], severity: 'error', check: { kind: 'plan_project_no' }, message: '计划项目须填写计划项目编号', messageEn: 'Contracts under a government programme need its project number' },
        { id: 'large.expert_review', subtypes: ['*'], severity: 'info', check: { kind: 'tech_amount_at_least', fen: YUAN_5M_FEN }, message: '技术交易额不低于 500 万元：提交省级专家评审，审核期限相应延长', messageEn: 'Technology amount of ¥5 million or more: provincial expert review, longer review period' },
      ],
    },
    source: '《技术合同认定规则》国科发政字〔2001〕253号；火炬中心《技术合同认定登记工作指引》；地方实践（量化指标）。2026 办法附件《技术合同认定登记规则》条文未核实',
  },
  {
    key: 'tax_vat',
    effectiveFrom: '2016-05-01',
    value: { eligible: ['DEV-*', 'TRF-*', 'LIC-*'], conditional: ['CON', 'SVC'], status: 'in_force', basis: '财税〔2016〕36号 附件3 第一条第(二十六)项', note: '须经所在地省级科技主管部门认定登记；相关技术咨询、服务须与转让/开发价款开在同一张发票上' },
    source: '财税〔2016〕36号',
  },
  {
    key: 'tax_vat',
    effectiveFrom: '2026-01-01',
    value: { eligible: ['DEV-*', 'TRF-*', 'LIC-*'], conditional: ['CON', 'SVC'], status: 'unconfirmed', basis: '增值税法（2026-01-01 施行）第二十五条授权国务院规定专项优惠', note: '增值税法法定免税项目未列技术转让；36号文免税在 2026 年后是否延续尚未核实，请以税务机关口径为准' },
    source: '增值税法 第二十四、二十五条',
  },
  {
    key: 'tax_eit',
    effectiveFrom: '2008-01-01',
    value: { exemptFen: YUAN_5M_FEN, transfer: ['TRF-*'], licence: ['LIC-PAT', 'LIC-SEC', 'LIC-OTH'], minLicenceYears: 5, licenceModes: ['exclusive'], sellerTypes: ['enterprise'], basis: '企业所得税法 第二十七条(四)；实施条例 第九十条；财税〔2010〕111号', note: '居民企业一个纳税年度内技术转让所得不超过 500 万元的部分免征，超过部分减半；许可须为 5 年以上全球独占许可' },
    source: '企业所得税法；财税〔2010〕111号',
  },
  {
    key: 'tax_eit',
    effectiveFrom: '2015-10-01',
    value: { exemptFen: YUAN_5M_FEN, transfer: ['TRF-*'], licence: ['LIC-PAT', 'LIC-SEC', 'LIC-OTH'], minLicenceYears: 5, licenceModes: ['exclusive', 'sole', 'non_exclusive'], sellerTypes: ['enterprise'], basis: '企业所得税法 第二十七条(四)；财税〔2015〕116号；税务总局公告2015年第82号', note: '5 年以上非独占许可使用权转让也可享受（限自有技术）；所得 = 收入 − 成本 − 相关税费，平台按技术交易额列示上限' },
    source: '财税〔2015〕116号',
  },
  {
    key: 'tax_pit',
    effectiveFrom: '2018-07-01',
    value: { ratioBp: 5_000, windowMonths: 36, sellerTypes: ['university', 'research_institute'], basis: '财税〔2018〕58号', note: '非营利性科研机构和高校从职务科技成果转化收入中给予科技人员的现金奖励，减按 50% 计入当月工资薪金所得；须在取得收入后 36 个月内发放并取得技术合同认定登记证明' },
    source: '财税〔2018〕58号',
  },
];

/** The version of a parameter in force on a day: the latest `effectiveFrom ≤ day`. Pure. */
export function parameterAt<K extends ParameterKey>(rows: readonly { key: ParameterKey; effectiveFrom: string; value: unknown }[], key: K, day: string): ParameterValues[K] | null {
  let best: { effectiveFrom: string; value: unknown } | null = null;
  for (const r of rows) {
    if (r.key === key && r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) {
      best = r;
    }
  }
  return best ? (best.value as ParameterValues[K]) : null;
}

/** The fields recognition checks look at. */
export type CheckedContract = {
  subtype: ContractSubtype;
  summary: string;
  projectName: string;
  ipTypes: readonly string[];
  ipNumbers: readonly string[];
  expectedInvestmentFen: number | null;
  expectedOutputFen: number | null;
  contractNo: string | null;
  planCategory: string;
  planProjectNo: string | null;
  techAmountFen: number;
};

/** Findings of the checks in force. Pure. */
export function runChecks(checks: readonly RecognitionCheck[], c: CheckedContract): Finding[] {
  const findings: Finding[] = [];
  for (const rule of checks) {
    if (!rule.subtypes.some((p) => matchesSubtype(p, c.subtype))) {
      continue;
    }
    const k = rule.check;
    let field: string | null = null;
    let hit: boolean;
    switch (k.kind) {
      case 'min_length':
        field = k.field;
        hit = [...c[k.field].trim()].length < k.min;
        break;
      case 'required': {
        field = k.field;
        const v = c[k.field];
        hit = v === null || v === undefined || (Array.isArray(v) && v.length === 0) || v === '';
        break;
      }
      case 'ip_types_any':
        field = 'ipTypes';
        hit = !c.ipTypes.some((t) => (k.types as readonly string[]).includes(t));
        break;
      case 'ip_transfer_absent':
        field = 'ipTypes';
        hit = c.ipTypes.length > 0;
        break;
      case 'tech_amount_at_least':
        field = 'techAmountFen';
        hit = c.techAmountFen >= k.fen;
        break;
      case 'plan_project_no':
        field = 'planProjectNo';
        hit = c.planCategory !== 'none' && !c.planProjectNo;
        break;
    }
    if (hit) {
      findings.push({ ruleId: rule.id, severity: rule.severity, field, message: rule.message, messageEn: rule.messageEn });
    }
  }
  return findings;
}

/** The last day to register under the deadline in force, or null (no deadline). Pure. */
export function registrationDeadline(rule: ParameterValues['deadline'] | null, c: { signedOn: string; validTo: string }): string | null {
  if (!rule || rule.kind === 'none') {
    return null;
  }
  if (rule.kind === 'within_validity') {
    return c.validTo;
  }
  const d = new Date(`${c.signedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + rule.days);
  return d.toISOString().slice(0, 10);
}

/** Working or calendar days the registry has for this contract. Pure. */
export function reviewDays(rule: ParameterValues['review_period'] | null, techAmountFen: number): { days: number; unit: 'working' | 'calendar' } {
  if (!rule) {
    return { days: 30, unit: 'calendar' };
  }
  const large = rule.largeDays !== undefined && rule.largeThresholdFen !== undefined && techAmountFen >= rule.largeThresholdFen;
  return { days: large ? rule.largeDays! : rule.days, unit: rule.unit };
}

/** Years (rounded down) a licence runs, from its validity. Pure. */
export function termYears(validFrom: string, validTo: string): number {
  const a = new Date(`${validFrom}T00:00:00Z`);
  const b = new Date(`${validTo}T00:00:00Z`);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) {
    years--;
  }
  return years;
}

export type TaxInput = {
  subtype: ContractSubtype;
  licenceMode: LicenceMode | null;
  sellerType: string;
  crossBorder: CrossBorder;
  validFrom: string;
  validTo: string;
  registeredOn: string | null;
};

/** Whether a contract's income counts as 技术转让所得 under the EIT rule in force. Pure. */
export function eitEligible(rule: ParameterValues['tax_eit'] | null, c: TaxInput): { eligible: boolean; why: string } {
  if (!rule) {
    return { eligible: false, why: '无适用参数' };
  }
  if (!rule.sellerTypes.includes(c.sellerType)) {
    return { eligible: false, why: '转让方非居民企业（高校、科研机构等事业单位按其他规定）' };
  }
  if (rule.transfer.some((p) => matchesSubtype(p, c.subtype))) {
    return { eligible: true, why: '技术所有权转让' };
  }
  if (rule.licence.some((p) => matchesSubtype(p, c.subtype))) {
    const years = termYears(c.validFrom, c.validTo);
    if (years < rule.minLicenceYears) {
      return { eligible: false, why: `许可期限 ${years} 年，不足 ${rule.minLicenceYears} 年` };
    }
    if (!c.licenceMode || !rule.licenceModes.includes(c.licenceMode)) {
      return { eligible: false, why: '许可方式不在适用范围内' };
    }
    return { eligible: true, why: `${years} 年许可` };
  }
  return { eligible: false, why: '非技术转让或许可合同' };
}

/** The split of a seller's yearly 技术转让所得: exempt up to the threshold, halved above. Pure. */
export function eitSplit(yearIncomeFen: bigint, exemptFen: number): { exemptFen: bigint; halvedFen: bigint } {
  const cap = BigInt(exemptFen);
  return yearIncomeFen <= cap ? { exemptFen: yearIncomeFen, halvedFen: 0n } : { exemptFen: cap, halvedFen: yearIncomeFen - cap };
}

/** The last day of the PIT reward window: `months` after the day. Pure. */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

/** Payment-schedule rule: lump sum and instalments must add up to 成交额. Pure. */
export function scheduleMismatch(method: PaymentMethod, schedule: readonly { amountFen: number }[], contractAmountFen: number): number | null {
  if (schedule.length === 0 || method === 'royalty' || method === 'royalty_with_entry_fee') {
    return null;
  }
  const sum = schedule.reduce((s, p) => s + p.amountFen, 0);
  return sum === contractAmountFen ? null : sum;
}

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CreateRegistration } from '#shared/contracts/registrations.contract';
import { withCreditCodeCheckChar } from '#shared/format/credit-code';
import { AppError } from '#server/lib/app-error';
import type { Actor } from '#server/modules/auth/index';
import {
  amountToFen,
  codeOf,
  coerceRegistrationRow,
  importRegistrations,
  mapRegistrationHeaders,
  REGISTRATION_IMPORT_COLUMNS,
  REGISTRATION_TEMPLATE_HEADERS,
  RegistrationImportReportSchema,
  toDay,
  validateRegistrationRow,
  type ImportOrg,
  type RegistrationImportColumn,
  type RegistrationImportDeps,
  type RegistrationImportOptions,
} from './registrations.import';

const ORG_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG_ID = '22222222-2222-4222-8222-222222222222';
const SELLER_CODE = withCreditCodeCheckChar('12110000400000123');
const BUYER_CODE = withCreditCodeCheckChar('91440300MA5F00012');
const ORG: ImportOrg = { id: ORG_ID, name: '京华大学', type: 'university', creditCode: SELLER_CODE };

const actor: Actor = {
  kind: 'user',
  userId: '33333333-3333-4333-8333-333333333333',
  email: 'tto@test',
  displayName: 'TTO',
  roles: [{ id: '44444444-4444-4444-8444-444444444444', role: 'tto_officer', regionCode: null, organisationId: ORG_ID }],
  memberships: [{ organisationId: ORG_ID, role: 'member' }],
  via: 'session',
  scopes: ['read', 'write'],
  ip: '127.0.0.1',
  requestId: 'test',
};

const HEADER = [
  '外部编号',
  '项目名称',
  '合同编号',
  '合同子类',
  '许可方式',
  '卖方名称',
  '卖方统一社会信用代码',
  '买方名称',
  '买方类型',
  '买方统一社会信用代码',
  '买方地区代码',
  '技术领域',
  '行业代码',
  '知识产权类型',
  '专利号',
  '计划类别',
  '社会经济目标',
  '签订日期',
  '有效期起',
  '有效期止',
  '支付方式',
  '成交额（元）',
  '非技术性费用（元）',
  '技术交易额（元）',
];

/** One CSV data row; `over` replaces cells by header. */
function line(n: number, over: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    外部编号: `HT-${n}`,
    项目名称: `固废基胶凝材料专利实施许可 ${n}`,
    合同编号: `JH-2026-${n}`,
    合同子类: '专利实施许可',
    许可方式: '独占',
    卖方名称: '京华大学',
    卖方统一社会信用代码: SELLER_CODE,
    买方名称: '鹏城智能科技有限公司',
    买方类型: '企业',
    买方统一社会信用代码: BUYER_CODE,
    买方地区代码: '440305',
    技术领域: '新材料及其应用',
    行业代码: '30',
    知识产权类型: '发明专利、实用新型',
    专利号: 'ZL202310123456.7;ZL202320654321.0',
    计划类别: '省级计划',
    社会经济目标: 'SE06',
    签订日期: '2026/10/20',
    有效期起: '2026年10月20日',
    有效期止: '20311019',
    支付方式: '一次总付',
    '成交额（元）': '1,200,000.29',
    '非技术性费用（元）': '200000.10',
    '技术交易额（元）': '1000000.19',
    ...over,
  };
  return HEADER.map((h) => base[h] ?? '');
}

const csv = (rows: string[][], header: readonly string[] = HEADER) =>
  [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

/** The service in memory: one transaction per call (a refusal keeps nothing), externalIds per organisation. */
function fakeService(refuse: (input: CreateRegistration) => AppError | null = () => null) {
  const stored = new Map<string, CreateRegistration>();
  const calls: CreateRegistration[][] = [];
  let seq = 0;
  const service: RegistrationImportDeps['service'] = {
    async createMany(_actor, inputs) {
      calls.push([...inputs]);
      const pending = new Map<string, CreateRegistration>();
      const ids: (string | null)[] = [];
      const skipped: number[] = [];
      for (const [i, input] of inputs.entries()) {
        const err = refuse(input);
        if (err) {
          throw new AppError(err.code, err.message, { ...err.details, row: i }, err.params);
        }
        if (input.externalId && (stored.has(input.externalId) || pending.has(input.externalId))) {
          ids.push(null);
          skipped.push(i);
          continue;
        }
        const id = `id-${++seq}`;
        pending.set(input.externalId ?? id, input);
        ids.push(id);
      }
      for (const [k, v] of pending) {
        stored.set(k, v);
      }
      return { ids, skipped };
    },
  };
  return { service, stored, calls };
}

const organisations: RegistrationImportDeps['organisations'] = {
  async get(_actor, id) {
    if (id !== ORG_ID) {
      throw new AppError('organisation/not_found', 'no');
    }
    return ORG;
  },
};

const opts = (o: Partial<RegistrationImportOptions> = {}): RegistrationImportOptions => ({ mode: 'all', lang: 'zh', ...o });
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
}

describe('amounts: yuan → fen, exactly', () => {
  it('converts decimal yuan by string arithmetic', () => {
    expect(amountToFen('0.29', 'yuan')).toBe(29);
    expect(amountToFen('1.1', 'yuan')).toBe(110);
    expect(amountToFen('1,200,000.29', 'yuan')).toBe(120_000_029);
    expect(amountToFen('¥１２３.４５元', 'yuan')).toBe(12_345);
    expect(amountToFen('1000.00', 'yuan')).toBe(100_000);
    expect(amountToFen('1000.000', 'yuan')).toBe(100_000);
    expect(amountToFen('90071992547409.91', 'yuan')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('takes spreadsheet numbers at their own precision (no float drift)', () => {
    expect(amountToFen(0.1 + 0.2, 'yuan')).toBe(30);
    expect(amountToFen(1.1 * 3, 'yuan')).toBe(330); // 3.3000000000000003
    expect(amountToFen(19.99, 'yuan')).toBe(1_999);
    expect(amountToFen(1_000_000, 'fen')).toBe(1_000_000);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['1.234', '-1', '1234,56', '12,34', 'abc', '', '1e5', '90071992547409.92']) {
      expect(amountToFen(bad, 'yuan'), bad).toBeUndefined();
    }
    expect(amountToFen('100.5', 'fen')).toBeUndefined();
    expect(amountToFen(Number.NaN, 'yuan')).toBeUndefined();
  });
});

describe('days', () => {
  it('normalises the usual spellings and spreadsheet dates', () => {
    expect(toDay('2026/1/5')).toBe('2026-01-05');
    expect(toDay('2026.10.20')).toBe('2026-10-20');
    expect(toDay('2026年10月20日')).toBe('2026-10-20');
    expect(toDay('20261020')).toBe('2026-10-20');
    expect(toDay('2026-10-20T00:00:00.000Z')).toBe('2026-10-20');
    // Written by a UTC+8 tool: local midnight of 10-20.
    expect(toDay('2026-10-19T16:00:00.000Z')).toBe('2026-10-20');
    expect(toDay(46315)).toBe('2026-10-20');
    expect(toDay('next week')).toBe('next week');
  });
});

describe('columns and codes', () => {
  it('knows English field names and Chinese labels, full-width or not', () => {
    const map = mapRegistrationHeaders(['projectName', '合同子类', 'Seller.CreditCode', '成交额(元)', '技术交易额（分）', '买方 国别']);
    expect([...map.values()]).toEqual([
      'projectName',
      'subtype',
      'seller.creditCode',
      'contractAmountYuan',
      'techAmountFen',
      'buyer.countryCode',
    ]);
  });

  it('refuses unknown and repeated columns, and files without the key columns', async () => {
    expect(await errorCode(Promise.resolve().then(() => mapRegistrationHeaders(['项目名称', '合同子类', '成交额（元）', '备注'])))).toBe(
      'import/unknown_columns',
    );
    expect(await errorCode(Promise.resolve().then(() => mapRegistrationHeaders(['项目名称', '合同子类', '成交额（元）', '成交额'])))).toBe(
      'import/unknown_columns',
    );
    expect(await errorCode(Promise.resolve().then(() => mapRegistrationHeaders(['项目名称', '成交额（元）'])))).toBe(
      'import/missing_columns',
    );
  });

  it('maps Chinese sub-type names and other words to codes', () => {
    expect(codeOf('subtype', '专利实施许可')).toBe('LIC-PAT');
    expect(codeOf('subtype', '技术秘密转让合同')).toBe('TRF-SEC');
    expect(codeOf('subtype', 'trf-pat')).toBe('TRF-PAT');
    expect(codeOf('subtype', '技术开发')).toBeUndefined(); // a category: the sub-type must be chosen
    expect(codeOf('licenceMode', '排他许可')).toBe('sole');
    expect(codeOf('partyType', '高校')).toBe('university');
    expect(codeOf('country', '美国')).toBe('US');
    expect(codeOf('paymentMethod', '提成支付附加预付入门费')).toBe('royalty_with_entry_fee');
    expect(codeOf('domain', '新材料')).toBe('TD07');
  });

  it('takes the names of the platform code lists (Chinese, English, legacy codes) as well as the import aliases', () => {
    expect(codeOf('subtype', '技术服务合同')).toBe('SVC');
    expect(codeOf('subtype', 'Commissioned development')).toBe('DEV-COM');
    expect(codeOf('category', '技术许可合同')).toBe('LIC');
    expect(codeOf('category', '技术许可')).toBe('LIC');
    expect(codeOf('partyType', '企业法人')).toBe('enterprise');
    expect(codeOf('partyType', '200')).toBe('enterprise');
    expect(codeOf('partyType', '021')).toBe('research_institute');
    expect(codeOf('ownership', '港澳台')).toBe('hmt');
    expect(codeOf('ipType', '集成电路布图设计专有权')).toBe('ic_layout');
    expect(codeOf('planCategory', '地市县计划')).toBe('local');
    expect(codeOf('objective', '知识的普遍进步（高校一般性资金）')).toBe('SE12');
    expect(codeOf('domain', '生物、医药和医疗器械')).toBe('TD06');
    expect(codeOf('licenceMode', 'Non-exclusive licence')).toBe('non_exclusive');
  });

  it('every template header maps back to its column', () => {
    const map = mapRegistrationHeaders(REGISTRATION_TEMPLATE_HEADERS);
    expect([...map.values()]).toEqual(Object.keys(REGISTRATION_IMPORT_COLUMNS));
  });

  it('coerces a row: category 技术咨询 alone, derived 技术交易额, party linked by credit code', () => {
    const cells = new Map<RegistrationImportColumn, unknown>(<[RegistrationImportColumn, unknown][]>[
      ['projectName', '区域产业技术路线图咨询'],
      ['category', '技术咨询'],
      ['seller.creditCode', SELLER_CODE.toLowerCase()],
      ['buyer.name', 'Acme GmbH'],
      ['buyer.type', '100'],
      ['buyer.countryCode', '德国'],
      ['contractAmountYuan', '300000.5'],
      ['nonTechnicalCostsYuan', '0.5'],
    ]);
    const { values, problems } = coerceRegistrationRow(cells, [ORG]);
    expect(problems).toEqual([]);
    expect(values).toMatchObject({
      subtype: 'CON',
      seller: { organisationId: ORG_ID, name: '京华大学', type: 'university', creditCode: SELLER_CODE },
      buyer: { name: 'Acme GmbH', type: 'enterprise', enterpriseOwnership: 'domestic', countryCode: 'DE' },
      contractAmountFen: 30_000_050,
      nonTechnicalCosts: [{ item: '非技术性费用', amountFen: 50 }],
      techAmountFen: 30_000_000,
    });
  });

  it('reports unknown codes with what is allowed, and a sub-type outside its category', () => {
    const { problems } = coerceRegistrationRow(
      new Map<RegistrationImportColumn, unknown>([
        ['category', '技术转让'],
        ['subtype', '专利实施许可'],
        ['licenceMode', '半独占'],
        ['ipTypes', '发明专利、商标'],
      ]),
      [],
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['licenceMode', 'unknown_code'],
      ['ipTypes', 'unknown_code'],
      ['subtype', 'invalid_value'],
    ]);
  });

  it('a party of another organisation is not linked; the schema then wants its data', () => {
    const coerced = coerceRegistrationRow(new Map<RegistrationImportColumn, unknown>([['seller.organisationId', OTHER_ORG_ID]]), [ORG]);
    expect(coerced.values.seller).toEqual({ organisationId: OTHER_ORG_ID });
    const v = validateRegistrationRow(coerced);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['seller.name', 'seller.type', 'projectName']));
  });
});

describe('importRegistrations', () => {
  const rows = [line(1), line(2, { 外部编号: 'HT-2', 合同子类: 'TRF-PAT', 许可方式: '' })];

  it('reads UTF-8 with BOM: draft inputs with exact fen, linked seller, codes', async () => {
    const fake = fakeService();
    const report = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      Buffer.concat([BOM, Buffer.from(csv(rows))]),
      opts(),
    );
    expect(RegistrationImportReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      format: 'csv',
      encoding: 'utf8',
      total: 2,
      created: 2,
      skipped: 0,
      failed: 0,
      rows: [],
      ids: ['id-1', 'id-2'],
    });
    const [first, second] = fake.calls[0]!;
    expect(first).toMatchObject({
      externalId: 'HT-1',
      subtype: 'LIC-PAT',
      licenceMode: 'exclusive',
      seller: { organisationId: ORG_ID, name: '京华大学', type: 'university' },
      buyer: { name: '鹏城智能科技有限公司', type: 'enterprise', creditCode: BUYER_CODE, regionCode: '440305', countryCode: 'CN' },
      technologyDomain: 'TD07',
      industryCode: '30',
      ipTypes: ['patent_invention', 'patent_utility'],
      ipNumbers: ['ZL202310123456.7', 'ZL202320654321.0'],
      planCategory: 'provincial',
      socioEconomicObjective: 'SE06',
      signedOn: '2026-10-20',
      validFrom: '2026-10-20',
      validTo: '2031-10-19',
      paymentMethod: 'lump_sum',
      contractAmountFen: 120_000_029,
      nonTechnicalCosts: [{ item: '非技术性费用', amountFen: 20_000_010 }],
      techAmountFen: 100_000_019,
    });
    expect(second).toMatchObject({ subtype: 'TRF-PAT' });
    expect(second!.licenceMode).toBeUndefined();
  });

  it('reads GBK bytes (what Chinese Excel saves) the same way', async () => {
    const fake = fakeService();
    const report = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      iconv.encode(csv(rows), 'gbk'),
      opts({ filename: '合同.csv' }),
    );
    expect(report).toMatchObject({ encoding: 'gb18030', created: 2, failed: 0 });
    expect(fake.calls[0]![0]!.projectName).toBe('固废基胶凝材料专利实施许可 1');
  });

  it('reads XLSX with numeric amounts, date cells and numeric codes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合同');
    ws.addRow([
      '外部编号',
      '项目名称',
      '合同类别',
      '卖方统一社会信用代码',
      '买方名称',
      '买方类型',
      '买方国别',
      '技术领域',
      '行业代码',
      '社会经济目标',
      '签订日期',
      '有效期起',
      '有效期止',
      '支付方式',
      '成交额（元）',
      '技术交易额（分）',
    ]);
    ws.addRow([
      'X-1',
      '智能电网调度算法技术服务',
      '技术服务',
      SELLER_CODE,
      'Grid Co. Ltd',
      '企业',
      '新加坡',
      'TD01',
      4420,
      '能源',
      new Date(Date.UTC(2026, 9, 20)),
      new Date(Date.UTC(2026, 9, 20)),
      new Date(Date.UTC(2027, 9, 19)),
      '分期支付',
      512345.67,
      51234567,
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const fake = fakeService();
    const report = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      bytes,
      opts({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    expect(report, JSON.stringify(report.rows)).toMatchObject({ format: 'xlsx', encoding: 'binary', created: 1, failed: 0 });
    expect(fake.calls[0]![0]).toMatchObject({
      subtype: 'SVC',
      buyer: { countryCode: 'SG', name: 'Grid Co. Ltd' },
      industryCode: '4420',
      socioEconomicObjective: 'SE05',
      signedOn: '2026-10-20',
      validTo: '2027-10-19',
      paymentMethod: 'instalments',
      contractAmountFen: 51_234_567,
      techAmountFen: 51_234_567,
    });
  });

  it('refuses a file in the wrong encoding with a clear error, writing nothing', async () => {
    const fake = fakeService();
    const gbk = iconv.encode(csv(rows), 'gbk');
    expect(await errorCode(importRegistrations({ service: fake.service, organisations }, actor, gbk, opts({ encoding: 'utf8' })))).toBe(
      'import/encoding_invalid',
    );
    expect(
      await errorCode(
        importRegistrations({ service: fake.service, organisations }, actor, Buffer.from([0x81, 0x20, 0xff, 0x30, 0x2c, 0x0a]), opts()),
      ),
    ).toBe('import/encoding_invalid');
    expect(
      await errorCode(importRegistrations({ service: fake.service, organisations }, actor, Buffer.from('PK\u0003\u0004broken'), opts())),
    ).toBe('import/unreadable_file');
    expect(await errorCode(importRegistrations({ service: fake.service, organisations }, actor, Buffer.from(csv([])), opts()))).toBe(
      'import/empty_file',
    );
    expect(fake.calls).toEqual([]);
  });

  it('mode=all refuses the whole file when a row is invalid; the report names row, field and problem', async () => {
    const fake = fakeService();
    const bad = [
      line(1),
      line(2, { 合同子类: '技术开发', '成交额（元）': '12.345' }),
      line(3, { 签订日期: '昨天' }),
      line(4, { 买方地区代码: '' }),
    ];
    const report = await importRegistrations({ service: fake.service, organisations }, actor, Buffer.from(csv(bad)), opts());
    expect(fake.calls).toEqual([]);
    expect(report).toMatchObject({ total: 4, created: 0, failed: 3, ids: [] });
    expect(report.rows.map((r) => [r.row, r.field, r.code])).toEqual([
      [3, 'subtype', 'unknown_code'],
      [3, 'contractAmountFen', 'invalid_value'],
      [4, 'signedOn', 'invalid_value'],
      [5, 'buyer.regionCode', 'registration/party_incomplete'],
    ]);
    expect(report.rows[0]!.message).toMatch(/^合同子类：未知代码：技术开发（可填：DEV-COM（委托开发）/);
    expect(report.rows[1]!.message).toBe('成交额（元）：取值无效：应为金额（元，最多两位小数，不能为负）');
    expect(report.rows[3]!.message).toContain('境内当事人须填写行政区划代码');
  });

  it('reports in English with lang en', async () => {
    const fake = fakeService();
    const report = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      Buffer.from(csv([line(1, { 合同子类: 'XYZ', 项目名称: '' })])),
      opts({ lang: 'en' }),
    );
    expect(report.rows.map((r) => r.message)).toEqual([
      'subtype: Unknown code: XYZ (allowed: DEV-COM, DEV-COOP, TRF-PAT, TRF-APP, TRF-SEC, TRF-OTH, LIC-PAT, LIC-SEC, LIC-OTH, CON, SVC, SVC-TRN, SVC-BRK)',
      'projectName: Required value is missing',
    ]);
  });

  it('checks the amounts add up and the file has no repeated 外部编号', async () => {
    const fake = fakeService();
    const report = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      Buffer.from(csv([line(1, { '技术交易额（元）': '1000000.20' }), line(2), line(3, { 外部编号: 'HT-2' })])),
      opts({ mode: 'valid' }),
    );
    expect(report.rows.map((r) => [r.row, r.field, r.code])).toEqual([
      [2, 'techAmountFen', 'registration/amounts_inconsistent'],
      [4, 'externalId', 'duplicate_external_id'],
    ]);
    expect(report.rows[1]!.message).toBe('外部编号：外部编号 HT-2 在文件中重复（首次出现于第 3 行）');
    expect(report).toMatchObject({ created: 1, failed: 2 });
    expect(fake.calls.map((c) => c.map((i) => i.externalId))).toEqual([['HT-2']]);
  });

  it('mode=valid writes the rows the service accepts, retrying a batch without the refused row', async () => {
    const fake = fakeService((input) =>
      input.externalId === 'HT-3'
        ? new AppError('registration/unknown_code', 'x', { issues: [{ path: 'body.industryCode' }] }, { codes: '9999' })
        : null,
    );
    const report = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      Buffer.from(csv([1, 2, 3, 4, 5].map((n) => line(n)))),
      opts({ mode: 'valid' }),
    );
    expect(report).toMatchObject({ total: 5, created: 4, failed: 1, skipped: 0 });
    expect(report.rows).toEqual([
      { row: 4, field: 'industryCode', code: 'registration/unknown_code', message: '行业代码：未知代码：9999' },
    ]);
    expect([...fake.stored.keys()].sort()).toEqual(['HT-1', 'HT-2', 'HT-4', 'HT-5']);
    expect(fake.calls.map((c) => c.length)).toEqual([5, 2, 2]);
  });

  it('mode=all: a refusal by the service on one row writes nothing and is reported', async () => {
    const fake = fakeService((input) => (input.externalId === 'HT-2' ? new AppError('registration/not_applicant', 'x') : null));
    const report = await importRegistrations({ service: fake.service, organisations }, actor, Buffer.from(csv([line(1), line(2)])), opts());
    expect(report).toMatchObject({ created: 0, failed: 1, ids: [] });
    expect(report.rows).toEqual([
      { row: 3, field: '(row)', code: 'registration/not_applicant', message: '只有卖方（技术进口合同为境内买方）机构可以申请登记' },
    ]);
    expect(fake.stored.size).toBe(0);
  });

  it('uses the service check of every row when it has one', async () => {
    const fake = fakeService();
    const service = {
      ...fake.service,
      async checkMany(_a: Actor, inputs: readonly CreateRegistration[]) {
        return inputs.flatMap((input, index) =>
          input.externalId === 'HT-1'
            ? []
            : [{ index, error: new AppError('registration/deadline_passed', 'x', undefined, { deadline: '2026-11-19' }) }],
        );
      },
    };
    const report = await importRegistrations({ service, organisations }, actor, Buffer.from(csv([line(1), line(2), line(3)])), opts());
    expect(report).toMatchObject({ created: 0, failed: 2 });
    expect(report.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(fake.calls).toEqual([]);
  });

  it('re-import by 外部编号 skips what exists (not an error)', async () => {
    const fake = fakeService();
    const bytes = Buffer.from(csv([line(1), line(2)]));
    await importRegistrations({ service: fake.service, organisations }, actor, bytes, opts());
    const again = await importRegistrations(
      { service: fake.service, organisations },
      actor,
      Buffer.from(csv([line(1), line(2), line(3)])),
      opts(),
    );
    expect(again).toMatchObject({ total: 3, created: 1, skipped: 2, failed: 0, ids: ['id-3'] });
    expect(again.rows).toEqual([
      { row: 2, field: 'externalId', code: 'skipped', message: '外部编号 HT-1 已导入过，本行跳过' },
      { row: 3, field: 'externalId', code: 'skipped', message: '外部编号 HT-2 已导入过，本行跳过' },
    ]);
  });

  it('needs a signed-in user', async () => {
    const fake = fakeService();
    expect(
      await errorCode(
        importRegistrations(
          { service: fake.service, organisations },
          { kind: 'anonymous', ip: '::1', requestId: 'x' },
          Buffer.from(csv([line(1)])),
          opts(),
        ),
      ),
    ).toBe('common/unauthenticated');
  });
});

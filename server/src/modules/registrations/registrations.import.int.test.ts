import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';

// Monday 2026-11-02, 10:00 in Beijing.
const clock = fixedClock('2026-11-02T02:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let uni: { id: string; name: string; creditCode: string };
let other: { id: string; creditCode: string };
let tto: Agent;
let stranger: Agent;

const HEADER = [
  '外部编号',
  '项目名称',
  '合同子类',
  '许可方式',
  '卖方统一社会信用代码',
  '买方名称',
  '买方类型',
  '买方统一社会信用代码',
  '买方地区代码',
  '技术领域',
  '行业代码',
  '知识产权类型',
  '社会经济目标',
  '签订日期',
  '有效期起',
  '有效期止',
  '支付方式',
  '成交额（元）',
  '非技术性费用（元）',
];

function line(ext: string, over: Record<string, string> = {}, header: readonly string[] = HEADER): string[] {
  const base: Record<string, string> = {
    外部编号: ext,
    项目名称: `高效固废基胶凝材料专利实施许可（${ext}）`,
    合同子类: '专利实施许可',
    许可方式: '普通许可',
    卖方统一社会信用代码: uni.creditCode,
    买方名称: '深圳鹏城建材有限公司',
    买方类型: '企业',
    买方统一社会信用代码: '91440300MA5F000125',
    买方地区代码: '440305',
    技术领域: '新材料及其应用',
    行业代码: '30',
    知识产权类型: '发明专利',
    社会经济目标: '工业生产与技术',
    签订日期: '2026/10/20',
    有效期起: '2026/10/20',
    有效期止: '2031/10/19',
    支付方式: '一次总付',
    '成交额（元）': '1200000.29',
    '非技术性费用（元）': '200000.10',
    ...over,
  };
  return header.map((h) => base[h] ?? '');
}
const csv = (rows: string[][], header: readonly string[] = HEADER) => [header, ...rows].map((r) => r.join(',')).join('\r\n');
/** With the seller described in full (name, type, region) rather than by its credit code alone. */
const FULL = [...HEADER, '卖方名称', '卖方类型', '卖方地区代码'];
const withBom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]);

async function upload(as: Agent | null, query: string, body: Buffer, contentType = 'text/csv', extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'content-type': contentType, ...extra };
  if (as) {
    headers.cookie = `tn_session=${as.cookie}`;
    headers['x-csrf-token'] = as.csrf;
  }
  const raw = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/import${query}`, headers, payload: body });
  return { status: raw.statusCode, body: JSON.parse(raw.body) as Record<string, any> };
}

async function mine(): Promise<
  { externalId: string | null; contractAmountFen: number; techAmountFen: number; status: string; id: string }[]
> {
  const list = await t.request('GET', '/api/v1/registrations?view=mine&pageSize=100', { as: tto });
  expect(list.status).toBe(200);
  return Promise.all(
    (list.body.items as { id: string }[]).map(async (i) => (await t.request('GET', `/api/v1/registrations/${i.id}`, { as: tto })).body),
  );
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.handle.db;
  const u = await insertOrganisation(db, { name: '京华大学（导入测试）', type: 'university', regionCode: '110108' });
  const o = await insertOrganisation(db, { name: '另一所大学（导入测试）', type: 'university', regionCode: '110108' });
  uni = { id: u.id, name: u.name, creditCode: u.creditCode! };
  other = { id: o.id, creditCode: o.creditCode! };
  await insertUser(db, {
    email: 'tto@import.test',
    roles: [{ role: 'tto_officer', organisationId: u.id }],
    orgs: [{ organisationId: u.id, role: 'member' }],
  });
  await insertUser(db, { email: 'stranger@import.test' });
  tto = await t.login('tto@import.test');
  stranger = await t.login('stranger@import.test');
});
afterAll(async () => {
  await t.close();
});

describe('POST /registrations/import', () => {
  it('imports a UTF-8 CSV (BOM) as drafts of the caller’s organisation, amounts exact in fen', async () => {
    const res = await upload(tto, '?mode=all', withBom(csv([line('U-1'), line('U-2', { 合同子类: 'TRF-PAT', 许可方式: '' })])));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', encoding: 'utf8', total: 2, created: 2, skipped: 0, failed: 0, rows: [] });
    expect(res.body.ids).toHaveLength(2);
    const one = (await t.request('GET', `/api/v1/registrations/${res.body.ids[0]}`, { as: tto })).body;
    expect(one).toMatchObject({
      status: 'draft',
      externalId: 'U-1',
      subtype: 'LIC-PAT',
      licenceMode: 'non_exclusive',
      applicantOrgId: uni.id,
      seller: { organisationId: uni.id, name: uni.name, type: 'university', regionCode: '110108' },
      buyer: { organisationId: null, name: '深圳鹏城建材有限公司', regionCode: '440305' },
      contractAmountFen: 120_000_029,
      nonTechnicalCosts: [{ amountFen: 20_000_010 }],
      techAmountFen: 100_000_019,
      socioEconomicObjective: 'SE06',
    });
    expect(one.history.map((h: { action: string }) => h.action)).toEqual(['import']);
  });

  it('re-importing the same 外部编号 skips those rows', async () => {
    const res = await upload(tto, '', withBom(csv([line('U-1'), line('U-2', { 合同子类: 'TRF-PAT', 许可方式: '' }), line('U-3')])));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, created: 1, skipped: 2, failed: 0 });
    expect(res.body.rows.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [2, 'skipped'],
      [3, 'skipped'],
    ]);
    expect((await mine()).filter((r) => r.externalId?.startsWith('U-'))).toHaveLength(3);
  });

  it('GBK file, mode=valid: valid rows written, refused rows reported (schema and service)', async () => {
    const rows = [
      line('G-1'),
      line('G-2', { 买方地区代码: '999999' }), // unknown region: the service refuses
      line('G-3', { '成交额（元）': '12.345' }), // 3 decimals
      line('G-4', { 卖方统一社会信用代码: other.creditCode }), // not the caller's: not linked, so name and type are missing
      line('G-5'),
    ];
    const res = await upload(tto, '?mode=valid', iconv.encode(csv(rows), 'gbk'), 'application/octet-stream', {
      'accept-language': 'zh-CN',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'gb18030', total: 5, created: 2, failed: 3 });
    expect(res.body.rows.map((r: { row: number; field: string; code: string }) => [r.row, r.field, r.code])).toEqual([
      [3, 'buyer.regionCode', 'registration/unknown_code'],
      [4, 'contractAmountFen', 'invalid_value'],
      [5, 'seller.name', 'required'],
      [5, 'seller.type', 'required'],
    ]);
    expect(res.body.rows[0].message).toBe('买方地区代码：未知代码：999999');
    const ext = (await mine()).map((r) => r.externalId);
    expect(ext).toEqual(expect.arrayContaining(['G-1', 'G-5']));
    expect(ext).not.toContain('G-2');
  });

  it('mode=all: one row refused by the service and nothing of the file is written', async () => {
    const before = (await mine()).length;
    const res = await upload(tto, '?mode=all_or_nothing', withBom(csv([line('A-1'), line('A-2'), line('A-3', { 行业代码: '9999' })])));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, created: 0, failed: 1, ids: [] });
    expect(res.body.rows).toEqual([
      { row: 4, field: 'industryCode', code: 'registration/unknown_code', message: '行业代码：未知代码：9999' },
    ]);
    expect((await mine()).length).toBe(before);
  });

  it('a seller that is not one of the caller’s organisations is refused', async () => {
    const full = { 卖方统一社会信用代码: other.creditCode, 卖方名称: '另一所大学', 卖方类型: '高等院校', 卖方地区代码: '110108' };
    const res = await upload(tto, '?mode=all', withBom(csv([line('N-1', full, FULL)], FULL)));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, failed: 1 });
    expect(res.body.rows).toEqual([
      { row: 2, field: '(row)', code: 'registration/not_applicant', message: '只有卖方（技术进口合同为境内买方）机构可以申请登记' },
    ]);
  });

  it('XLSX with numeric and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合同');
    ws.addRow(HEADER);
    const cells = line('X-1');
    ws.addRow(
      cells.map((c, i) => {
        const h = HEADER[i]!;
        if (h.startsWith('成交额') || h.startsWith('非技术性')) {
          return Number(c);
        }
        if (h === '签订日期' || h === '有效期起') {
          return new Date(Date.UTC(2026, 9, 20));
        }
        if (h === '有效期止') {
          return new Date(Date.UTC(2031, 9, 19));
        }
        return h === '买方地区代码' ? 440305 : c;
      }),
    );
    const res = await upload(tto, '', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: 'xlsx', created: 1, failed: 0 });
    const x = (await t.request('GET', `/api/v1/registrations/${res.body.ids[0]}`, { as: tto })).body;
    expect(x).toMatchObject({ contractAmountFen: 120_000_029, techAmountFen: 100_000_019, signedOn: '2026-10-20', validTo: '2031-10-19' });
  });

  it('a file in the wrong encoding: 400 with a clear message, nothing written', async () => {
    const before = (await mine()).length;
    const res = await upload(tto, '?encoding=utf8', iconv.encode(csv([line('E-1')]), 'gbk'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'import/encoding_invalid', message: '文件编码无法识别（UTF-8），请另存为 UTF-8 或 GBK' });
    const en = await upload(tto, '?encoding=utf8', iconv.encode(csv([line('E-1')]), 'gbk'), 'text/csv', { 'accept-language': 'en' });
    expect(en.body.error.message).toBe('The file is not valid UTF-8; save it as UTF-8 or GBK');
    const cols = await upload(tto, '', withBom('项目名称,合同子类,成交额（元）,备注\r\nx,CON,1,y'));
    expect(cols.status).toBe(400);
    expect(cols.body.error.code).toBe('import/unknown_columns');
    expect((await mine()).length).toBe(before);
  });

  it('row messages in English with Accept-Language: en', async () => {
    const res = await upload(tto, '', withBom(csv([line('EN-1', { 合同子类: 'XYZ' })])), 'text/csv', { 'accept-language': 'en' });
    expect(res.body.rows[0]).toMatchObject({ row: 2, field: 'subtype', code: 'unknown_code' });
    expect(res.body.rows[0].message).toMatch(/^subtype: Unknown code: XYZ \(allowed: DEV-COM, /);
  });

  it('needs a signed-in user with the CSRF header; an outsider gets every row refused', async () => {
    expect((await upload(null, '', withBom(csv([line('Z-1')])))).status).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registrations/import',
      headers: { 'content-type': 'text/csv', cookie: `tn_session=${tto.cookie}` },
      payload: withBom(csv([line('Z-1')])),
    });
    expect(noCsrf.statusCode).toBe(403);
    const res = await upload(stranger, '?mode=valid', withBom(csv([line('Z-1')])));
    expect(res.status).toBe(200);
    // The credit code is not linked for a caller without organisations: the party then lacks its name and type.
    expect(res.body).toMatchObject({ created: 0, failed: 1 });
  });
});

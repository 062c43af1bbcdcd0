import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { IMPORT_STALE_MS } from './imports.service';
import { importJobs } from './imports.tables';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';

let t: TestApp;
let uniId: string;
let uniCredit: string;
let companyId: string;
const a = {} as Record<'owner' | 'tto' | 'researcher' | 'bjAdmin' | 'gdAdmin' | 'outsider' | 'companyOwner', Agent>;

const IMPORT = '/api/v1/achievements/import';
const ABSTRACT = '本成果提出一种高镍正极材料表面包覆工艺，循环 1000 次容量保持率 92%，适用于动力电池。';
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Up = { status: number; body: any; headers: Record<string, unknown> };

/** Uploads a file as the raw body (as the web client and `curl --data-binary` do). */
async function upload(
  as: Agent | null,
  file: string | Uint8Array,
  query: string,
  contentType = CSV,
  headers: Record<string, string> = {},
): Promise<Up> {
  const h: Record<string, string> = { 'content-type': contentType, ...headers };
  if (as) {
    h.cookie = `tn_session=${as.cookie}`;
    h['x-csrf-token'] = as.csrf;
  }
  const res = await t.app.inject({
    method: 'POST',
    url: `${IMPORT}?${query}`,
    headers: h,
    payload: typeof file === 'string' ? file : Buffer.from(file),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
}

const csvRow = (cells: (string | number)[]) =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

function zhCsv(
  rows: (string | number)[][],
  header = ['外部编号', '标题', '摘要', '关键词', '技术领域', '行业代码', '地区代码', '技术成熟度', '转化方式'],
) {
  return [header, ...rows].map(csvRow).join('\r\n');
}

const ofOrg = async (orgId: string) =>
  (await t.handle.db.select({ n: count() }).from(achievements).where(eq(achievements.ownerOrgId, orgId)))[0]!.n;

const byExternal = async (orgId: string, externalId: string) =>
  (
    await t.handle.db
      .select()
      .from(achievements)
      .where(and(eq(achievements.ownerOrgId, orgId), eq(achievements.externalId, externalId)))
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  const uni = await insertOrganisation(db, { name: '北京导入测试大学', type: 'university', regionCode: '110108', isTechTransferOrg: true });
  const company = await insertOrganisation(db, { name: '深圳导入测试公司', regionCode: '440305', isTechTransferOrg: false });
  uniId = uni.id;
  uniCredit = uni.creditCode!;
  companyId = company.id;
  const specs = {
    owner: { orgs: [{ organisationId: uni.id, role: 'owner' as const }] },
    tto: { roles: [{ role: 'tto_officer' as const, organisationId: uni.id }] },
    researcher: { roles: [{ role: 'researcher' as const }], orgs: [{ organisationId: uni.id, role: 'member' as const }] },
    bjAdmin: { roles: [{ role: 'regional_admin' as const, regionCode: '110000' }] },
    gdAdmin: { roles: [{ role: 'regional_admin' as const, regionCode: '440000' }] },
    outsider: {},
    companyOwner: { orgs: [{ organisationId: company.id, role: 'owner' as const }] },
  };
  for (const [key, spec] of Object.entries(specs)) {
    await insertUser(db, { ...spec, email: `${key.toLowerCase()}@imports.test`, displayName: key });
  }
  const agents = await Promise.all(Object.keys(specs).map((k) => t.login(`${k.toLowerCase()}@imports.test`)));
  Object.keys(specs).forEach((k, i) => (a[k as keyof typeof a] = agents[i]!));
});
afterAll(() => t.close());

describe('CSV import (UTF-8, Chinese headers)', () => {
  const rows = [
    ['U-1', '高镍正极材料表面包覆工艺', ABSTRACT, '高镍正极、包覆;锂电池', 'TD07', '3841', '110108', 6, '许可、转让'],
    ['U-2', '固态电解质薄膜制备方法', `${ABSTRACT}（二）`, '固态电解质，薄膜_溅射', '', '', '', 'TRL4', ''],
  ];

  it('creates drafts, splits keywords on 、 ; , _ (and full-width forms) and maps Chinese words to codes', async () => {
    const res = await upload(a.owner, `\uFEFF${zhCsv(rows)}`, `wait=true&org=${uniId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'succeeded',
      format: 'csv',
      encoding: 'utf8',
      total: 2,
      checked: 2,
      processed: 2,
      created: 2,
      updated: 0,
      failed: 0,
      errors: [],
    });
    const u1 = await byExternal(uniId, 'U-1');
    expect(u1).toMatchObject({
      status: 'draft',
      keywords: ['高镍正极', '包覆', '锂电池'],
      domainCode: 'TD07',
      industryCodes: ['3841'],
      trl: 6,
      transferModes: ['LICENSE', 'ASSIGN'],
      regionCode: '110108',
    });
    const u2 = await byExternal(uniId, 'U-2');
    expect(u2).toMatchObject({ keywords: ['固态电解质', '薄膜', '溅射'], trl: 4, domainCode: null, regionCode: '110108' });
  });

  it('re-import is idempotent: identical rows unchanged, changed rows updated, no duplicates, one audit event per write', async () => {
    const before = await ofOrg(uniId);
    const again = await upload(a.owner, zhCsv(rows), `wait=true&org=${uniId}`);
    expect(again.body).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 2 });
    const changed = [[...rows[0]!.slice(0, 7), 7, '许可'], rows[1]!];
    const auditBefore = (
      await t.handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'achievement.reimported'))
    )[0]!.n;
    const res = await upload(a.owner, zhCsv(changed), `wait=true&org=${uniCredit}`);
    expect(res.body).toMatchObject({ status: 'succeeded', created: 0, updated: 1, unchanged: 1 });
    expect(await ofOrg(uniId)).toBe(before);
    expect(await byExternal(uniId, 'U-1')).toMatchObject({ trl: 7, transferModes: ['LICENSE'] });
    const auditAfter = (
      await t.handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'achievement.reimported'))
    )[0]!.n;
    expect(auditAfter - auditBefore).toBe(1);
  });

  it('reads GBK (GB18030) files by detection and with encoding=gbk', async () => {
    const gbk = iconv.encode(zhCsv([['G-1', '中文编码的成果名称', ABSTRACT, '国标码、汉字', '电子信息', '', '', 5, '技术服务']]), 'gbk');
    const res = await upload(a.owner, gbk, `wait=true&org=${uniId}`);
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ status: 'succeeded', encoding: 'gb18030', created: 1 });
    expect(await byExternal(uniId, 'G-1')).toMatchObject({
      title: '中文编码的成果名称',
      keywords: ['国标码', '汉字'],
      transferModes: ['SERVICE'],
    });
    const explicit = await upload(a.owner, gbk, `wait=true&org=${uniId}&encoding=gbk`);
    expect(explicit.body).toMatchObject({ status: 'succeeded', unchanged: 1 });
  });

  it('refuses GBK bytes declared as UTF-8, and binary sent as CSV', async () => {
    const gbk = iconv.encode(zhCsv([['G-2', '中文编码的成果名称', ABSTRACT, '', '', '', '', 5, '']]), 'gbk');
    const res = await upload(a.owner, gbk, `wait=true&org=${uniId}&encoding=utf8`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import/encoding_invalid');
    const zip = await upload(a.owner, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), `wait=true&org=${uniId}&format=csv`);
    expect(zip.status).toBe(400);
    expect(zip.body.error.code).toBe('import/unreadable_file');
  });
});

describe('XLSX and JSONL', () => {
  it('imports the first sheet of a workbook (numbers, rich text)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成果');
    ws.addRow([
      'externalId',
      'title',
      'abstract',
      'keywords',
      'trl',
      'regionCode',
      '最低价格（元）',
      '最高价格（元）',
      '价格方式',
      '开放许可',
    ]);
    ws.addRow([
      'X-1',
      { richText: [{ text: '氢燃料' }, { text: '电池双极板' }] },
      ABSTRACT,
      '氢能、双极板',
      7,
      110108,
      1234.5,
      20000,
      '区间',
      '是',
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await upload(a.owner, bytes, `wait=true&org=${uniId}`, XLSX);
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ status: 'succeeded', format: 'xlsx', created: 1 });
    expect(await byExternal(uniId, 'X-1')).toMatchObject({
      title: '氢燃料电池双极板',
      trl: 7,
      regionCode: '110108',
      priceMinFen: 123450,
      priceMaxFen: 2_000_000,
      priceMode: 'range',
      openLicence: true,
    });
  });

  it('refuses a broken workbook with a clear 400', async () => {
    const res = await upload(a.owner, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9]), `wait=true&org=${uniId}`, XLSX);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import/unreadable_file');
  });

  it('imports JSONL with the interface fields (keywords as array or string, domain by name, industryCode)', async () => {
    const lines = [
      {
        externalId: 'J-1',
        title: '基于深度学习的电池缺陷检测',
        abstract: ABSTRACT,
        keywords: ['深度学习', '缺陷检测'],
        discipline: '计算机科学',
        domain: '电子信息',
        industryCode: '3841',
        regionCode: '110108',
        trl: 5,
      },
      {
        externalId: 'J-2',
        title: '秸秆还田微生物菌剂',
        abstract: `${ABSTRACT}农业`,
        keywords: '菌剂；秸秆，还田',
        domain: 'TD01',
        trl: '3',
      },
    ];
    const res = await upload(a.owner, lines.map((l) => JSON.stringify(l)).join('\n'), `wait=true&org=${uniId}`, 'application/x-ndjson');
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ status: 'succeeded', format: 'jsonl', created: 2 });
    const j1 = await byExternal(uniId, 'J-1');
    expect(j1).toMatchObject({ keywords: ['深度学习', '缺陷检测'], discipline: '计算机科学', industryCodes: ['3841'], trl: 5 });
    expect(j1!.domainCode).toMatch(/^TD\d\d$/);
    expect(await byExternal(uniId, 'J-2')).toMatchObject({ keywords: ['菌剂', '秸秆', '还田'], domainCode: 'TD01', trl: 3 });
  });
});

describe('bad input', () => {
  const good = ['B-1', '一种可用的成果名称', ABSTRACT, '', '', '', '', 5, ''];

  it('all-or-nothing: one invalid row and nothing is written; the report names row, field, code and message', async () => {
    const before = await ofOrg(uniId);
    const file = zhCsv([
      good,
      ['B-2', '短', ABSTRACT, '', 'TD99', '', '', 12, ''],
      ['B-3', '未知地区成果', ABSTRACT, '', '', '', '999999', '', ''],
    ]);
    const res = await upload(a.owner, file, `wait=true&org=${uniId}&mode=all`);
    expect(res.body.status).toBe('rejected');
    expect(res.body).toMatchObject({ created: 0, failed: 2, total: 3 });
    expect(await ofOrg(uniId)).toBe(before);
    const fields = res.body.errors.map((e: any) => `${e.row}:${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['3:title:invalid_value', '3:trl:invalid_value', '4:regionCode:unknown_code']));
    expect(res.body.errors.find((e: any) => e.field === 'title').message).toContain('至少 2 个字符');
    const en = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${res.body.id}`,
      headers: { cookie: `tn_session=${a.owner.cookie}`, 'accept-language': 'en' },
    });
    expect(JSON.parse(en.body).errors.find((e: any) => e.field === 'regionCode').message).toBe('Unknown code: 999999');
  });

  it('valid-rows-only writes the good rows and reports the others (unknown domain code per row)', async () => {
    const file = zhCsv([good, ['B-4', '未知领域成果', ABSTRACT, '', 'TD99', '', '', '', '']]);
    const res = await upload(a.owner, file, `wait=true&org=${uniId}&mode=valid`);
    expect(res.body).toMatchObject({ status: 'partial', created: 1, failed: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, externalId: 'B-4', field: 'domainCode', code: 'unknown_code' })]);
    expect(await byExternal(uniId, 'B-1')).toBeDefined();
    expect(await byExternal(uniId, 'B-4')).toBeUndefined();
  });

  it('duplicate external ids inside one file are row errors (the first one counts)', async () => {
    const res = await upload(
      a.owner,
      zhCsv([
        ['D-1', '重复编号一', ABSTRACT, '', '', '', '', '', ''],
        ['D-1', '重复编号二', ABSTRACT, '', '', '', '', '', ''],
      ]),
      `wait=true&org=${uniId}&mode=all`,
    );
    expect(res.body.status).toBe('rejected');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'externalId', code: 'duplicate_external_id', message: expect.stringContaining('第 2 行') }),
    ]);
    expect(await byExternal(uniId, 'D-1')).toBeUndefined();
  });

  it('unknown or missing columns: 400 listing the expected headers', async () => {
    const res = await upload(a.owner, 'externalId,title,abstract,颜色\nA,B,C,D', `wait=true&org=${uniId}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import/unknown_columns');
    expect(res.body.error.message).toContain('颜色');
    expect(res.body.error.message).toContain('externalId/外部编号');
    const missing = await upload(a.owner, 'title,abstract\nA,B', `wait=true&org=${uniId}`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('import/missing_columns');
    const empty = await upload(a.owner, 'externalId,title,abstract\n', `wait=true&org=${uniId}`);
    expect(empty.body.error.code).toBe('import/empty_file');
  });

  it('oversized uploads: 413 import/file_too_large; JSON bodies: 415', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const res = await upload(a.owner, big, `org=${uniId}`);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('import/file_too_large');
    const json = await upload(a.owner, '{"a":1}', `org=${uniId}`, 'application/json');
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('import/unsupported_format');
  });

  it('stores script payloads as inert text', async () => {
    const xss = '<script>alert(1)</script>';
    const res = await upload(
      a.owner,
      zhCsv([['S-1', `成果${xss}`, `${ABSTRACT}${xss}`, xss, '', '', '', '', '']]),
      `wait=true&org=${uniId}`,
    );
    expect(res.body.status).toBe('succeeded');
    const row = await byExternal(uniId, 'S-1');
    expect(row!.title).toBe(`成果${xss}`);
    const got = await t.request('GET', `/api/v1/achievements/${row!.id}`, { as: a.owner });
    expect(got.headers['content-type']).toContain('application/json');
    expect(got.body.title).toBe(`成果${xss}`);
  });

  it('a listing under review cannot be changed by a plain re-import (row error), only by a publishing import', async () => {
    await upload(a.owner, zhCsv([['R-1', '评审中的成果', ABSTRACT, '', '', '', '', 4, '']]), `wait=true&org=${uniId}`);
    const row = await byExternal(uniId, 'R-1');
    expect((await t.request('POST', `/api/v1/achievements/${row!.id}/submit`, { as: a.owner })).status).toBe(200);
    const res = await upload(
      a.owner,
      zhCsv([['R-1', '评审中的成果', ABSTRACT, '', '', '', '', 5, '']]),
      `wait=true&org=${uniId}&mode=valid`,
    );
    expect(res.body).toMatchObject({ status: 'partial', failed: 1, errors: [expect.objectContaining({ row: 2, code: 'not_editable' })] });
    const byTto = await upload(
      a.tto,
      zhCsv([['R-1', '评审中的成果', ABSTRACT, '', '', '', '', 5, '']]),
      `wait=true&org=${uniId}&publish=true`,
    );
    expect(byTto.body).toMatchObject({ status: 'succeeded', updated: 1 });
    expect(await byExternal(uniId, 'R-1')).toMatchObject({ status: 'published', trl: 5 });
  });
});

describe('authorisation, publishing, progress and idempotency', () => {
  const one = (id: string) => zhCsv([[id, '授权测试成果', ABSTRACT, '授权', '', '', '', 5, '']]);

  it('visitors, plain members, outsiders and other provinces are refused; owners, TTO officers and the region admin may import', async () => {
    expect((await upload(null, one('A-0'), `org=${uniId}`)).status).toBe(401);
    expect((await upload(a.researcher, one('A-0'), `org=${uniId}`)).status).toBe(403);
    expect((await upload(a.outsider, one('A-0'), `org=${uniId}`)).status).toBe(403);
    expect((await upload(a.gdAdmin, one('A-0'), `org=${uniId}`)).status).toBe(403);
    expect((await upload(a.companyOwner, one('A-0'), `org=${uniId}`)).status).toBe(403);
    expect((await upload(a.bjAdmin, one('A-1'), `org=${uniId}&wait=true`)).body.status).toBe('succeeded');
    expect((await upload(a.tto, one('A-2'), `org=${uniId}&wait=true`)).body.status).toBe('succeeded');
    // The only organisation of its owner is taken when org is left out; someone without one must name it.
    expect((await upload(a.companyOwner, one('A-3'), 'wait=true')).body).toMatchObject({ status: 'succeeded', orgId: companyId });
    const noOrg = await upload(a.bjAdmin, one('A-4'), 'wait=true');
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.error.code).toBe('import/org_required');
  });

  it('publish=true needs a reviewer: the TTO officer publishes (searchable), the owner of a TTO-run university may not', async () => {
    const refused = await upload(a.owner, one('P-1'), `org=${uniId}&publish=true&wait=true`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('import/publish_not_allowed');
    const res = await upload(a.tto, one('P-1'), `org=${uniId}&publish=true&wait=true`);
    expect(res.body).toMatchObject({ status: 'succeeded', created: 1, publish: true });
    const row = await byExternal(uniId, 'P-1');
    expect(row).toMatchObject({ status: 'published' });
    expect(row!.publishedAt).not.toBeNull();
    const pub = await t.request('GET', `/api/v1/achievements/${row!.id}`);
    expect(pub.status).toBe(200);
    // The company has no TTO: its owner reviews, and so may publish on import.
    expect((await upload(a.companyOwner, one('P-2'), `org=${companyId}&publish=true&wait=true`)).body.status).toBe('succeeded');
  });

  it('answers 202 at once; GET /imports/:id shows progress until done; other people get 404', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`Q-${i}`, `进度测试成果 ${i}`, ABSTRACT, '进度', '', '', '', 5, '']);
    const res = await upload(a.owner, zhCsv(rows), `org=${uniId}&mode=valid`);
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/imports/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'running', total: 60 });
    let job: any;
    for (let i = 0; i < 200; i++) {
      job = (await t.request('GET', `/api/v1/imports/${res.body.id}`, { as: a.owner })).body;
      if (job.status !== 'running') {
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(job).toMatchObject({ status: 'succeeded', processed: 60, created: 60 });
    expect(job.finishedAt).not.toBeNull();
    expect((await t.request('GET', `/api/v1/imports/${res.body.id}`, { as: a.tto })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/imports/${res.body.id}`, { as: a.outsider })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/imports/${res.body.id}`)).status).toBe(401);
  });

  it('a job left running by a stopped process is reported failed (interrupted), once its heartbeat is stale', async () => {
    const db = t.handle.db;
    const ago = (ms: number) => new Date(Date.now() - ms);
    const base = { orgId: uniId, status: 'running' as const, mode: 'valid' as const, publish: false, format: 'csv' as const, encoding: 'utf-8', total: 10 };
    const [dead] = await db.insert(importJobs).values({ ...base, createdAt: ago(600_000), heartbeatAt: ago(IMPORT_STALE_MS + 60_000) }).returning();
    const [alive] = await db.insert(importJobs).values({ ...base, createdAt: ago(600_000), heartbeatAt: ago(5_000) }).returning();
    const [orphan] = await db.insert(importJobs).values({ ...base, createdAt: ago(600_000), heartbeatAt: ago(IMPORT_STALE_MS + 1_000) }).returning();

    const read = await t.request('GET', `/api/v1/imports/${dead!.id}`, { as: a.owner });
    expect(read.body).toMatchObject({ status: 'failed' });
    expect(read.body.failure).toMatch(/中断/);
    expect(read.body.finishedAt).not.toBeNull();
    const en = await t.request('GET', `/api/v1/imports/${dead!.id}`, { as: a.owner, headers: { 'accept-language': 'en' } });
    expect(en.body.failure).toMatch(/stopped before the job finished/);
    // Another process's job with a fresh heartbeat is left alone.
    expect((await t.request('GET', `/api/v1/imports/${alive!.id}`, { as: a.owner })).body.status).toBe('running');
    // The background sweep settles the ones nobody reads.
    expect(await t.services.imports.sweepInterrupted()).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(importJobs).where(eq(importJobs.id, orphan!.id)))[0]).toMatchObject({ status: 'failed', failure: 'interrupted' });
    expect((await db.select().from(importJobs).where(eq(importJobs.id, alive!.id)))[0]!.status).toBe('running');
    await db.delete(importJobs).where(eq(importJobs.id, alive!.id));
  });

  it('honours Idempotency-Key: a retry replays the job, the same key with another file is refused', async () => {
    const first = await upload(a.owner, one('I-1'), `org=${uniId}&wait=true`, CSV, { 'idempotency-key': 'import-key-0001' });
    expect(first.status).toBe(200);
    const replay = await upload(a.owner, one('I-1'), `org=${uniId}&wait=true`, CSV, { 'idempotency-key': 'import-key-0001' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const other = await upload(a.owner, one('I-2'), `org=${uniId}&wait=true`, CSV, { 'idempotency-key': 'import-key-0001' });
    expect(other.body.error.code).toBe('common/idempotency_key_reused');
  });
});

describe('export', () => {
  it('exports published listings publicly as CSV with formula cells neutralised, re-importable elsewhere', async () => {
    await upload(
      a.tto,
      zhCsv([['E-1', '=HYPERLINK("http://evil.example","点我")', ABSTRACT, '@SUM(1)、+1', '', '', '', 6, '许可']]),
      `org=${uniId}&publish=true&wait=true`,
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/achievements/export?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="achievements-.*\.csv"/);
    expect(res.body.startsWith('\uFEFFexternalId,title,abstract')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(res.body).toContain(`'@SUM(1)、+1`);
    expect(res.body).not.toContain('R-0'); // drafts are not public
    expect(res.body).not.toContain('U-1,');
    const again = await upload(a.companyOwner, res.body, `org=${companyId}&wait=true&mode=valid`);
    expect(again.body.created).toBeGreaterThanOrEqual(2);
  });

  it('exports XLSX (escaped) and JSONL; mine=true includes drafts for members and needs sign-in', async () => {
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/achievements/export?format=xlsx' });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const titles = wb.worksheets[0]!.getColumn(2).values as unknown[];
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    const j = await t.app.inject({ method: 'GET', url: '/api/v1/achievements/export?format=jsonl' });
    const lines = j.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.every((l: any) => l.status === 'published' && !('detail' in l))).toBe(true);
    expect((await t.request('GET', '/api/v1/achievements/export?mine=true')).status).toBe(401);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/achievements/export?format=jsonl&mine=true',
      headers: { cookie: `tn_session=${a.owner.cookie}` },
    });
    const statuses = new Set(
      mine.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).status),
    );
    expect(statuses.has('draft')).toBe(true);
    expect((await t.request('GET', '/api/v1/achievements/export?format=pdf')).status).toBe(400);
  });
});

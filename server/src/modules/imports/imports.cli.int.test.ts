import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { insertOrganisation } from '#server/test-factories';
import { TEST_DATABASE_URL } from '../../../test/helpers/test-env';
import { progressBar } from './imports.cli';

// Drives the real `transfernet import achievements` (bin → esbuild bundle) on its own data directory.
const bin = join(import.meta.dirname, '../../../../bin/transfernet.mjs');
let dir: string;
let credit: string;
let orgId: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ABSTRACT = '本成果提出一种高镍正极材料表面包覆工艺，循环 1000 次容量保持率 92%，适用于动力电池。';

async function countOf() {
  const h = await openDatabase({ dataDir: join(dir, 'data'), worker: false });
  try {
    return (await h.db.select({ n: count() }).from(achievements).where(eq(achievements.ownerOrgId, orgId)))[0]!.n;
  } finally {
    await h.close();
  }
}

describe('progress bar', () => {
  it('shows checking and writing as one percentage', () => {
    expect(progressBar({ total: 10, checked: 10, processed: 5 }, 20)).toBe('[###############-----]  75%  checked 10/10, written 5/10');
    expect(progressBar({ total: 0, checked: 0, processed: 0 }, 4)).toContain('100%');
  });
});

describe.skipIf(!!TEST_DATABASE_URL)('transfernet import achievements (embedded)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tn-import-cli-'));
    expect(run(['migrate']).code).toBe(0);
    const h = await openDatabase({ dataDir: join(dir, 'data'), worker: false });
    const org = await insertOrganisation(h.db, { name: '命令行导入大学', regionCode: '110108', type: 'university' });
    await insertOrganisation(h.db, { name: '另一个机构', regionCode: '440305' });
    credit = org.creditCode!;
    orgId = org.id;
    await h.close();
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has help naming the options and DATA_DIR', () => {
    const r = run(['import', 'achievements', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--org', '--publish', '--mode', '--encoding', 'DATA_DIR', 'DATABASE_URL']) {
      expect(r.out).toContain(s);
    }
  });

  it('imports a GBK CSV by credit code with progress, then re-imports idempotently', { timeout: 120_000 }, async () => {
    const file = join(dir, 'gbk.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `C-${i},命令行导入成果${i},${ABSTRACT},关键词${i}、电池,,,,6`);
    writeFileSync(file, iconv.encode(['外部编号,标题,摘要,关键词,技术领域,行业代码,地区代码,技术成熟度', ...rows].join('\n'), 'gbk'));
    const r = run(['import', 'achievements', file, '--org', credit, '--publish']);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toMatch(/succeeded: 30 rows \(csv, gb18030\) → 30 created, 0 updated, 0 unchanged, 0 failed/);
    expect(r.err).toContain('100%');
    expect(await countOf()).toBe(30);
    const again = run(['import', 'achievements', file, '--org', credit, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out.slice(again.out.indexOf('{')))).toMatchObject({ status: 'succeeded', unchanged: 30, created: 0 });
  });

  it(
    'mode all rejects a file with a bad row (exit 1, report printed, nothing written); --org is required with several organisations',
    { timeout: 120_000 },
    async () => {
      const file = join(dir, 'bad.jsonl');
      writeFileSync(
        file,
        [
          JSON.stringify({ externalId: 'N-1', title: '新成果一个', abstract: ABSTRACT }),
          JSON.stringify({ externalId: 'N-2', title: '新成果两个', abstract: ABSTRACT, trl: 42 }),
          '{broken',
        ].join('\n'),
      );
      const r = run(['import', 'achievements', file, '--org', credit, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.out).toContain('rejected');
      expect(r.out).toContain('nothing was written');
      expect(r.out).toMatch(/row 2 \[N-2\] trl invalid_value: Invalid value: Must be at most 9/);
      expect(r.out).toMatch(/row 3 \(row\) invalid_json/);
      expect(await countOf()).toBe(30);
      const noOrg = run(['import', 'achievements', file]);
      expect(noOrg.code).toBe(1);
      expect(noOrg.err).toContain('--org is required');
      const unknownOrg = run(['import', 'achievements', file, '--org', '91110108MA0000000X']);
      expect(unknownOrg.code).toBe(1);
      expect(unknownOrg.err).toContain('organisation/not_found');
    },
  );
});

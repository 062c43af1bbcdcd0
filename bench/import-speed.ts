// Import speed (汇交): rows/s of `import achievements` through the imports service, as the CLI runs it.
// Usage: npx tsx bench/import-speed.ts [rows=10000] [--format csv|xlsx|jsonl] [--publish] [--mode all|valid] [--files K]
// --files K: K successive files of `rows` new rows each into the same database (e.g. 10 × 100,000 =
// 1M rows: does the rate hold as the catalogue grows?), then the re-imports of the last file.
// Database: DATABASE_URL (PostgreSQL) or a fresh embedded PGlite (worker thread) in a temporary DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadEnv } from '#server/config/env';
import { openDatabase } from '#server/db/client';
import { systemClock } from '#server/lib/clock';
import { systemActor } from '#server/modules/auth/index';
import { syncReferenceData } from '#server/modules/regions/index';
import { createServices } from '#server/services';
import { insertOrganisation } from '#server/test-factories';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? def) : def;
};
const format = opt('format', 'csv') as 'csv' | 'xlsx' | 'jsonl';
const mode = opt('mode', 'all') as 'all' | 'valid';
const publish = args.includes('--publish');
const files = Number(opt('files', '1'));

const env = loadEnv();
const dataDir = env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'tn-bench-import-'));
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDir ?? env.DATA_DIR, worker: env.PGLITE_WORKER });
await syncReferenceData(handle.db);
const services = createServices(handle, systemClock, {
  version: 'bench',
  auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'bench-secret-bench-secret-bench-secret' },
});
const org = await insertOrganisation(handle.db, { name: `导入基准机构-${Date.now()}`, type: 'university', regionCode: '110108' });

const domains = ['TD01', 'TD03', 'TD05', 'TD07', 'TD09'];
const modes = ['许可', '转让', '合作开发', '技术服务'];
function record(i: number, rev = 0) {
  return {
    externalId: `BENCH-${i}`,
    title: `基准测试成果 ${i} 高性能锂电池正极材料制备方法`,
    abstract: `本成果（编号 ${i}）提出一种高镍正极材料的表面包覆与掺杂工艺，循环 1000 次容量保持率 ${80 + (i % 20)}%，版本 ${rev}，适用于动力电池与储能系统。`,
    keywords: `锂电池、正极材料、包覆${i % 50}`,
    domain: domains[i % domains.length]!,
    industryCode: '3841',
    regionCode: '110108',
    trl: 1 + (i % 9),
    transferModes: modes[i % modes.length]!,
  };
}
async function file(rev: number, part = 0): Promise<Buffer> {
  const rows = Array.from({ length: n }, (_, i) => record(part * n + i, rev));
  const headers = Object.keys(rows[0]!);
  if (format === 'jsonl') {
    return Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n'));
  }
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成果');
    ws.addRow(headers);
    rows.forEach((r) => ws.addRow(Object.values(r)));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  return Buffer.from([headers.join(','), ...rows.map((r) => Object.values(r).join(','))].join('\n'));
}

async function timed(label: string, bytes: Buffer) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { done } = await services.imports.start(
    systemActor('bench'),
    bytes,
    { org: org.id, mode, publish, format, encoding: 'auto' },
    'en',
  );
  const job = await done;
  const s = (performance.now() - t0) / 1000;
  // CPU time of the whole process (main thread + PGlite worker): the figure that does not depend on
  // what else the machine is running.
  const c = process.cpuUsage(cpu0);
  const cpuS = (c.user + c.system) / 1e6;
  const rss = Math.round(process.memoryUsage().rss / 1048576);
  console.log(
    `${label.padEnd(22)} ${job.status.padEnd(9)} ${n} rows in ${s.toFixed(2)} s = ${Math.round(n / s)} rows/s wall, ${cpuS.toFixed(2)} CPU-s = ${Math.round(n / cpuS)} rows per CPU-second (created ${job.created}, updated ${job.updated}, unchanged ${job.unchanged}, failed ${job.failed}; RSS ${rss} MB)`,
  );
  if (job.status !== 'succeeded') {
    console.log(job.failure, job.errors.slice(0, 3));
  }
}

const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
console.log(
  `import speed: ${n} rows, ${format}, mode ${mode}${publish ? ', publish' : ''}, ${handle.mode === 'embedded' ? 'embedded PGlite (worker)' : 'PostgreSQL'} ${handle.serverVersion}, Node ${process.version}, load average ${load}`,
);
for (let part = 0; part < files; part++) {
  await timed(files > 1 ? `file ${part + 1}/${files} (create)` : 'first import (create)', await file(0, part));
}
await timed('re-import (unchanged)', await file(0, files - 1));
await timed('re-import (update)', await file(1, files - 1));
await handle.close();
if (dataDir) {
  rmSync(dataDir, { recursive: true, force: true });
}

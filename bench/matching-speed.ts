/**
 * Matching speed: N synthetic published achievements (vocabulary: the real keywords of the CSL
 * disciplines, so topics overlap like real listings), imported through the catalogue's bulk path
 * (publish hooks: keyword index + outbox), the semantic model trained and every vector projected,
 * then 200-character demand texts sent to `POST /api/v1/matching/achievements` over HTTP.
 *
 *   RATE_LIMIT=off npx tsx bench/matching-speed.ts [--n 100000] [--queries 500] [--direct]
 *   --direct: insert the listings with multi-row SQL and run `search rebuild` instead of the
 *   per-row import path (faster set-up on a loaded machine; the measured queries are the same).
 *   BENCH_DATABASE_URL=postgres://… for a PostgreSQL server instead of embedded PGlite.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '#server/app';
import { loadEnv } from '#server/config/env';
import { systemActor } from '#server/modules/auth/index';
import { openRuntime } from '#server/runtime';
import { achievements } from '#server/db/schema';
import { insertOrganisation, makeActor } from '#server/test-factories';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const N = opt('--n', 100_000);
const QUERIES = opt('--queries', 500);
const DIRECT = args.includes('--direct');
const log = (msg: string) => process.stdout.write(`${msg}\n`);

// ---- synthetic corpus -------------------------------------------------------------------------
let seed = 12345;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
/** A skewed pick of 0…n-1 (index ⌊n·u^(2/s)⌋: low indexes common, a long tail), like term frequencies. */
function zipf(n: number, s = 1): number {
  return Math.min(n - 1, Math.floor(Math.pow(rnd(), 2 / s) * n));
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const csl = readFileSync('/work/shared/data/csl/csl-dev.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { keywords: string[]; discipline: string });
const pools = new Map<string, string[]>();
for (const r of csl) {
  const p = pools.get(r.discipline) ?? [];
  p.push(...r.keywords.filter((k) => k.length >= 2 && k.length <= 12));
  pools.set(r.discipline, p);
}
const fields = [...pools.entries()].filter(([, p]) => p.length >= 40).map(([d, p]) => ({ discipline: d, terms: [...new Set(p)] }));
const DOMAINS = ['TD01', 'TD02', 'TD03', 'TD04', 'TD05', 'TD06', 'TD07', 'TD08', 'TD09', 'TD10', 'TD11'];
const GENERIC = ['方法', '装置', '系统', '制备', '高效', '低成本', '检测', '工艺', '优化', '应用', '集成', '智能'];
const SUPPLY = ['本成果提出一种基于{a}的{b}{g}，解决了{c}中的关键问题。', '通过{a}与{b}相结合，实现了{c}的{g}，性能提升{n}%。', '该技术在{a}领域具有广泛应用，可用于{b}和{c}。', '项目围绕{a}开展研究，建立了{b}模型，并完成{c}的中试验证。'];
const DEMAND = ['我公司主要从事{a}相关业务，目前在{b}方面遇到瓶颈，', '希望引进{a}与{b}技术，用于{c}，', '要求{a}指标提升{n}%以上，并能与现有{b}兼容，', '寻求在{c}方面有成熟经验的团队开展{g}合作，'];

function fill(tpl: string, f: { terms: string[] }): string {
  const term = () => f.terms[zipf(f.terms.length)]!;
  return tpl.replace('{a}', term()).replace('{b}', term()).replace('{c}', term()).replace('{g}', pick(GENERIC)).replace('{n}', String(10 + Math.floor(rnd() * 80)));
}
function listing(i: number) {
  const fi = zipf(fields.length, 0.8);
  const f = fields[fi]!;
  const kw = [...new Set(Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => f.terms[zipf(f.terms.length)]!))];
  let abstract = '';
  while (abstract.length < 200 + Math.floor(rnd() * 200)) {
    abstract += fill(pick(SUPPLY), rnd() < 0.18 ? fields[zipf(fields.length, 0.8)]! : f);
  }
  return {
    externalId: `syn-${i}`,
    title: `${kw.slice(0, 2).join('')}${pick(GENERIC)}`.slice(0, 30),
    abstract,
    keywords: kw,
    domainCode: DOMAINS[fi % DOMAINS.length]!,
    trl: 1 + Math.floor(rnd() * 9),
  };
}
function demandText(): string {
  const f = fields[zipf(fields.length, 0.8)]!;
  let s = '';
  while (s.length < 200) {
    s += fill(pick(DEMAND), f);
  }
  return s.slice(0, 200);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tn-bench-ms-'));
  const rt = await openRuntime(loadEnv({ DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' }), log);
  const app = await buildApp({ handle: rt.handle, services: rt.services, logLevel: 'silent', bodyLimit: 1_048_576, rateLimit: false, secureCookies: false, sessionTtlHours: 12 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  log(`${N} synthetic listings over ${fields.length} fields; database: ${rt.handle.mode}, vector: ${rt.handle.capabilities.vector}`);
  try {
    const org = await insertOrganisation(rt.handle.db, { name: '合成数据大学', type: 'university', regionCode: '110108', isTechTransferOrg: true });
    const owner = { id: org.id, name: org.name, regionCode: org.regionCode, isTechTransferOrg: true, status: org.status };
    const actor = systemActor('bench:matching-speed');
    const t0 = performance.now();
    if (DIRECT) {
      const now = new Date();
      for (let i = 0; i < N; i += 1000) {
        const values = Array.from({ length: Math.min(1000, N - i) }, (_, j) => {
          const l = listing(i + j);
          return { ...l, chainId: `TNA2026SYN${String(i + j).padStart(8, '0')}`, ownerOrgId: org.id, regionCode: '110108', status: 'published' as const, publishedAt: now, confirmedAt: now, transferModes: ['LICENSE' as const] };
        });
        await rt.handle.db.insert(achievements).values(values);
      }
      log(`  inserted ${N} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s; search rebuild…`);
      const r = await rt.services.search.rebuild(makeActor([{ role: 'platform_admin' }]), rt.services.publishedListings, (p) => {
        if (p.done % 100_000 === 0) {
          log(`  indexed ${p.done} ${p.kind}s (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        }
      });
      log(`  search index rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s (${r.engine})`);
    }
    for (let i = 0; !DIRECT && i < N; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, N - i) }, (_, j) => listing(i + j));
      await rt.handle.db.transaction((tx) => rt.services.achievements.importBatch(actor, owner, batch, { publish: true }, tx));
      if ((i + 1000) % 10_000 === 0) {
        log(`  imported ${i + 1000} (${(((i + 1000) / (performance.now() - t0)) * 1000).toFixed(0)} rows/s)`);
      }
    }
    const importS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const trained = await rt.services.matching.train({ onProgress: (s) => (/projected \d+0000 /.test(s) || !s.startsWith('projected') ? log(`  ${s} (${((performance.now() - t1) / 1000).toFixed(0)} s)`) : undefined) });
    const trainS = (performance.now() - t1) / 1000;
    log(`trained and projected in ${trainS.toFixed(0)} s: ${JSON.stringify(trained)}`);

    const texts = Array.from({ length: QUERIES }, demandText);
    // Warm-up (model load, plan caches).
    for (const text of texts.slice(0, 20)) {
      await fetch(`${base}/api/v1/matching/achievements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, limit: 10 }) });
    }
    const lat: number[] = [];
    const parts: Record<string, number[]> = { keyword: [], semantic: [], rows: [], rerank: [] };
    const tq = performance.now();
    let empty = 0;
    for (const text of texts) {
      const s = performance.now();
      const res = await fetch(`${base}/api/v1/matching/achievements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, limit: 10 }) });
      const body = (await res.json()) as { items: unknown[] };
      lat.push(performance.now() - s);
      for (const [k, v] of Object.entries(rt.services.matching.lastMatchTimings)) {
        parts[k]!.push(v);
      }
      if (!res.ok) {
        throw new Error(`matching ${res.status}: ${JSON.stringify(body)}`);
      }
      if (body.items.length === 0) {
        empty++;
      }
    }
    const qps = (texts.length / (performance.now() - tq)) * 1000;
    const rss = process.memoryUsage().rss / 2 ** 20;
    log('');
    log(`load average during the run (other processes on this 2-core machine): ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
    log(`| N | ${DIRECT ? 'insert + search rebuild' : 'import'} rows/s | train + project | matching p50 | p95 | p99 | QPS (1 client) | RSS |`);
    log(`|---|---|---|---|---|---|---|---|`);
    log(
      `| ${N.toLocaleString('en')} | ${(N / importS).toFixed(0)} | ${trainS.toFixed(0)} s | ${pct(lat, 50).toFixed(1)} ms | ${pct(lat, 95).toFixed(1)} ms | ${pct(lat, 99).toFixed(1)} ms | ${qps.toFixed(1)} | ${rss.toFixed(0)} MB |`,
    );
    log(`stages p50/p95 (ms): ${Object.entries(parts).map(([k, v]) => `${k} ${pct(v, 50).toFixed(1)}/${pct(v, 95).toFixed(1)}`).join(', ')}`);
    log(`(${texts.length} demand texts of 200 characters, limit 10; ${empty} returned nothing; engine ${rt.handle.capabilities.vector ? 'pgvector HNSW' : 'exact cosine over prefilter'})`);
  } finally {
    await app.close();
    await rt.handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * `similar` quality on CSL (Chinese Scientific Literature, Li et al., COLING 2022, Apache-2.0):
 * records are imported as published achievements WITHOUT title, keywords and discipline (title =
 * the abstract's first clause), the semantic model is trained on them (`matching train`), and for
 * every record the public `GET /api/v1/achievements/:id/similar?limit=10` is asked over HTTP. The
 * score is the share of the top 10 in the record's own (hidden) discipline. The character-bigram
 * BM25 baseline ranks the same imported text with the record's own text as the query.
 *
 *   RATE_LIMIT=off npx tsx bench/matching-quality.ts [path/to/csl-dev.jsonl] [--limit N] [--sample N]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '#server/app';
import { loadEnv } from '#server/config/env';
import { systemActor } from '#server/modules/auth/index';
import { bigramTokens, createMemoryBm25Store } from '#server/modules/search/index';
import { openRuntime } from '#server/runtime';
import { insertOrganisation } from '#server/test-factories';
import { firstClause } from './search-quality-lib';

type CslRecord = { title: string; abstract: string; keywords: string[]; discipline: string };

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '/work/shared/data/csl/csl-dev.jsonl';
const opt = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : Infinity);
const limit = opt('--limit');
const sample = opt('--sample');
const log = (msg: string) => process.stdout.write(`${msg}\n`);

async function main() {
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CslRecord)
    .slice(0, limit);
  log(`CSL: ${records.length} records, ${new Set(records.map((r) => r.discipline)).size} disciplines`);
  const dataDir = mkdtempSync(join(tmpdir(), 'tn-bench-mq-'));
  const rt = await openRuntime(loadEnv({ DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' }), log);
  const app = await buildApp({ handle: rt.handle, services: rt.services, logLevel: 'silent', bodyLimit: 1_048_576, rateLimit: false, secureCookies: false, sessionTtlHours: 12 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const org = await insertOrganisation(rt.handle.db, { name: 'CSL 评测机构', type: 'university', regionCode: '110108', isTechTransferOrg: true });
    const owner = { id: org.id, name: org.name, regionCode: org.regionCode, isTechTransferOrg: true, status: org.status };
    const actor = systemActor('bench:matching-quality');
    const ids: string[] = new Array<string>(records.length);
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 500) {
      const batch = records.slice(i, i + 500).map((r, j) => ({ externalId: `csl-${i + j}`, title: firstClause(r.abstract), abstract: r.abstract }));
      const outcomes = await rt.handle.db.transaction((tx) => rt.services.achievements.importBatch(actor, owner, batch, { publish: true }, tx));
      for (const o of outcomes) {
        if (!('id' in o)) {
          throw new Error(`import failed: ${JSON.stringify(o)}`);
        }
        ids[i + o.index] = o.id;
      }
    }
    log(`imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    const trained = await rt.services.matching.train({ onProgress: (s) => log(`  ${s}`) });
    const trainSeconds = (performance.now() - t1) / 1000;
    log(`trained: ${JSON.stringify(trained)} in ${trainSeconds.toFixed(1)} s`);

    const disciplineOf = new Map(ids.map((id, i) => [id, records[i]!.discipline]));
    const baseline = createMemoryBm25Store();
    await baseline.upsert(records.map((r, i) => ({ id: ids[i]!, tokens: bigramTokens(`${firstClause(r.abstract)} ${r.abstract}`) })));

    const step = Number.isFinite(sample) ? Math.max(1, Math.floor(records.length / sample)) : 1;
    let oursSum = 0;
    let baseSum = 0;
    let n = 0;
    const latencies: number[] = [];
    for (let i = 0; i < records.length; i += step) {
      const id = ids[i]!;
      const want = records[i]!.discipline;
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/achievements/${id}/similar?limit=10`);
      latencies.push(performance.now() - started);
      if (!res.ok) {
        throw new Error(`similar ${res.status}: ${await res.text()}`);
      }
      const body = (await res.json()) as { items: { id: string }[] };
      oursSum += body.items.filter((h) => disciplineOf.get(h.id) === want).length / 10;
      const hits = (await baseline.search(bigramTokens(`${firstClause(records[i]!.abstract)} ${records[i]!.abstract}`), { limit: 11 })).filter((h) => h.id !== id).slice(0, 10);
      baseSum += hits.filter((h) => disciplineOf.get(h.id) === want).length / 10;
      n++;
      if (n % 1000 === 0) {
        log(`  ${n} listings: same-discipline share ${(oursSum / n).toFixed(4)} (baseline ${(baseSum / n).toFixed(4)})`);
      }
    }
    latencies.sort((x, y) => x - y);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
    log('');
    log(`load average during the run (other processes on this 2-core machine): ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
    log(`similar over HTTP, ${n} listings (of ${records.length}); model: ${trained.docs} docs, ${trained.vocabulary} terms × ${trained.dims} dims, trained in ${trainSeconds.toFixed(1)} s`);
    log(`similar latency: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
    log('| task | TransferNet (LSA + BM25) | char-bigram BM25 baseline |');
    log('|---|---|---|');
    log(`| similar: top-10 same-discipline share | ${(oursSum / n).toFixed(4)} | ${(baseSum / n).toFixed(4)} |`);
  } finally {
    await app.close();
    await rt.handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

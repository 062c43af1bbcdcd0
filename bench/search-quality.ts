/**
 * Search quality on CSL (Chinese Scientific Literature, Li et al., COLING 2022, Apache-2.0):
 * the records are imported as published achievements WITHOUT their title, keywords and discipline
 * (the title is the abstract's first clause), then every record's real title, and its keywords, are
 * sent as queries to the public search API over HTTP; MRR@10 of finding the record itself.
 * The character-bigram BM25 baseline (no dictionary, no stop words) is computed in the same run
 * over the same imported text.
 *
 *   RATE_LIMIT=off npx tsx bench/search-quality.ts [path/to/csl-dev.jsonl] [--limit N]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '#server/app';
import { loadEnv } from '#server/config/env';
import { systemActor } from '#server/modules/auth/index';
import { bigramTokens, createMemoryBm25Store } from '#server/modules/search/index';
import { openRuntime } from '#server/runtime';
import { insertOrganisation } from '#server/test-factories';
import { firstClause } from './search-quality-lib';

type CslRecord = { title: string | null; abstract: string; keywords: string[] | null; discipline?: string | null };

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? '/work/shared/data/csl/csl-dev.jsonl';
const limitArg = args.indexOf('--limit');
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity;
const log = (msg: string) => process.stdout.write(`${msg}\n`);

function mrrAt10(ranks: (number | null)[]): number {
  return ranks.reduce<number>((s, r) => s + (r !== null && r <= 10 ? 1 / r : 0), 0) / ranks.length;
}

async function main() {
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CslRecord)
    .slice(0, limit);
  log(`CSL: ${records.length} records from ${file}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'tn-bench-quality-'));
  const rt = await openRuntime(loadEnv({ DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' }), log);
  const app = await buildApp({ handle: rt.handle, services: rt.services, logLevel: 'silent', bodyLimit: 1_048_576, rateLimit: false, secureCookies: false, sessionTtlHours: 12 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    // 1. Import through the catalogue service (the same path as the import API), published.
    const org = await insertOrganisation(rt.handle.db, { name: 'CSL 评测机构', type: 'university', regionCode: '110108', isTechTransferOrg: true });
    const owner = { id: org.id, name: org.name, regionCode: org.regionCode, isTechTransferOrg: true, status: org.status };
    const actor = systemActor('bench:search-quality');
    const ids: string[] = new Array(records.length);
    const t0 = performance.now();
    const BATCH = 500;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH).map((r, j) => ({ externalId: `csl-${i + j}`, title: firstClause(r.abstract), abstract: r.abstract }));
      const outcomes = await rt.handle.db.transaction((tx) => rt.services.achievements.importBatch(actor, owner, batch, { publish: true }, tx));
      for (const o of outcomes) {
        if (!('id' in o)) {
          throw new Error(`import failed: ${JSON.stringify(o)}`);
        }
        ids[i + o.index] = o.id;
      }
      log(`  imported ${Math.min(i + BATCH, records.length)}/${records.length} (${(((i + BATCH) / (performance.now() - t0)) * 1000).toFixed(0)} rows/s)`);
    }
    const importSeconds = (performance.now() - t0) / 1000;

    // 2. Baseline: char-bigram BM25 over the same imported text (title = first clause, abstract).
    const baseline = createMemoryBm25Store();
    await baseline.upsert(records.map((r, i) => ({ id: ids[i]!, tokens: bigramTokens(`${firstClause(r.abstract)} ${r.abstract}`) })));

    // 3. Queries through the public HTTP API.
    let engine = '';
    const latencies: number[] = [];
    async function rankViaApi(q: string, expected: string): Promise<number | null> {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/achievements/search?${new URLSearchParams({ q: q.slice(0, 500), limit: '10' })}`);
      latencies.push(performance.now() - started);
      if (res.status === 400) {
        return null; // nothing searchable in the query
      }
      if (!res.ok) {
        throw new Error(`search ${res.status}: ${await res.text()}`);
      }
      const body = (await res.json()) as { items: { id: string }[]; engine: string };
      engine = body.engine;
      const at = body.items.findIndex((h) => h.id === expected);
      return at === -1 ? null : at + 1;
    }
    async function rankBaseline(q: string, expected: string): Promise<number | null> {
      const hits = await baseline.search(bigramTokens(q), { limit: 10 });
      const at = hits.findIndex((h) => h.id === expected);
      return at === -1 ? null : at + 1;
    }
    const result: Record<string, { ours: number; baseline: number; n: number }> = {};
    for (const [name, queryOf] of [
      // Only records that have one: part of CSL dev carries no title ('None') or no keywords.
      ['title → abstract', (r: CslRecord) => (r.title && r.title !== 'None' ? r.title : null)],
      ['keywords → abstract', (r: CslRecord) => (r.keywords?.length ? r.keywords.join(' ') : null)],
    ] as const) {
      const ours: (number | null)[] = [];
      const base0: (number | null)[] = [];
      const tq = performance.now();
      for (let i = 0; i < records.length; i++) {
        const q = queryOf(records[i]!);
        if (q === null) {
          continue;
        }
        ours.push(await rankViaApi(q, ids[i]!));
        base0.push(await rankBaseline(q, ids[i]!));
        if (ours.length % 1000 === 0) {
          log(`  ${name}: ${ours.length} queries, MRR@10 so far ${mrrAt10(ours).toFixed(4)} (baseline ${mrrAt10(base0).toFixed(4)})`);
        }
      }
      result[name] = { ours: mrrAt10(ours), baseline: mrrAt10(base0), n: ours.length };
      log(`${name}: MRR@10 ${mrrAt10(ours).toFixed(4)} vs char-bigram BM25 ${mrrAt10(base0).toFixed(4)} (${ours.length} queries in ${((performance.now() - tq) / 1000).toFixed(0)} s)`);
    }
    latencies.sort((x, y) => x - y);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
    log('');
    log(`engine: ${engine}; ${records.length} listings imported in ${importSeconds.toFixed(1)} s (${(records.length / importSeconds).toFixed(0)} rows/s)`);
    log(`HTTP search latency over ${latencies.length} queries: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
    log('| task | queries | TransferNet (jieba + BM25, HTTP API) | char-bigram BM25 baseline |');
    log('|---|---|---|---|');
    for (const [name, r] of Object.entries(result)) {
      log(`| ${name} MRR@10 | ${r.n} | ${r.ours.toFixed(4)} | ${r.baseline.toFixed(4)} |`);
    }
  } finally {
    await app.close();
    await rt.handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * Keyword-search speed on N synthetic listings (default 100,000):
 * index build (jieba analysis, bulk load, BM25 index), search latency p50/p95/p99 and QPS through the
 * search service (ranking + hydration + highlights) and as raw top-20 SQL, memory (RSS); and, on the
 * same data in the same run, PostgreSQL's built-in ranking (tsvector + GIN, ORDER BY ts_rank) and the
 * portable fallback engine's bounded ranking.
 *
 *   npx tsx bench/search-speed.ts [N] [--queries 1000] [--builtin-queries 100]
 *   BENCH_DATABASE_URL=postgres://…/empty_db npx tsx bench/search-speed.ts 100000   # a PostgreSQL server
 *   (a fresh database: the run drops and builds indexes; the engine is the best the server offers,
 *   or SEARCH_ENGINE=rum|tsvector)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadEnv } from '#server/config/env';
import { rowsOf } from '#server/db/types';
import { toSearchRow } from '#server/modules/search/index';
import { searchDocuments } from '#server/modules/search/search.tables';
import { openRuntime } from '#server/runtime';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const QUERIES = opt('--queries', 1000);
const BUILTIN_QUERIES = opt('--builtin-queries', 100);
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const mb = () => Math.round(process.memoryUsage().rss / 1048576);

// ---- deterministic synthetic corpus ------------------------------------------------------------
let seed = 20261124;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
/** Zipf-like pick: low indexes far more often. */
const zipf = <T>(xs: readonly T[], s = 1): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * rand() ** (1 + s)))]!;

const FIELDS: Record<string, string[]> = {
  人工智能: ['深度学习', '神经网络', '图像识别', '语音识别', '自然语言处理', '知识图谱', '强化学习', '目标检测', '语义分割', '大模型', '边缘计算', '联邦学习', '推荐算法', '机器视觉', '智能决策'],
  集成电路: ['芯片设计', '晶圆', '光刻', '封装测试', '功率器件', '碳化硅', '氮化镓', '射频前端', '存储器', '模拟电路', '制程工艺', '半导体材料', 'eda工具', '传感器芯片', 'mems'],
  新能源汽车: ['动力电池', '磷酸铁锂', '三元材料', '电池管理系统', '驱动电机', '电控系统', '充电桩', '固态电池', '热管理', '轻量化', '氢燃料电池', '续航里程', '快充', '车规级', '电驱动'],
  生物医药: ['单克隆抗体', '疫苗', '基因治疗', '细胞治疗', '小分子药物', '靶向药物', '诊断试剂', '医疗器械', '中药提取', '生物制剂', '药物递送', '临床试验', 'mrna', '蛋白纯化', '发酵工艺'],
  新材料: ['石墨烯', '碳纤维', '复合材料', '纳米材料', '高分子材料', '陶瓷材料', '稀土永磁', '高温合金', '钙钛矿', '涂层', '膜材料', '气凝胶', '超导材料', '钛合金', '3d打印'],
  节能环保: ['污水处理', '废气治理', '固废资源化', '余热回收', '脱硫脱硝', '土壤修复', '膜分离', '节能改造', '碳捕集', '垃圾焚烧', '重金属', '生物降解', '除尘', '烟气', '环境监测'],
  现代农业: ['育种', '节水灌溉', '植保无人机', '智慧农业', '土壤改良', '病虫害防治', '设施农业', '水产养殖', '畜禽养殖', '农产品加工', '生物肥料', '种子包衣', '精准施肥', '冷链物流', '秸秆还田'],
  高端装备: ['数控机床', '工业机器人', '减速器', '伺服系统', '激光加工', '精密测量', '液压系统', '增材制造', '智能产线', '故障诊断', '轴承', '齿轮', '焊接', '铸造', '无损检测'],
};
const FIELD_NAMES = Object.keys(FIELDS);
const GENERIC = ['技术', '方法', '系统', '装置', '制备', '检测', '高效', '低成本', '工艺', '优化', '应用', '控制', '集成', '平台', '设计', '评价', '监测', '智能化', '模块', '关键'];
const FILLER = ['产业化', '示范', '中试', '稳定性', '可靠性', '规模化', '国产化', '替代进口', '能耗', '寿命', '精度', '效率', '成本', '良率', '兼容性', '安全性', '环境友好', '自主可控', '标准化', '知识产权'];
const DOMAINS = ['TD01', 'TD02', 'TD03', 'TD04', 'TD05', 'TD06', 'TD07', 'TD08', 'TD09', 'TD10', 'TD11'];
const PROVINCES = ['110108', '310104', '440305', '320102', '330106', '420111', '510107', '610113', '370102', '210102', '120101', '500103'];
const MODES = ['ASSIGN', 'LICENSE', 'EQUITY', 'JOINT', 'SERVICE'];

function termOf(field: string): string {
  return rand() < 0.18 ? zipf(FIELDS[zipf(FIELD_NAMES, 0.8)]!) : zipf(FIELDS[field]!);
}

function listing(i: number) {
  const field = zipf(FIELD_NAMES, 0.8);
  const t1 = termOf(field);
  const t2 = termOf(field);
  const title = [`一种${t1}${zipf(GENERIC)}及其${zipf(GENERIC)}`, `基于${t1}的${t2}${zipf(GENERIC)}`, `${t1}${t2}${zipf(GENERIC)}关键技术`, `高性能${t1}${zipf(GENERIC)}`][i % 4]!;
  const sentences: string[] = [];
  const target = 200 + Math.floor(rand() * 200);
  let len = 0;
  while (len < target) {
    const s = [
      `本成果围绕${termOf(field)}与${termOf(field)}开展研究，形成了${zipf(GENERIC)}${zipf(FILLER)}方案。`,
      `针对${termOf(field)}${zipf(FILLER)}不足的问题，提出${termOf(field)}${zipf(GENERIC)}，${zipf(FILLER)}提升${Math.floor(rand() * 60) + 10}%。`,
      `已完成${zipf(FILLER)}验证，可用于${termOf(field)}和${termOf(field)}等场景。`,
      `与现有${termOf(field)}相比，${zipf(FILLER)}和${zipf(FILLER)}明显改善。`,
    ][Math.floor(rand() * 4)]!;
    sentences.push(s);
    len += s.length;
  }
  const priceMin = rand() < 0.2 ? null : Math.floor(10 ** (5 + rand() * 4)) * 100;
  return {
    id: randomUUID(),
    kind: 'achievement' as const,
    title,
    text: sentences.join(''),
    keywords: [t1, t2, termOf(field)],
    meta: {
      chainId: `BENCH${i}`,
      externalId: `bench-${i}`,
      ownerOrgId: '00000000-0000-0000-0000-000000000001',
      ownerOrgName: '基准测试机构',
      domainCode: DOMAINS[FIELD_NAMES.indexOf(field) % DOMAINS.length],
      industryCodes: ['3841'],
      regionCode: zipf(PROVINCES, 0.8),
      trl: 1 + Math.floor(rand() * 9),
      transferModes: [zipf(MODES)],
      priceMode: priceMin === null ? 'negotiable' : 'fixed',
      priceMinFen: priceMin,
      priceMaxFen: null,
      openLicence: rand() < 0.05,
      ipKinds: ['patent'],
      publishedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 600) * 86_400_000).toISOString(),
      confirmedAt: new Date(Date.UTC(2025, 6, 1) + Math.floor(rand() * 300) * 86_400_000).toISOString(),
    },
  };
}

function queryText(): string {
  const field = zipf(FIELD_NAMES, 0.8);
  const n = 2 + Math.floor(rand() * 3);
  const parts = Array.from({ length: n }, () => (rand() < 0.8 ? termOf(field) : zipf(GENERIC)));
  return parts.join(rand() < 0.5 ? ' ' : '');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tn-bench-speed-'));
  const rt = await openRuntime(loadEnv({ DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', SEARCH_ENGINE: process.env.SEARCH_ENGINE }), log);
  const { db } = rt.handle;
  const search = rt.services.search;
  log(`engine: ${search.engine}; N = ${N.toLocaleString()} synthetic listings; RSS ${mb()} MB`);
  const results: string[] = [];
  try {
    // ---- build -------------------------------------------------------------------------------
    await db.execute(sql`drop index if exists search_documents_achievement_bm25`);
    if (search.engine !== 'tsvector') {
      // The tsvector engine ranks from the migration's GIN index; the others get theirs at first use.
      await db.execute(sql`drop index if exists search_documents_tsv_idx`);
    }
    let analyseMs = 0;
    let insertMs = 0;
    const now = new Date();
    const BATCH = 1000;
    const tBuild = performance.now();
    for (let i = 0; i < N; i += BATCH) {
      const t0 = performance.now();
      // Engines that rank from `tsv` (rum, tsvector) get it filled as the service's upsert does.
      const rows = Array.from({ length: Math.min(BATCH, N - i) }, (_, j) => toSearchRow(listing(i + j), search.analyser, now)).map((r) =>
        search.engine === 'pg_textsearch' ? r : { ...r, tsv: sql`to_tsvector('simple', ${r.analysed})` },
      );
      const t1 = performance.now();
      await db.insert(searchDocuments).values(rows);
      insertMs += performance.now() - t1;
      analyseMs += t1 - t0;
      if ((i + BATCH) % 20_000 === 0 || i + BATCH >= N) {
        log(`  loaded ${Math.min(i + BATCH, N).toLocaleString()}/${N.toLocaleString()} (${(((i + BATCH) / (performance.now() - tBuild)) * 1000).toFixed(0)} rows/s, RSS ${mb()} MB)`);
      }
    }
    const tIdx = performance.now();
    if (search.engine === 'pg_textsearch') {
      await db.execute(sql`set maintenance_work_mem = '512MB'`);
    }
    await db.execute(sql`analyze search_documents`);
    // The service creates its index on first use (BM25 with pg_textsearch, otherwise none: GIN comes with the migration).
    const probe = await search.keywordCandidates({ kind: 'achievement', text: '深度学习', limit: 1 });
    const indexMs = performance.now() - tIdx;
    const buildLine = `build: jieba analysis ${(analyseMs / 1000).toFixed(1)} s (${((N / analyseMs) * 1000).toFixed(0)} docs/s), bulk insert ${(insertMs / 1000).toFixed(1)} s, ${search.engine} index ${(indexMs / 1000).toFixed(1)} s; RSS ${mb()} MB (probe hits: ${probe.length})`;
    log(buildLine);
    results.push(buildLine);

    // ---- queries through the service ------------------------------------------------------------
    const queries = Array.from({ length: QUERIES }, queryText);
    const anon = { kind: 'anonymous' as const, ip: '127.0.0.1', requestId: 'bench' };
    for (const q of queries.slice(0, 20)) {
      await search.searchAchievements(anon, { q, limit: 20, offset: 0, sort: 'relevance' }, 'zh'); // warm-up
    }
    const svc: number[] = [];
    let totalHits = 0;
    const tSvc = performance.now();
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const r = await search.searchAchievements(anon, { q, limit: 20, offset: 0, sort: 'relevance' }, 'zh');
      svc.push(performance.now() - t);
      totalHits += r.total;
      if ((i + 1) % 250 === 0) {
        log(`  service: ${i + 1}/${queries.length} queries, ${fmt(svc)}`);
      }
    }
    const svcQps = (queries.length / (performance.now() - tSvc)) * 1000;
    const svcLine = `search service (top-20 page + highlights), ${search.engine}: ${fmt(svc)}, ${svcQps.toFixed(0)} QPS (1 client), mean total ${(totalHits / queries.length).toFixed(0)}; RSS ${mb()} MB`;
    log(svcLine);
    results.push(svcLine);

    // Facets on (the search page's first request).
    const fac: number[] = [];
    for (const q of queries.slice(0, 200)) {
      const t = performance.now();
      await search.searchAchievements(anon, { q, limit: 20, offset: 0, sort: 'relevance', facets: true }, 'zh');
      fac.push(performance.now() - t);
    }
    const facLine = `search service with facets (200 queries): ${fmt(fac)}`;
    log(facLine);
    results.push(facLine);

    // Raw top-20 through the keyword-candidates path (what matching uses).
    const kc: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await search.keywordCandidates({ kind: 'achievement', text: q, limit: 20 });
      kc.push(performance.now() - t);
    }
    const kcLine = `keywordCandidates top-20 (${queries.length} queries): ${fmt(kc)}`;
    log(kcLine);
    results.push(kcLine);

    // ---- PostgreSQL built-in ranking on the same rows --------------------------------------------
    const tTsv = performance.now();
    // In id-ordered slices: one UPDATE of a million rows exhausts PGlite's 2 GiB WASM memory.
    // (rum and tsvector engines: `tsv` was filled with the rows.)
    for (let last: string | undefined = '00000000-0000-0000-0000-000000000000'; search.engine === 'pg_textsearch' && last; ) {
      const [upper]: ({ id: string } | undefined)[] = rowsOf<{ id: string }>(await db.execute(sql`select id from search_documents where id > ${last}::uuid order by id offset 19999 limit 1`));
      await db.execute(
        upper
          ? sql`update search_documents set tsv = to_tsvector('simple', analysed) where kind = 'achievement' and id > ${last}::uuid and id <= ${upper.id}::uuid`
          : sql`update search_documents set tsv = to_tsvector('simple', analysed) where kind = 'achievement' and id > ${last}::uuid`,
      );
      last = upper?.id;
    }
    await db.execute(sql`create index if not exists search_documents_tsv_idx on search_documents using gin (tsv)`);
    await db.execute(sql`analyze search_documents`);
    const tsvLine = `built-in: tsvector fill + GIN build ${((performance.now() - tTsv) / 1000).toFixed(1)} s`;
    log(tsvLine);
    results.push(tsvLine);
    const orQuery = (q: string) =>
      search
        .analyseQuery(q)
        .map((t) => `'${t}'`)
        .join(' | ');
    const builtin: number[] = [];
    let matched = 0;
    for (const [i, q] of queries.slice(0, BUILTIN_QUERIES).entries()) {
      const t = performance.now();
      const r = rowsOf<{ id: string; n: number }>(
        await db.execute(sql`
          select id, count(*) over ()::int as n from search_documents, to_tsquery('simple', ${orQuery(q)}) q
          where kind = 'achievement' and tsv @@ q order by ts_rank(tsv, q) desc limit 20`),
      );
      builtin.push(performance.now() - t);
      matched += r[0]?.n ?? 0;
      if ((i + 1) % 25 === 0) {
        log(`  ts_rank: ${i + 1}/${BUILTIN_QUERIES} queries, ${fmt(builtin)}`);
      }
    }
    const builtinLine = `built-in ts_rank over all OR matches, top-20 (${BUILTIN_QUERIES} queries, mean ${(matched / BUILTIN_QUERIES).toFixed(0)} matching rows): ${fmt(builtin)}, ${((BUILTIN_QUERIES / builtin.reduce((a, b) => a + b, 0)) * 1000).toFixed(1)} QPS`;
    log(builtinLine);
    results.push(builtinLine);
    const speedup = pct(builtin, 50) / pct(svc, 50);
    const ratioLine = `speed-up of the ${search.engine} service path over built-in ts_rank: ${speedup.toFixed(0)}× at p50, ${(pct(builtin, 95) / pct(svc, 95)).toFixed(0)}× at p95`;
    log(ratioLine);
    results.push(ratioLine);
    log(`\nsummary (N = ${N.toLocaleString()}, peak RSS so far ${mb()} MB):\n${results.map((r) => `- ${r}`).join('\n')}`);
  } finally {
    await rt.handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

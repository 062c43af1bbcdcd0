import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '#shared/format/region-scope';
import type { Lang } from '#shared/i18n/error-messages';
import {
  MAX_QUERY_CHARS,
  type AchievementHit,
  type AchievementSearchQuery,
  type AchievementSearchResult,
  type Facets,
  type Highlight,
  type ListingFilters,
} from '#shared/contracts/search.contract';
import type { IP_KINDS, PRICE_MODES, TRANSFER_MODES } from '#shared/contracts/achievements.contract';
import type { DbHandle, DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import type { Actor } from '#server/modules/auth/index';
import type { SearchDocument, SearchIndexHook } from '#server/modules/achievements/index';
import { createAnalyser, wordsFromNames, type Analyser } from './analyser';
import { fragmentOf, matchRanges } from './highlight';
import { canRebuildIndex, canSearch } from './search.policy';
import { chooseEngine, createSearchRepo, engineAvailable, type SearchEngine, type RankedId, type SearchKind, type SearchRow, type SearchRowInsert } from './search.repo';
import { chinaToday } from '#shared/format/china-time';

/** Listings a query ranks: the page, facets and total come from this many best candidates. */
export const CANDIDATE_LIMIT = 1000;
/** Facets of a text query count the best this many matches. */
export const FACET_WINDOW = 200;
/** A stale listing's score is multiplied by this (issue 3: stale listings are ranked down). */
export const STALE_FACTOR = 0.5;
const STALE_AFTER_MS = 365 * 24 * 3_600_000;

type CodeListItem = { code: string; name: string; nameEn?: string | undefined; parentCode: string | null };
type CodeListName = 'technology-domains' | 'industries';

export type SearchDeps = {
  handle: Pick<DbHandle, 'db' | 'capabilities'>;
  clock: Clock;
  regionExists: (code: string) => Promise<boolean>;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
  codeList: (name: CodeListName) => Promise<{ items: CodeListItem[] }>;
  analyser?: Analyser;
  /** Forces an engine (tests, benchmarks); by default the best the database offers. */
  engine?: SearchEngine;
};

/** Filters as the service takes them (query-string lists already split). */
export type SearchFilters = Omit<ListingFilters, never>;

export type KeywordCandidate = { id: string; score: number; terms: string[] };
export type KeywordCandidatesInput = { kind: SearchKind; text: string; filters?: SearchFilters; limit: number };

/** Where `rebuild` reads published listings from (composition: the catalogue modules). */
export type PublishedSource = (kind: SearchKind) => AsyncIterable<SearchDocument[]>;

const MODE_LABELS: Record<(typeof TRANSFER_MODES)[number], { zh: string; en: string }> = {
  ASSIGN: { zh: '转让', en: 'Assignment' },
  LICENSE: { zh: '许可', en: 'Licence' },
  EQUITY: { zh: '作价投资', en: 'Equity' },
  JOINT: { zh: '合作开发', en: 'Joint development' },
  SERVICE: { zh: '技术服务', en: 'Technical service' },
};
const IP_LABELS: Record<(typeof IP_KINDS)[number], { zh: string; en: string }> = {
  patent: { zh: '专利', en: 'Patent' },
  patent_application: { zh: '专利申请', en: 'Patent application' },
  software_copyright: { zh: '软件著作权', en: 'Software copyright' },
  ic_layout: { zh: '集成电路布图设计', en: 'IC layout design' },
  plant_variety: { zh: '植物新品种', en: 'Plant variety' },
  know_how: { zh: '技术秘密', en: 'Know-how' },
  other: { zh: '其他', en: 'Other' },
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const date = (v: unknown): Date | null => (typeof v === 'string' && v ? new Date(v) : null);

/** The index row of a search document (analysed text included). */
export function toSearchRow(doc: SearchDocument, analyser: Analyser, now: Date): SearchRowInsert {
  const m = doc.meta;
  const isDemand = doc.kind === 'demand';
  const analysed = analyser.analyseDocument({ title: doc.title, keywords: doc.keywords, body: doc.text });
  return {
    id: doc.id,
    kind: doc.kind,
    chainId: str(m.chainId) ?? doc.id,
    externalId: str(m.externalId),
    title: doc.title,
    body: doc.text,
    keywords: doc.keywords,
    ownerOrgId: str(m.ownerOrgId) ?? '00000000-0000-0000-0000-000000000000',
    ownerOrgName: str(m.ownerOrgName) ?? '',
    domainCode: str(m.domainCode),
    industryCodes: strs(m.industryCodes),
    regionCode: str(m.regionCode) ?? '',
    trl: num(isDemand ? m.trlNeeded : m.trl),
    modes: strs(isDemand ? m.cooperationModes : m.transferModes),
    priceMode: isDemand ? null : str(m.priceMode),
    priceMinFen: num(isDemand ? m.budgetMinFen : m.priceMinFen),
    priceMaxFen: num(isDemand ? m.budgetMaxFen : m.priceMaxFen),
    ipKinds: strs(m.ipKinds),
    openLicence: m.openLicence === true,
    extra: isDemand ? { deadline: str(m.deadline) } : { discipline: str(m.discipline), patentTypes: strs(m.patentTypes) },
    analysed: analysed.join(' '),
    dictVersion: analyser.dictionaryVersion(),
    // A demand has no yearly confirmation: it counts as confirmed when published.
    confirmedAt: isDemand ? date(m.publishedAt) : date(m.confirmedAt),
    publishedAt: date(m.publishedAt),
    indexedAt: now,
  };
}

/**
 * Keyword search over published listings (issue 3): jieba analysis, BM25-class ranking from the
 * best index the database offers, filters, facets, highlights; and the write side the catalogue
 * calls inside its publish/withdraw transactions.
 */
export function createSearchService(deps: SearchDeps) {
  const { clock } = deps;
  const db = deps.handle.db;
  if (deps.engine && !engineAvailable(deps.engine, deps.handle.capabilities)) {
    throw new Error(`search engine ${deps.engine} is not available on this database`);
  }
  const engine = deps.engine ?? chooseEngine(deps.handle.capabilities);
  const repo = createSearchRepo(db, engine);
  const analyser = deps.analyser ?? createAnalyser();
  const codeLists = new Map<CodeListName, Promise<CodeListItem[]>>();
  let dictionary: Promise<void> | undefined;

  function codeListItems(name: CodeListName): Promise<CodeListItem[]> {
    let p = codeLists.get(name);
    if (!p) {
      p = deps.codeList(name).then((l) => l.items);
      void p.catch(() => codeLists.delete(name));
      codeLists.set(name, p);
    }
    return p;
  }

  /** Loads the user dictionary once: code-list names and the indexed listings' keywords. */
  function ensureDictionary(): Promise<void> {
    dictionary ??= (async () => {
      const [domains, industries] = await Promise.all([codeListItems('technology-domains'), codeListItems('industries')]);
      analyser.addWords(wordsFromNames([...domains, ...industries].map((i) => i.name)));
      analyser.addWords((await repo.keywords()).words);
    })().catch((err: unknown) => {
      dictionary = undefined;
      throw err;
    });
    return dictionary;
  }

  const staleBefore = () => new Date(clock.now().getTime() - STALE_AFTER_MS);

  /** 400 search/unknown_filter for codes no code list has. */
  async function checkFilters(f: SearchFilters): Promise<void> {
    if (f.domainCode?.length) {
      const known = new Set((await codeListItems('technology-domains')).map((i) => i.code));
      const unknown = f.domainCode.filter((c) => !known.has(c));
      if (unknown.length) {
        throw new AppError('search/unknown_filter', `unknown domain codes ${unknown.join(',')}`, { field: 'domainCode', codes: unknown }, { field: 'domainCode', codes: unknown.join(', ') });
      }
    }
    if (f.industryCode?.length) {
      const known = new Set((await codeListItems('industries')).map((i) => i.code));
      const unknown = f.industryCode.filter((c) => !known.has(c));
      if (unknown.length) {
        throw new AppError('search/unknown_filter', `unknown industry codes ${unknown.join(',')}`, { field: 'industryCode', codes: unknown }, { field: 'industryCode', codes: unknown.join(', ') });
      }
    }
    if (f.regionCode && !(await deps.regionExists(f.regionCode))) {
      throw new AppError('search/unknown_filter', `unknown region ${f.regionCode}`, { field: 'regionCode', codes: [f.regionCode] }, { field: 'regionCode', codes: f.regionCode });
    }
  }

  /** Industry filter codes as prefixes of class codes: a section letter expands to its divisions. */
  async function industryPrefixes(codes: readonly string[]): Promise<string[]> {
    const items = await codeListItems('industries');
    const out = new Set<string>();
    for (const c of codes) {
      if (/^[A-Z]$/.test(c)) {
        for (const i of items) {
          if (i.parentCode === c) {
            out.add(i.code);
          }
        }
      } else {
        out.add(c);
      }
    }
    return [...out];
  }

  /** The filters as one SQL condition on search_documents (TRUE when none). */
  async function filterSql(f: SearchFilters): Promise<SQL> {
    const conds: SQL[] = [];
    const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
    if (f.domainCode?.length) {
      conds.push(sql`domain_code in (${list(f.domainCode)})`);
    }
    if (f.industryCode?.length) {
      const prefixes = await industryPrefixes(f.industryCode);
      const likes = sql.join(prefixes.map((p) => sql`c like ${`${p}%`}`), sql` or `);
      conds.push(prefixes.length ? sql`exists (select 1 from unnest(industry_codes) c where ${likes})` : sql`false`);
    }
    if (f.regionCode) {
      conds.push(sql`region_code like ${`${regionPrefix(f.regionCode)}%`}`);
    }
    if (f.trlMin !== undefined) {
      conds.push(sql`trl >= ${f.trlMin}`);
    }
    if (f.trlMax !== undefined) {
      conds.push(sql`trl <= ${f.trlMax}`);
    }
    if (f.transferMode?.length) {
      conds.push(sql`modes && array[${list(f.transferMode)}]::text[]`);
    }
    if (f.ipKind?.length) {
      conds.push(sql`ip_kinds && array[${list(f.ipKind)}]::text[]`);
    }
    if (f.openLicence !== undefined) {
      conds.push(sql`open_licence = ${f.openLicence}`);
    }
    if (f.priceMinFen !== undefined || f.priceMaxFen !== undefined) {
      // 面议 (negotiable, or no price) passes; otherwise the price or range must meet [min, max].
      const lo = sql`price_min_fen`;
      const hi = sql`coalesce(price_max_fen, price_min_fen)`;
      const parts: SQL[] = [];
      if (f.priceMinFen !== undefined) {
        parts.push(sql`${hi} >= ${f.priceMinFen}`);
      }
      if (f.priceMaxFen !== undefined) {
        parts.push(sql`${lo} <= ${f.priceMaxFen}`);
      }
      conds.push(sql`(price_mode = 'negotiable' or price_min_fen is null or (${sql.join(parts, sql` and `)}))`);
    }
    return conds.length ? sql.join(conds, sql` and `) : sql`true`;
  }

  /** Analysed query terms; 400 search/query_invalid when too long or empty after analysis. */
  function queryTerms(text: string, maxChars: number): string[] {
    const trimmed = text.trim();
    if (trimmed.length > maxChars) {
      throw new AppError('search/query_invalid', `query longer than ${maxChars} characters`, { reason: 'too_long', max: maxChars }, { reason: `longer than ${maxChars}` });
    }
    const terms = analyser.analyseQuery(trimmed);
    if (terms.length === 0) {
      throw new AppError('search/query_invalid', 'query has no searchable terms', { reason: 'empty' }, { reason: 'no searchable terms' });
    }
    return terms;
  }

  /** Re-scores candidates (stale ones ranked down) and sorts them best first. */
  function rerank(ranked: RankedId[]): { id: string; score: number }[] {
    // Stable: equal scores (and the unscored tail, score 0) keep the engine's order.
    return ranked.map((r) => ({ id: r.id, score: r.bm25 * (r.stale ? STALE_FACTOR : 1) })).sort((a, b) => b.score - a.score);
  }

  async function facetsOf(kind: SearchKind, scope: SQL, lang: Lang): Promise<Facets> {
    const rows = await repo.facets(kind, scope);
    const [domains, industries] = await Promise.all([codeListItems('technology-domains'), codeListItems('industries')]);
    const provinceCodes = rows.filter((r) => r.facet === 'province').map((r) => r.value);
    const provinceNames = await deps.regionNames(provinceCodes);
    const name = (items: CodeListItem[], code: string) => {
      const i = items.find((x) => x.code === code);
      return i ? (lang === 'en' && i.nameEn ? i.nameEn : i.name) : code;
    };
    const bucket = (facet: string, label: (v: string) => string) =>
      rows
        .filter((r) => r.facet === facet)
        .map((r) => ({ value: r.value, label: label(r.value), count: r.n }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      domain: bucket('domain', (v) => name(domains, v)),
      industry: bucket('industry', (v) => name(industries, v)),
      province: bucket('province', (v) => provinceNames.get(v) ?? v),
      trl: bucket('trl', (v) => `TRL ${v}`).sort((a, b) => Number(a.value) - Number(b.value)),
      transferMode: bucket('transferMode', (v) => MODE_LABELS[v as keyof typeof MODE_LABELS]?.[lang] ?? v),
      ipKind: bucket('ipKind', (v) => IP_LABELS[v as keyof typeof IP_LABELS]?.[lang] ?? v),
    };
  }

  function highlightsOf(row: SearchRow, terms: readonly string[]): Highlight[] {
    if (terms.length === 0) {
      return [];
    }
    const out: Highlight[] = [];
    const titleRanges = matchRanges(row.title, terms);
    if (titleRanges.length) {
      out.push({ field: 'title', text: row.title, ranges: titleRanges });
    }
    const body = fragmentOf(row.body, terms);
    if (body.ranges.length) {
      out.push({ field: row.kind === 'demand' ? 'description' : 'abstract', text: body.text, ranges: body.ranges });
    }
    const kw = row.keywords.join('、');
    const kwRanges = matchRanges(kw, terms);
    if (kwRanges.length) {
      out.push({ field: 'keywords', text: kw, ranges: kwRanges });
    }
    return out;
  }

  function toHit(row: SearchRow, score: number, terms: readonly string[], regionName: string): AchievementHit {
    const stale = !row.confirmedAt || row.confirmedAt.getTime() < staleBefore().getTime();
    const excerpt = row.body.length > 160 ? `${row.body.slice(0, 160)}…` : row.body;
    return {
      id: row.id,
      chainId: row.chainId,
      externalId: row.externalId,
      title: row.title,
      abstractExcerpt: excerpt,
      keywords: row.keywords,
      domainCode: row.domainCode,
      industryCodes: row.industryCodes,
      trl: row.trl,
      ownerOrgId: row.ownerOrgId,
      ownerOrgName: row.ownerOrgName,
      regionCode: row.regionCode,
      regionName,
      transferModes: row.modes as (typeof TRANSFER_MODES)[number][],
      priceMode: (row.priceMode ?? 'negotiable') as (typeof PRICE_MODES)[number],
      priceMinFen: row.priceMinFen,
      priceMaxFen: row.priceMaxFen,
      openLicence: row.openLicence,
      status: 'published',
      stale,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.indexedAt.toISOString(),
      score: Math.round(score * 10_000) / 10_000,
      highlights: highlightsOf(row, terms),
    };
  }

  const SORT_SQL: Record<Exclude<AchievementSearchQuery['sort'], 'relevance'>, SQL> = {
    newest: sql`published_at desc nulls last, id`,
    trl_desc: sql`trl desc nulls last, published_at desc nulls last, id`,
    price_asc: sql`price_min_fen asc nulls last, id`,
    price_desc: sql`coalesce(price_max_fen, price_min_fen) desc nulls last, id`,
  };

  function sortRows(rows: SearchRow[], sort: Exclude<AchievementSearchQuery['sort'], 'relevance'>): SearchRow[] {
    const nullsLast = (a: number | null, b: number | null, dir: 1 | -1) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : (a - b) * dir);
    const t = (d: Date | null) => (d ? d.getTime() : null);
    const by: Record<typeof sort, (a: SearchRow, b: SearchRow) => number> = {
      newest: (a, b) => nullsLast(t(a.publishedAt), t(b.publishedAt), -1),
      trl_desc: (a, b) => nullsLast(a.trl, b.trl, -1) || nullsLast(t(a.publishedAt), t(b.publishedAt), -1),
      price_asc: (a, b) => nullsLast(a.priceMinFen, b.priceMinFen, 1),
      price_desc: (a, b) => nullsLast(a.priceMaxFen ?? a.priceMinFen, b.priceMaxFen ?? b.priceMinFen, -1),
    };
    return [...rows].sort((a, b) => by[sort](a, b) || (a.id < b.id ? -1 : 1));
  }

  /** The shared search path of achievements and demands. */
  async function run(actor: Actor, kind: SearchKind, q: AchievementSearchQuery, lang: Lang): Promise<{ result: AchievementSearchResult; rows: Map<string, SearchRow> }> {
    const started = performance.now();
    if (!canSearch(actor)) {
      throw new AppError('common/forbidden', 'search not allowed');
    }
    const { q: text, limit, offset, sort, facets: wantFacets, ...filters } = q;
    const hasFilter = Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    if ((text ?? '').trim() === '' && !hasFilter) {
      throw new AppError('search/query_invalid', 'empty query without filters', { reason: 'empty' }, { reason: 'empty' });
    }
    await ensureDictionary();
    await checkFilters(filters);
    let filter = await filterSql(filters);
    if (kind === 'demand') {
      // A demand whose deadline (China time) has passed stays published but is no longer offered.
      const today = chinaToday(clock.now());
      filter = sql`${filter} and (extra->>'deadline' is null or extra->>'deadline' >= ${today})`;
    }
    let terms: string[] = [];
    let page: { id: string; score: number }[];
    let total: number;
    let totalIsLowerBound = false;
    let facetScope: SQL = filter;
    const rows = new Map<string, SearchRow>();
    if ((text ?? '').trim() !== '') {
      terms = queryTerms(text ?? '', MAX_QUERY_CHARS);
      // Top-k costs grow with k, so only as many candidates as the page needs, plus a margin so that
      // stale listings can drop below fresher ones, and enough for the facets; a key sort takes more.
      const head = Math.min(CANDIDATE_LIMIT, 2 * (offset + limit) + 20);
      const window = sort !== 'relevance' ? CANDIDATE_LIMIT : Math.max(head, wantFacets ? FACET_WINDOW : 0);
      const ranked = rerank(await repo.topK(kind, terms, filter, window, staleBefore()));
      total = ranked.length;
      totalIsLowerBound = ranked.length >= window;
      if (sort === 'relevance') {
        page = ranked.slice(offset, offset + limit);
      } else {
        const score = new Map(ranked.map((r) => [r.id, r.score]));
        for (const r of await repo.rows(ranked.map((r) => r.id))) {
          rows.set(r.id, r);
        }
        page = sortRows([...rows.values()], sort)
          .slice(offset, offset + limit)
          .map((r) => ({ id: r.id, score: score.get(r.id) ?? 0 }));
      }
      const ids = ranked.map((r) => r.id);
      facetScope = ids.length ? sql`id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
    } else {
      const order = SORT_SQL[sort === 'relevance' ? 'newest' : sort];
      const b = await repo.browse(kind, filter, order, limit, offset, staleBefore());
      page = b.ids.map((r) => ({ id: r.id, score: 0 }));
      total = b.total;
    }
    const missing = page.map((p) => p.id).filter((id) => !rows.has(id));
    for (const r of await repo.rows(missing)) {
      rows.set(r.id, r);
    }
    const present = page.filter((p) => rows.has(p.id));
    const names = await deps.regionNames([...new Set(present.map((p) => rows.get(p.id)!.regionCode))]);
    const items = present.map((p) => {
      const row = rows.get(p.id)!;
      return toHit(row, p.score, terms, names.get(row.regionCode) ?? row.regionCode);
    });
    const result: AchievementSearchResult = {
      items,
      total,
      ...(totalIsLowerBound ? { totalIsLowerBound } : {}),
      terms,
      engine,
      ...(wantFacets ? { facets: await facetsOf(kind, facetScope, lang) } : {}),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
    return { result, rows };
  }

  const index: SearchIndexHook = {
    async upsert(doc: SearchDocument, tx: DbConn) {
      // Never waits for the dictionary here: its loading reads through `db`, which must not be used
      // inside a transaction. The listing's own keywords are in the dictionary either way.
      void ensureDictionary().catch(() => undefined);
      await repo.upsert(tx, toSearchRow(doc, analyser, clock.now()));
    },
    async remove(id: string, tx: DbConn) {
      await repo.remove(tx, id);
    },
  };

  return {
    engine,
    analyser,
    /** The write side for the catalogue modules (SearchIndexHook). */
    index,

    /** `GET /api/v1/achievements/search`. */
    async searchAchievements(actor: Actor, q: AchievementSearchQuery, lang: Lang): Promise<AchievementSearchResult> {
      return (await run(actor, 'achievement', q, lang)).result;
    },

    /** `GET /api/v1/demands/search`: the same machinery over published demands. */
    async searchDemands(actor: Actor, q: AchievementSearchQuery, lang: Lang) {
      const { result, rows } = await run(actor, 'demand', q, lang);
      return {
        ...result,
        items: result.items.map((h) => {
          const row = rows.get(h.id);
          return {
            id: h.id,
            chainId: h.chainId,
            externalId: h.externalId,
            title: h.title,
            descriptionExcerpt: h.abstractExcerpt,
            keywords: h.keywords,
            domainCode: h.domainCode,
            industryCodes: h.industryCodes,
            trlNeeded: h.trl,
            ownerOrgId: h.ownerOrgId,
            ownerOrgName: h.ownerOrgName,
            regionCode: h.regionCode,
            regionName: h.regionName,
            cooperationModes: h.transferModes,
            budgetMinFen: h.priceMinFen,
            budgetMaxFen: h.priceMaxFen,
            deadline: row ? str(row.extra.deadline) : null,
            publishedAt: h.publishedAt,
            score: h.score,
            highlights: h.highlights,
          };
        }),
      };
    },

    /**
     * BM25 top-k for free text (matching's keyword layer): the text is analysed like a query, but up
     * to `maxChars` long; `terms` of a candidate are the query terms its indexed text contains.
     * Throws search/query_invalid when the text has no searchable terms.
     */
    async keywordCandidates(input: KeywordCandidatesInput & { maxChars?: number }): Promise<KeywordCandidate[]> {
      await ensureDictionary();
      const filters = input.filters ?? {};
      await checkFilters(filters);
      const terms = queryTerms(input.text, input.maxChars ?? 5000);
      const ranked = rerank(await repo.topK(input.kind, terms, await filterSql(filters), Math.max(1, Math.min(input.limit, CANDIDATE_LIMIT)), staleBefore()));
      const rows = new Map((await repo.rows(ranked.map((r) => r.id))).map((r) => [r.id, r]));
      return ranked.map((r) => {
        const tokens = new Set(rows.get(r.id)?.analysed.split(' ') ?? []);
        return { id: r.id, score: r.score, terms: terms.filter((t) => tokens.has(t)) };
      });
    },

    /** Analysed terms of a text (what keywordCandidates would search for). */
    analyseQuery(text: string): string[] {
      return analyser.analyseQuery(text);
    },

    /**
     * Re-indexes every published listing from `source` and removes rows no longer published.
     * `onProgress` gets the running count per kind.
     */
    async rebuild(actor: Actor, source: PublishedSource, onProgress: (p: { kind: SearchKind; done: number }) => void = () => undefined): Promise<{ achievements: number; demands: number; removed: number; engine: string }> {
      if (!canRebuildIndex(actor)) {
        throw new AppError('common/forbidden', 'rebuilding the search index is for administrators');
      }
      await ensureDictionary();
      await repo.ensureIndexes();
      // Rows indexed from now on (by this rebuild or a concurrent publish) are never removed below.
      const startedAt = clock.now();
      const counts = { achievement: 0, demand: 0 };
      let removed = 0;
      for (const kind of ['achievement', 'demand'] as const) {
        const seen = new Set<string>();
        await repo.bulkLoad(kind, async () => {
          for await (const batch of source(kind)) {
            analyser.addWords(batch.flatMap((d) => d.keywords));
            const rows = batch.map((doc) => toSearchRow(doc, analyser, clock.now()));
            await db.transaction((tx) => repo.upsertMany(tx, rows));
            batch.forEach((doc) => seen.add(doc.id));
            counts[kind] += batch.length;
            onProgress({ kind, done: counts[kind] });
          }
        });
        const stale = (await repo.ids(kind, startedAt)).filter((id) => !seen.has(id));
        if (stale.length) {
          await db.transaction(async (tx) => {
            for (const id of stale) {
              await repo.remove(tx, id);
            }
          });
        }
        removed += stale.length;
      }
      await repo.analyze();
      return { achievements: counts.achievement, demands: counts.demand, removed, engine };
    },

    /** Number of indexed listings of a kind. */
    count: (kind: SearchKind) => repo.count(kind),
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

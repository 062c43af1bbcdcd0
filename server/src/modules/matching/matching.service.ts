import type { AchievementHit, AchievementMatch, AchievementMatches, ClassifyResult, Highlight, ListingFilters, MatchAchievementsRequest, MatchReason } from '#shared/contracts/search.contract';
import type { CreateSavedSearch, SavedSearch } from '#shared/contracts/notifications.contract';
import { MAX_SAVED_SEARCHES } from '#shared/contracts/notifications.contract';
import { isWithinRegion } from '#shared/format/region-scope';
import type { Lang } from '#shared/i18n/error-messages';
import type { Db, DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { isStale, toAchievementSummary, type AchievementRow, type OwnerOrgRow, type SearchDocument, type SearchIndexHook } from '#server/modules/achievements/index';
import type { AuditService } from '#server/modules/audit/index';
import { requireUser, type Actor } from '#server/modules/auth/index';
import type { MailMessage, NotificationsService } from '#server/modules/notifications/index';
import type { EmbeddingProvider } from './embeddings';
import { achievementWhere, demandWhere, type MatchFilters } from './filters';
import { canMatchFromDemand, canSeeListing, canSeeMatches, ownsRecord } from './matching.policy';
import { ACHIEVEMENTS_TABLE, DEMANDS_TABLE, type DemandRow, type MatchingRepo } from './matching.repo';
import { combine, regionFit, sharedTerms, structuredFits, type NeedSide, type OfferSide, type Signals } from './scoring';
import { bytesToFloats, cosine, floatsToBytes, semanticTokenizer, toSemanticModel, VECTOR_DIMS, type SemanticModel } from './semantic';
import { trainInWorker } from './train-client';
import type { EntityType, VectorStore } from './vector-store';

/** BM25 top-k over published listings (the search module's `keywordCandidates`). */
export type KeywordCandidates = (q: { kind: 'achievement' | 'demand'; text: string; filters?: ListingFilters; limit: number }) => Promise<{ id: string; score: number; terms: string[] }[]>;

export type MatchingDeps = {
  db: Db;
  repo: MatchingRepo;
  vectors: VectorStore;
  audit: AuditService;
  clock: Clock;
  notifications: NotificationsService;
  regionNames: (codes: string[]) => Promise<Map<string, string>>;
  /** Technology-domain code list (code, Chinese and English labels) for classification by name. */
  domainList: () => Promise<{ code: string; label: string; labelEn?: string }[]>;
  /** Set once the search module offers it; without it keyword evidence comes from term overlap only. */
  keywordCandidates?: KeywordCandidates;
  /** Optional external embedding service; listing and query vectors then come from it. */
  embeddings?: EmbeddingProvider;
  log?: (obj: Record<string, unknown>, msg: string) => void;
};

/** Candidates taken from each source before re-ranking (top-k, never a full scan). */
const CANDIDATES = 100;
/** Without pgvector: the exact-cosine prefilter adds this many newest listings matching the filters. */
const EXACT_PREFILTER = 2000;
/** Retrain when the published corpus has grown by this factor since the model was trained. */
const RETRAIN_GROWTH = 1.3;
const RETRAIN_MIN_NEW = 200;
/** Training sample cap (SVD memory grows with it; a sample is representative). */
const TRAIN_MAX_DOCS = 60_000;
/** A new achievement notifies a saved search or demand at or above this score. */
export const NOTIFY_THRESHOLD = 0.3;
const MODEL_RECHECK_MS = 30_000;

type AchievementWithOrg = { a: AchievementRow; org: OwnerOrgRow };

/** The text a listing is embedded from (public fields only, as in the search document). */
export function achievementText(a: Pick<AchievementRow, 'title' | 'keywords' | 'abstract' | 'applications' | 'comparison'>): string {
  return [a.title, a.keywords.join(' '), a.abstract, a.applications, a.comparison].filter((s): s is string => !!s).join('\n');
}
export function demandText(d: Pick<DemandRow, 'title' | 'keywords' | 'description'>): string {
  return [d.title, d.keywords.join(' '), d.description].join('\n');
}
function documentText(doc: SearchDocument): string {
  return [doc.title, doc.keywords.join(' '), doc.text].join('\n');
}

const offerOf = (a: Pick<AchievementRow, 'domainCode' | 'industryCodes' | 'regionCode' | 'trl' | 'priceMode' | 'priceMinFen' | 'priceMaxFen'>): OfferSide => ({
  domainCode: a.domainCode,
  industryCodes: a.industryCodes,
  regionCode: a.regionCode,
  trl: a.trl,
  priceMode: a.priceMode,
  priceMinFen: a.priceMinFen,
  priceMaxFen: a.priceMaxFen,
});
const needOf = (d: DemandRow): NeedSide => ({
  domainCode: d.domainCode,
  industryCodes: d.industryCodes,
  regionCode: d.regionCode,
  trlNeeded: d.trlNeeded,
  budgetMinFen: d.budgetMinFen,
  budgetMaxFen: d.budgetMaxFen,
});
const NO_NEED: NeedSide = { domainCode: null, industryCodes: [], regionCode: null, trlNeeded: null, budgetMinFen: null, budgetMaxFen: null };

function titleHighlights(title: string, terms: readonly string[]): Highlight[] {
  const ranges: [number, number][] = [];
  const lower = title.toLowerCase();
  for (const t of terms) {
    let from = 0;
    for (let i = lower.indexOf(t, from); i >= 0 && t.length > 0; i = lower.indexOf(t, from)) {
      ranges.push([i, i + t.length]);
      from = i + t.length;
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      merged.push([r[0], r[1]]);
    }
  }
  return merged.length ? [{ field: 'title', text: title, ranges: merged }] : [];
}

/** Does a published achievement pass a saved search's filters (the JS twin of achievementWhere)? */
export function passesFilters(a: Pick<AchievementRow, 'domainCode' | 'industryCodes' | 'regionCode' | 'trl' | 'transferModes' | 'openLicence'>, f: MatchFilters): boolean {
  if (f.domainCode?.length && (!a.domainCode || !f.domainCode.includes(a.domainCode))) {
    return false;
  }
  if (f.industryCode?.length && !a.industryCodes.some((c) => f.industryCode!.some((p) => c.startsWith(p)))) {
    return false;
  }
  if (f.regionCode && !isWithinRegion(f.regionCode, a.regionCode)) {
    return false;
  }
  if (f.trlMin !== undefined && (a.trl === null || a.trl < f.trlMin)) {
    return false;
  }
  if (f.trlMax !== undefined && (a.trl === null || a.trl > f.trlMax)) {
    return false;
  }
  if (f.transferMode?.length && !a.transferModes.some((m) => f.transferMode!.includes(m))) {
    return false;
  }
  if (f.openLicence !== undefined && a.openLicence !== f.openLicence) {
    return false;
  }
  return true;
}

export function createMatchingService(deps: MatchingDeps) {
  const { db, repo, vectors, clock, notifications, audit } = deps;
  const log = deps.log ?? (() => undefined);
  let cached: SemanticModel | undefined;
  let checkedAt = 0;
  let loading: Promise<SemanticModel | undefined> | undefined;

  /** The newest trained model (cached; re-checked every 30 s so other processes' retrains are seen). */
  async function model(conn?: DbConn): Promise<SemanticModel | undefined> {
    if (Date.now() - checkedAt < MODEL_RECHECK_MS) {
      return cached;
    }
    if (loading && !conn) {
      return loading;
    }
    const run = (async () => {
      const id = await repo.latestModelId(conn);
      checkedAt = Date.now();
      if (id === undefined) {
        cached = undefined;
      } else if (cached?.id !== id) {
        const row = await repo.loadModel(id, conn);
        if (row) {
          const idf = bytesToFloats(row.idf);
          const termVectors = bytesToFloats(row.termVectors);
          cached = toSemanticModel(row.id, row.docCount, { dims: row.dims, vocabulary: row.vocabulary, idf, termVectors, singularValues: new Float32Array(row.dims) }, row.centroids);
        }
      }
      return cached;
    })();
    if (!conn) {
      loading = run.finally(() => (loading = undefined));
      return loading;
    }
    return run;
  }

  const tokenize = (text: string) => semanticTokenizer().tokenize(text);
  /** Where the last text match spent its time (ms), for the speed benchmark. */
  const timings = { keyword: 0, semantic: 0, rows: 0, rerank: 0 };

  /** Query or listing vectors: the external provider when configured, else the LSA model. */
  async function embed(texts: readonly string[], conn?: DbConn): Promise<{ key: string; vectors: (Float32Array | undefined)[] } | undefined> {
    if (deps.embeddings) {
      const out = await deps.embeddings.embed(texts);
      for (const v of out) {
        if (v.length !== VECTOR_DIMS) {
          throw new Error(`embedding provider returned ${v.length} dimensions, ${VECTOR_DIMS} expected`);
        }
      }
      return { key: deps.embeddings.key, vectors: out };
    }
    const m = await model(conn);
    if (!m) {
      return undefined;
    }
    return { key: m.key, vectors: texts.map((t) => m.embedTokens(m.tokenize(t))) };
  }

  async function embedOne(text: string, conn?: DbConn): Promise<{ key: string; vector: Float32Array | undefined } | undefined> {
    const r = await embed([text], conn);
    return r ? { key: r.key, vector: r.vectors[0] } : undefined;
  }

  async function idfOf(): Promise<(t: string) => number> {
    const m = await model();
    return m ? (t) => m.idf(t) : () => 1;
  }

  /** Keyword candidates, or none when the search module is not wired (or fails: matching degrades, never 500s). */
  async function keywords(kind: 'achievement' | 'demand', text: string, filters: MatchFilters | undefined, limit: number) {
    if (!deps.keywordCandidates || text.trim() === '') {
      return [];
    }
    try {
      return await deps.keywordCandidates({ kind, text, ...(filters ? { filters: filters } : {}), limit });
    } catch (err) {
      // Bad input (an unknown filter code…) is the caller's 4xx; anything else degrades to semantic only.
      if (err instanceof AppError) {
        throw err;
      }
      log({ err }, 'keyword candidates failed; semantic only');
      return [];
    }
  }

  /** Semantic neighbours; without pgvector, exact cosine over the prefiltered ids. */
  async function neighbours(type: EntityType, v: Float32Array | undefined, k: number, where: ReturnType<typeof achievementWhere>, prefilter: readonly string[]) {
    if (!v) {
      return [];
    }
    const table = type === 'achievement' ? ACHIEVEMENTS_TABLE : DEMANDS_TABLE;
    const candidates = vectors.hnsw ? undefined : [...prefilter, ...(await repo.newestIds(table, where, EXACT_PREFILTER))];
    return vectors.nearest(type, v, k, { table, where, ...(candidates ? { candidates } : {}) });
  }

  async function summaries(rows: AchievementWithOrg[]) {
    const names = await deps.regionNames([...new Set(rows.map((r) => r.a.regionCode))]);
    const now = clock.now();
    return new Map(rows.map((r) => [r.a.id, toAchievementSummary(r.a, r.org, names.get(r.a.regionCode) ?? r.a.regionCode, isStale(r.a.status, r.a.confirmedAt, now))]));
  }

  async function loadAchievement(actor: Actor, id: string, canSee: (actor: Actor, a: AchievementRow, org: OwnerOrgRow) => boolean): Promise<AchievementWithOrg> {
    const [row] = await repo.achievementsByIds([id]);
    if (!row || !canSee(actor, row.a, row.org)) {
      throw new AppError('achievement/not_found', `achievement ${id} not found`);
    }
    return row;
  }

  /**
   * Ranks achievements for a need: keyword (BM25) and semantic candidates, re-scored with the
   * structured fit. Only the best few are tokenised for their shared terms.
   */
  async function rankAchievements(text: string, need: NeedSide, filters: MatchFilters | undefined, limit: number, lang: Lang, exclude?: string) {
    const where = achievementWhere(filters);
    const t0 = performance.now();
    const [kw, q] = await Promise.all([keywords('achievement', text, filters, CANDIDATES).finally(() => (timings.keyword = performance.now() - t0)), embedOne(text)]);
    const queryVec = q?.vector;
    const t1 = performance.now();
    const sem = await neighbours('achievement', queryVec, CANDIDATES, where, kw.map((c) => c.id));
    timings.semantic = performance.now() - t1;
    const t2 = performance.now();
    const ids = new Set([...kw.map((c) => c.id), ...sem.map((c) => c.id)]);
    if (exclude) {
      ids.delete(exclude);
    }
    if (ids.size === 0) {
      return [];
    }
    // Facts (no text) of every candidate; keyword-only candidates need their cosine too.
    const semById = new Map(sem.map((s) => [s.id, s.similarity]));
    const [facts, vecs] = await Promise.all([repo.achievementFacts([...ids]), queryVec ? vectors.many('achievement', [...ids].filter((id) => !semById.has(id))) : Promise.resolve(new Map<string, Float32Array>())]);
    timings.rows = performance.now() - t2;
    const t3 = performance.now();
    const kwById = new Map(kw.map((c) => [c.id, c]));
    const maxKw = Math.max(0, ...kw.map((c) => c.score));
    const published = facts.filter((f) => f.status === 'published' && (!filters || passesFilters(f, filters)));
    const prelim = published.map((f) => {
      const sim = semById.get(f.id) ?? (queryVec && vecs.get(f.id) ? cosine(queryVec, vecs.get(f.id)!) : 0);
      const k = kwById.get(f.id);
      const kwNorm = k && maxKw > 0 ? k.score / maxKw : 0;
      const fits = structuredFits(need, offerOf(f));
      return { id: f.id, sim, k, kwNorm, fits, pre: combine({ semantic: sim, keyword: kwNorm, structured: fits }, lang).score };
    });
    prelim.sort((x, y) => y.pre - x.pre);
    const idf = await idfOf();
    const qTokens = tokenize(text);
    // Only the shortlist is read in full and tokenised for its shared terms.
    const shortlist = prelim.slice(0, Math.max(limit * 3, 30));
    const full = new Map((await repo.achievementsByIds(shortlist.map((p) => p.id))).map((r) => [r.a.id, r]));
    const scored = shortlist.flatMap((p) => {
      const r = full.get(p.id);
      if (!r) {
        return [];
      }
      const shared = sharedTerms(qTokens, tokenize(achievementText(r.a)), idf);
      const signals: Signals = {
        semantic: p.sim,
        // Without a BM25 engine the idf-weighted overlap is the keyword evidence.
        keyword: deps.keywordCandidates ? p.kwNorm : shared.share,
        sharedTerms: shared.terms.length ? shared.terms : (p.k?.terms ?? []),
        structured: p.fits,
      };
      return [{ r, ...combine(signals, lang) }];
    });
    scored.sort((x, y) => y.score - x.score || (x.r.a.id < y.r.a.id ? -1 : 1));
    timings.rerank = performance.now() - t3;
    return scored.slice(0, limit);
  }

  async function loadDemand(actor: Actor, id: string): Promise<{ d: DemandRow; orgName: string }> {
    const [row] = await repo.demandsByIds([id]);
    if (!row || !canMatchFromDemand(actor, row.d)) {
      throw new AppError('demand/not_found', `demand ${id} not found`);
    }
    return row;
  }

  // ---------------------------------------------------------------- index hook + outbox

  /** Embeds a listing and stores its vector; achievements also get an outbox row for notifications. */
  const indexHook: SearchIndexHook = {
    async upsert(doc, tx) {
      if (doc.kind === 'achievement') {
        await repo.enqueue(tx, doc.id);
      }
      try {
        const e = await embedOne(documentText(doc), tx);
        if (e?.vector) {
          await vectors.upsert(tx, doc.kind, doc.id, e.key, e.vector);
        }
      } catch (err) {
        // An unreachable embedding service must not block publishing: the vector is made later
        // by reproject(). Database errors are not caught here (they abort the transaction anyway).
        if (!deps.embeddings) {
          throw err;
        }
        log({ err }, 'embedding at publish failed; will re-project later');
      }
    },
    async remove(id, tx) {
      await vectors.remove(tx, 'achievement', id);
      await vectors.remove(tx, 'demand', id);
    },
  };

  async function notificationsFor(conn: DbConn, achievementId: string): Promise<MailMessage[]> {
    const [row] = await repo.achievementsByIds([achievementId], conn);
    if (!row || row.a.status !== 'published') {
      return [];
    }
    const a = row.a;
    const text = achievementText(a);
    const m = await model(conn);
    const tokens = tokenize(text);
    const idf = m ? (t: string) => m.idf(t) : () => 1;
    const vec = (await vectors.get('achievement', a.id, conn)) ?? (await embedOne(text, conn))?.vector;
    const mails: MailMessage[] = [];
    // Saved searches: every one is scored against the new listing (filters first, then text).
    let after: string | null = null;
    for (;;) {
      const page = await repo.savedSearchPage(conn, after, 500);
      if (page.length === 0) {
        break;
      }
      after = page[page.length - 1]!.id;
      const qVecs = page.map((s) => (m && !deps.embeddings ? m.embedTokens(m.tokenize(s.query)) : undefined));
      for (const [i, s] of page.entries()) {
        if (!passesFilters(a, s.filters)) {
          continue;
        }
        const shared = sharedTerms(tokenize(s.query), tokens, idf);
        const qv = qVecs[i];
        const { score } = combine({ semantic: qv && vec ? cosine(qv, vec) : 0, keyword: shared.share, sharedTerms: shared.terms }, 'zh');
        if (score >= NOTIFY_THRESHOLD && shared.share > 0) {
          const mail = await notifications.notify(conn, {
            userId: s.userId,
            kind: 'saved_search_match',
            title: `订阅检索「${s.name}」有新成果：${a.title}`,
            body: `新发布的科技成果「${a.title}」与您的订阅检索「${s.query}」匹配（匹配度 ${Math.round(score * 100)}%，共同关键词：${shared.terms.slice(0, 5).join('、') || '无'}）。`,
            data: { achievementId: a.id, savedSearchId: s.id, score },
            dedupeKey: `saved:${s.id}:${a.id}`,
          });
          if (mail) {
            mails.push(mail);
          }
        }
      }
    }
    // Published demands near the listing: their creators hear about it.
    if (vec) {
      const near = vectors.hnsw
        ? await vectors.nearest('demand', vec, 50, { table: DEMANDS_TABLE, where: demandWhere(), conn })
        : await vectors.nearest('demand', vec, 50, { table: DEMANDS_TABLE, where: demandWhere(), candidates: await repo.newestIds(DEMANDS_TABLE, demandWhere(), EXACT_PREFILTER, conn), conn });
      const demandRows = await repo.demandsByIds(
        near.map((n) => n.id),
        conn,
      );
      const simOf = new Map(near.map((n) => [n.id, n.similarity]));
      for (const { d } of demandRows) {
        if (!d.createdBy || d.ownerOrgId === a.ownerOrgId) {
          continue;
        }
        const shared = sharedTerms(tokenize(demandText(d)), tokens, idf);
        const { score } = combine({ semantic: simOf.get(d.id) ?? 0, keyword: shared.share, sharedTerms: shared.terms, structured: structuredFits(needOf(d), offerOf(a)) }, 'zh');
        if (score >= NOTIFY_THRESHOLD) {
          const mail = await notifications.notify(conn, {
            userId: d.createdBy,
            kind: 'demand_match',
            title: `您的需求「${d.title}」有新的匹配成果`,
            body: `新发布的科技成果「${a.title}」可能满足您的技术需求「${d.title}」（匹配度 ${Math.round(score * 100)}%）。`,
            data: { achievementId: a.id, demandId: d.id, score },
            dedupeKey: `demand:${d.id}:${a.id}`,
          });
          if (mail) {
            mails.push(mail);
          }
        }
      }
    }
    return mails;
  }

  const service = {
    indexHook,
    lastMatchTimings: timings,

    // ------------------------------------------------------------ similar
    async similar(actor: Actor, id: string, limit: number): Promise<{ items: AchievementHit[] }> {
      const self = await loadAchievement(actor, id, canSeeListing);
      const text = achievementText(self.a);
      const own = [self.a.title, ...self.a.keywords].join(' ');
      const v = (await vectors.get('achievement', id)) ?? (await embedOne(text))?.vector;
      const where = achievementWhere({});
      const kw = await keywords('achievement', own, undefined, 50);
      const sem = await neighbours('achievement', v, Math.max(limit * 3, 30), where, kw.map((k) => k.id));
      const semById = new Map(sem.map((s) => [s.id, s.similarity]));
      const kwById = new Map(kw.map((k) => [k.id, k]));
      const maxKw = Math.max(0, ...kw.map((k) => k.score));
      const ids = [...new Set([...sem.map((s) => s.id), ...kw.map((k) => k.id)])].filter((x) => x !== id);
      const vecs = v ? await vectors.many('achievement', ids.filter((x) => !semById.has(x))) : new Map<string, Float32Array>();
      // Similarity: 0.65 semantic + 0.35 keyword (BM25 of the listing's own title and keywords).
      const ranked = ids
        .map((x) => {
          const sim = semById.get(x) ?? (v && vecs.get(x) ? cosine(v, vecs.get(x)!) : 0);
          const k = kwById.get(x);
          return { id: x, score: 0.65 * Math.max(0, sim) + 0.35 * (k && maxKw > 0 ? k.score / maxKw : 0), terms: k?.terms ?? [] };
        })
        .sort((p, q) => q.score - p.score || (p.id < q.id ? -1 : 1));
      const rows = (await repo.achievementsByIds(ranked.slice(0, limit * 2).map((r) => r.id))).filter((r) => r.a.status === 'published');
      const byId = await summaries(rows);
      const items: AchievementHit[] = [];
      for (const r of ranked) {
        const s = byId.get(r.id);
        if (s && items.length < limit) {
          items.push({ ...s, score: Math.round(r.score * 10_000) / 10_000, highlights: titleHighlights(s.title, r.terms) });
        }
      }
      return { items };
    },

    // ------------------------------------------------------------ matching
    async matchAchievements(actor: Actor, input: MatchAchievementsRequest, lang: Lang): Promise<{ items: AchievementMatch[] }> {
      if ((input.text === undefined) === (input.demandId === undefined)) {
        throw new AppError('search/match_input_invalid', 'give exactly one of text or demandId');
      }
      let text: string;
      let need = NO_NEED;
      if (input.demandId) {
        const { d } = await loadDemand(actor, input.demandId);
        text = demandText(d);
        need = needOf(d);
      } else {
        text = input.text!;
      }
      if (tokenize(text).length === 0) {
        throw new AppError('search/query_invalid', 'no searchable term in the text', undefined, { reason: lang === 'zh' ? '文本中没有可检索的词' : 'no searchable term' });
      }
      const filters = input.filters;
      const ranked = await rankAchievements(text, need, filters, input.limit, lang);
      const names = await deps.regionNames([...new Set(ranked.map((r) => r.r.a.regionCode))]);
      return {
        items: ranked.map((r) => ({
          achievement: { id: r.r.a.id, externalId: r.r.a.externalId, title: r.r.a.title, ownerOrgName: r.r.org.name, regionName: names.get(r.r.a.regionCode) ?? r.r.a.regionCode, trl: r.r.a.trl },
          score: r.score,
          reasons: r.reasons,
        })),
      };
    },

    // ------------------------------------------------------------ owner-side matches
    async matches(actor: Actor, id: string, lang: Lang): Promise<AchievementMatches> {
      requireUser(actor);
      const [row] = await repo.achievementsByIds([id]);
      if (!row || !canSeeListing(actor, row.a, row.org)) {
        throw new AppError('achievement/not_found', `achievement ${id} not found`);
      }
      if (!canSeeMatches(actor, row.a, row.org)) {
        throw new AppError('common/forbidden', 'matches are for the owner side of the listing');
      }
      const a = row.a;
      const text = achievementText(a);
      const own = [a.title, ...a.keywords].join(' ');
      const tokens = tokenize(text);
      const idf = await idfOf();
      const v = (await vectors.get('achievement', id)) ?? (await embedOne(text))?.vector;

      // Demands
      const kw = await keywords('demand', own, undefined, 50);
      const sem = await neighbours('demand', v, 50, demandWhere(), kw.map((k) => k.id));
      const semById = new Map(sem.map((s) => [s.id, s.similarity]));
      const kwById = new Map(kw.map((k) => [k.id, k]));
      const maxKw = Math.max(0, ...kw.map((k) => k.score));
      const demandIds = [...new Set([...sem.map((s) => s.id), ...kw.map((k) => k.id)])];
      const extraVecs = v ? await vectors.many('demand', demandIds.filter((x) => !semById.has(x))) : new Map<string, Float32Array>();
      const demandRows = (await repo.demandsByIds(demandIds)).filter((r) => r.d.status === 'published' && r.d.ownerOrgId !== a.ownerOrgId);
      const regionCodes = new Set<string>(demandRows.map((r) => r.d.regionCode));
      const demandMatches = demandRows
        .map(({ d, orgName }) => {
          const shared = sharedTerms(tokenize(demandText(d)), tokens, idf);
          const k = kwById.get(d.id);
          const sim = semById.get(d.id) ?? (v && extraVecs.get(d.id) ? cosine(v, extraVecs.get(d.id)!) : 0);
          const scored = combine(
            { semantic: sim, keyword: deps.keywordCandidates ? (k && maxKw > 0 ? k.score / maxKw : 0) : shared.share, sharedTerms: shared.terms, structured: structuredFits(needOf(d), offerOf(a)) },
            lang,
          );
          return { d, orgName, ...scored };
        })
        .sort((x, y) => y.score - x.score)
        .slice(0, 10);

      // Experts: public profiles sharing the domain or keywords, scored by text and fit.
      const expertRows = await repo.expertCandidates(a.domainCode, a.keywords, 200);
      const expertTexts = expertRows.map((e) => [e.title ?? '', e.discipline ?? '', e.keywords.join(' '), e.bio ?? ''].join('\n'));
      const expertVecs = v ? ((await embed(expertTexts))?.vectors ?? []) : [];
      const experts = expertRows
        .map((e, i) => {
          const shared = sharedTerms(tokens, tokenize(expertTexts[i]!), idf);
          const ev = expertVecs[i];
          const fits: Signals['structured'] = {};
          if (a.domainCode && e.domainCodes.length) {
            fits.domain = { value: e.domainCodes.includes(a.domainCode) ? 1 : 0, params: { code: a.domainCode } };
          }
          const rf = regionFit(e.regionCode, a.regionCode);
          if (rf) {
            fits.region = rf;
          }
          return { e, ...combine({ semantic: v && ev ? cosine(v, ev) : 0, keyword: shared.share, sharedTerms: shared.terms, structured: fits }, lang) };
        })
        .filter((x) => x.score > 0)
        .sort((x, y) => y.score - x.score)
        .slice(0, 10);

      // Likely buyers: organisations behind matching demands, and those that showed interest in the domain.
      const buyers = new Map<string, { score: number; reasons: MatchReason[]; events: number }>();
      for (const dm of demandMatches) {
        const cur = buyers.get(dm.d.ownerOrgId);
        if (!cur || cur.score < dm.score) {
          buyers.set(dm.d.ownerOrgId, { score: dm.score, reasons: dm.reasons, events: cur?.events ?? 0 });
        }
      }
      const interested = await repo.interestedOrgs(a.domainCode, a.ownerOrgId, 20);
      for (const o of interested) {
        regionCodes.add(o.regionCode);
        const cur = buyers.get(o.orgId);
        const activity = { value: Math.min(1, o.events / 5), params: { events: o.events } };
        const rf = regionFit(o.regionCode, a.regionCode);
        const scored = combine({ semantic: 0, keyword: 0, structured: rf ? { region: rf } : {}, activity }, lang);
        if (cur) {
          const act = scored.reasons.find((r) => r.code === 'activity');
          buyers.set(o.orgId, { score: Math.round(Math.min(1, cur.score + scored.score * 0.5) * 10_000) / 10_000, reasons: act ? [...cur.reasons, { ...act, weight: 0 }] : cur.reasons, events: o.events });
        } else {
          buyers.set(o.orgId, { score: Math.round(scored.score * 0.5 * 10_000) / 10_000, reasons: scored.reasons, events: o.events });
        }
      }
      const orgs = await repo.orgsByIds([...buyers.keys()]);
      for (const o of orgs) {
        regionCodes.add(o.regionCode);
      }
      for (const e of experts) {
        if (e.e.regionCode) {
          regionCodes.add(e.e.regionCode);
        }
      }
      const names = await deps.regionNames([...regionCodes]);
      const orgById = new Map(orgs.map((o) => [o.id, o]));
      return {
        demands: demandMatches.map((m) => ({ demand: { id: m.d.id, title: m.d.title, ownerOrgName: m.orgName, regionName: names.get(m.d.regionCode) ?? m.d.regionCode }, score: m.score, reasons: m.reasons })),
        experts: experts.map((x) => ({ expert: { userId: x.e.userId, displayName: x.e.displayName, title: x.e.title }, score: x.score, reasons: x.reasons })),
        buyers: [...buyers.entries()]
          .flatMap(([orgId, b]) => {
            const o = orgById.get(orgId);
            return o && o.status === 'verified' ? [{ organisation: { id: o.id, name: o.name, regionName: names.get(o.regionCode) ?? o.regionCode }, score: b.score, reasons: b.reasons }] : [];
          })
          .sort((x, y) => y.score - x.score)
          .slice(0, 10),
      };
    },

    // ------------------------------------------------------------ classification
    async classify(input: { title: string; abstract: string; keywords: string[] }, lang: Lang): Promise<ClassifyResult> {
      const text = [input.title, input.keywords.join(' '), input.abstract].join('\n');
      const tokens = tokenize(text);
      if (tokens.length === 0) {
        throw new AppError('search/query_invalid', 'nothing to classify', undefined, { reason: lang === 'zh' ? '标题、摘要和关键词中没有可识别的词' : 'no recognisable word in title, abstract or keywords' });
      }
      const m = await model();
      const v = m?.embedTokens(tokens);
      const domains = await deps.domainList();
      const labelOf = new Map(domains.map((d) => [d.code, lang === 'en' && d.labelEn ? d.labelEn : d.label]));
      // Domain: centroid cosine plus a bonus when the text names the domain (any 2+ character part of its name).
      const domainScores = domains.map((d) => {
        const c = m?.centroids.domain[d.code];
        const sem = v && c ? Math.max(0, cosine(v, c)) : 0;
        const parts = d.label.split(/[、，,和及与其]|应用|综合利用/).filter((p) => p.length >= 2);
        const named = parts.some((p) => text.includes(p)) ? 0.3 : 0;
        return { code: d.code, s: sem + named };
      });
      const disciplineScores = Object.entries(m?.centroids.discipline ?? {}).map(([label, c]) => ({ code: label, s: (v ? Math.max(0, cosine(v, c)) : 0) + (text.includes(label) ? 0.3 : 0) }));
      const top = (xs: { code: string; s: number }[]) => {
        const positive = xs.filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
        // Confidence: a softmax over the candidates' scores (temperature 0.05), so a clear winner nears 1.
        const mx = positive[0]?.s ?? 0;
        const exps = positive.map((x) => Math.exp((x.s - mx) / 0.05));
        const sum = exps.reduce((p, q) => p + q, 0);
        return positive.slice(0, 3).map((x, i) => ({ code: x.code, label: labelOf.get(x.code) ?? x.code, confidence: Math.round((exps[i]! / sum) * 1000) / 1000 }));
      };
      return { domain: top(domainScores), discipline: top(disciplineScores) };
    },

    // ------------------------------------------------------------ saved searches
    async listSavedSearches(actor: Actor): Promise<{ items: SavedSearch[] }> {
      const me = requireUser(actor);
      const rows = await repo.listSavedSearches(me.userId);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, query: r.query, filters: r.filters, createdAt: r.createdAt.toISOString() })) };
    },

    async createSavedSearch(actor: Actor, input: CreateSavedSearch): Promise<SavedSearch> {
      const me = requireUser(actor);
      if (tokenize(input.query).length === 0) {
        throw new AppError('search/query_invalid', 'no searchable term', undefined, { reason: 'no searchable term' });
      }
      return db.transaction(async (tx) => {
        if ((await repo.countSavedSearches(me.userId, tx)) >= MAX_SAVED_SEARCHES) {
          throw new AppError('saved_search/limit_reached', 'too many saved searches', undefined, { max: MAX_SAVED_SEARCHES });
        }
        const row = await repo.insertSavedSearch(tx, { userId: me.userId, name: input.name, query: input.query, filters: input.filters });
        await audit.record(tx, { actor, action: 'saved_search.created', entityType: 'saved_search', entityId: row.id, after: { name: row.name, query: row.query, filters: row.filters } });
        return { id: row.id, name: row.name, query: row.query, filters: row.filters, createdAt: row.createdAt.toISOString() };
      });
    },

    async deleteSavedSearch(actor: Actor, id: string): Promise<{ ok: true }> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const row = await repo.findSavedSearch(id, tx);
        if (!row || !ownsRecord(actor, row.userId)) {
          throw new AppError('saved_search/not_found', `saved search ${id} not found`);
        }
        await repo.deleteSavedSearch(tx, id);
        await audit.record(tx, { actor, action: 'saved_search.deleted', entityType: 'saved_search', entityId: id, before: { name: row.name, query: row.query } });
      });
      return { ok: true };
    },

    // ------------------------------------------------------------ background work
    /**
     * Claims pending outbox rows (FOR UPDATE SKIP LOCKED, so several processes share the work),
     * writes the notifications in the same transaction that marks the rows done, and hands the
     * e-mails to the transport after commit. A row that fails is retried up to 5 times.
     */
    async processOutbox(batch = 10): Promise<{ processed: number; notified: number }> {
      let processed = 0;
      let notified = 0;
      for (;;) {
        const mails: MailMessage[] = [];
        let failed: { id: number; err: unknown } | undefined;
        const claimed = await db.transaction(async (tx) => {
          const rows = await repo.claim(tx, batch);
          for (const r of rows) {
            try {
              mails.push(...(await notificationsFor(tx, r.achievementId)));
            } catch (err) {
              failed = { id: r.id, err };
              throw err;
            }
            await repo.markProcessed(tx, r.id);
          }
          return rows.length;
        }).catch(async (err: unknown) => {
          if (failed) {
            await repo.markFailed(failed.id, err instanceof Error ? err.message : String(err));
            log({ err, outboxId: failed.id }, 'match notification failed');
            return -1;
          }
          throw err;
        });
        if (claimed === 0) {
          break;
        }
        if (claimed > 0) {
          processed += claimed;
          notified += mails.length;
          try {
            await notifications.deliver(mails);
          } catch (err) {
            log({ err }, 'mail transport failed (notifications are kept in-app)');
          }
        }
      }
      return { processed, notified };
    },

    /** Trains a new LSA model on the published corpus and re-projects every listing vector. */
    async train(opts: { dims?: number; onProgress?: (step: string) => void } = {}): Promise<{ modelId: number; docs: number; vocabulary: number; dims: number; projected: number }> {
      const progress = opts.onProgress ?? (() => undefined);
      const total = await repo.countPublished();
      const docs = await repo.corpus(TRAIN_MAX_DOCS);
      if (docs.length < 2) {
        throw new AppError('search/query_invalid', 'not enough published listings to train on', undefined, { reason: 'need at least 2 published listings' });
      }
      progress(`corpus: ${docs.length} of ${total} published listings`);
      const { lsa, centroids } = await trainInWorker(docs, { ...(opts.dims ? { dims: opts.dims } : {}), onProgress: progress });
      const modelId = await repo.insertModel({
        kind: 'lsa',
        dims: lsa.dims,
        docCount: total,
        vocabulary: lsa.vocabulary,
        idf: floatsToBytes(lsa.idf),
        termVectors: floatsToBytes(lsa.termVectors),
        centroids,
        dictionaryVersion: semanticTokenizer().dictionaryVersion(),
      });
      checkedAt = 0;
      await model();
      progress(`model ${modelId}: ${lsa.vocabulary.length} terms × ${lsa.dims} dims`);
      // Every vector changes with a new model: rewrite them without the HNSW indexes, then rebuild those.
      const projected = await vectors.withoutIndexes(() => service.reproject(progress));
      progress('vector indexes rebuilt');
      return { modelId, docs: docs.length, vocabulary: lsa.vocabulary.length, dims: lsa.dims, projected };
    },

    /** (Re)computes vectors that are missing or made by an older model, in batches. */
    async reproject(onProgress?: (step: string) => void): Promise<number> {
      let done = 0;
      const key = (await embedOne('探针'))?.key;
      if (!key) {
        return done;
      }
      for (const type of ['achievement', 'demand'] as const) {
        let after: string | null = null;
        for (;;) {
          const ids = await vectors.stale(type, type === 'achievement' ? ACHIEVEMENTS_TABLE : DEMANDS_TABLE, key, 500, after);
          if (ids.length === 0) {
            break;
          }
          after = ids[ids.length - 1]!;
          const texts =
            type === 'achievement' ? (await repo.achievementsByIds(ids)).map((r) => ({ id: r.a.id, text: achievementText(r.a) })) : (await repo.demandsByIds(ids)).map((r) => ({ id: r.d.id, text: demandText(r.d) }));
          const e = await embed(texts.map((t) => t.text));
          if (!e) {
            return done;
          }
          // Nothing the model knows: a zero vector, so the listing is not retried forever.
          const rows = texts.map((t, i) => ({ id: t.id, v: e.vectors[i] ?? new Float32Array(VECTOR_DIMS) }));
          await db.transaction((tx) => vectors.upsertMany(tx, type, e.key, rows));
          done += texts.length;
          onProgress?.(`projected ${done} listings`);
        }
      }
      return done;
    },

    /** Retrains when the published corpus has grown materially since the current model. */
    async maybeRetrain(): Promise<boolean> {
      const m = await model();
      const n = await repo.countPublished();
      const due = m ? n >= m.docCount * RETRAIN_GROWTH && n - m.docCount >= RETRAIN_MIN_NEW : n >= 20;
      if (!due || deps.embeddings) {
        return false;
      }
      await service.train();
      return true;
    },

    /** Starts the outbox claimer (every 2 s) and the retrain check (every 10 min); returns a stop function. */
    startBackground(): () => void {
      let busy = false;
      const tick = async (retrain: boolean) => {
        if (busy) {
          return;
        }
        busy = true;
        try {
          await service.processOutbox();
          if (retrain) {
            await service.maybeRetrain();
            await service.reproject();
          }
        } catch (err) {
          log({ err }, 'matching background work failed');
        } finally {
          busy = false;
        }
      };
      // First retrain check soon after start (a fresh install trains once it has 20 published listings).
      const first = setTimeout(() => void tick(true), 5_000);
      first.unref();
      const outbox = setInterval(() => void tick(false), 2_000);
      const retrain = setInterval(() => void tick(true), 600_000);
      outbox.unref();
      retrain.unref();
      return () => {
        clearTimeout(first);
        clearInterval(outbox);
        clearInterval(retrain);
      };
    },

    /** The current model's id and size (for the CLI and health output). */
    async modelInfo(): Promise<{ id: number; docCount: number; vocabulary: number; dims: number } | undefined> {
      const m = await model();
      return m ? { id: m.id, docCount: m.docCount, vocabulary: m.lsa.vocabulary.length, dims: m.lsa.dims } : undefined;
    },
  };
  return service;
}
export type MatchingService = ReturnType<typeof createMatchingService>;

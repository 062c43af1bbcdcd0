import { sql } from 'drizzle-orm';
import type { DbHandle } from '#server/db/types';
import type { Clock } from '#server/lib/clock';
import { createAchievementsRepo, createAchievementsService, createCodeChecker, toSearchDocument, type SearchDocument } from '#server/modules/achievements/index';
import { createAuditRepo, createAuditService } from '#server/modules/audit/index';
import { createAuthRepo, createAuthService, createUsersAdminService, type AuthConfig } from '#server/modules/auth/index';
import { createDemandsRepo, createDemandsService, toDemandSearchDocument } from '#server/modules/demands/index';
import { createExpertsRepo, createExpertsService } from '#server/modules/experts/index';
import { createImportsRepo, createImportsService } from '#server/modules/imports/index';
import { createOrganisationsRepo, createOrganisationsService } from '#server/modules/organisations/index';
import { createPlatformRepo, createPlatformService } from '#server/modules/platform/index';
import { createRegionsRepo, createRegionsService } from '#server/modules/regions/index';
import { createSearchService, type PublishedSource, type SearchEngine } from '#server/modules/search/index';
import { composeIndexHooks, createMatchingRepo, createMatchingService, createOpenAiEmbeddings, createVectorStore } from '#server/modules/matching/index';
import { createSchedulerRepo, createSchedulerService } from '#server/modules/scheduler/index';
import { createNoticesRepo, createNoticesService, type NoticesConfig } from '#server/modules/notices/index';
import { createDealsCore, createDealsRepo, createMarketRepo, createMarketService } from '#server/modules/market/index';
import { createTendersRepo, createTendersService, TENDER_OPEN_JOB } from '#server/modules/tenders/index';
import { AUCTION_CLOSE_JOB, createAuctionsRepo, createAuctionsService } from '#server/modules/auctions/index';
import { createRegistrationsRepo, createRegistrationsService } from '#server/modules/registrations/index';
import { createStatisticsRepo, createStatisticsService } from '#server/modules/statistics/index';
import { createLogMailSender, createNotificationsRepo, createNotificationsService, type MailSender, type NotifyOrganisation } from '#server/modules/notifications/index';

export type ServicesConfig = {
  auth: AuthConfig;
  version: string;
  /** Optional OpenAI-compatible embedding service (EMBEDDINGS_URL / _MODEL / _API_KEY). */
  embeddings?: { url: string; model: string; apiKey?: string };
  /** E-mail transport for notifications; default: log only. */
  mail?: MailSender;
  /** Structured log line (background work, mail log transport). */
  log?: (obj: Record<string, unknown>, msg: string) => void;
  /** Forces a search engine (SEARCH_ENGINE); by default the best the database offers. */
  searchEngine?: SearchEngine;
  /** Public-notice periods (working days): default and minimum, 15 each unless configured. */
  notices?: Partial<NoticesConfig>;
  /** Tenders: how far ahead a submission deadline must be (minutes, default 60; TENDER_MIN_LEAD_MINUTES). */
  tenderMinLeadMinutes?: number;
  /** Public address of the platform (certificates point to it for checking). */
  publicUrl?: string;
};

/** Composition root: every repo and service, wired once, shared by the HTTP app and the CLI. */
export function createServices(handle: DbHandle, clock: Clock, config: ServicesConfig) {
  const { db } = handle;
  const audit = createAuditService({ db, repo: createAuditRepo(), clock });
  const regions = createRegionsService({ db, repo: createRegionsRepo(db) });
  const regionExists = (code: string) => regions.regionExists(code);
  const regionNames = (codes: string[]) => regions.regionNames(codes);
  const auth = createAuthService({ db, repo: createAuthRepo(db), audit, clock, config: config.auth, regionExists });
  const organisations = createOrganisationsService({
    db,
    repo: createOrganisationsRepo(db),
    audit,
    regionExists,
    regionNames,
  });
  const usersAdmin = createUsersAdminService({
    db,
    repo: createAuthRepo(db),
    audit,
    regionExists,
    organisationRegion: (id) => organisations.regionOf(id),
  });
  const platform = createPlatformService({
    handle,
    repo: createPlatformRepo(db),
    clock,
    version: config.version,
    startedAt: Date.now(),
    isDemo: async () => (await auth.countDemoUsers()) > 0,
  });
  const unknownCodes = createCodeChecker((name) => regions.getCodeList(name, {}));
  const search = createSearchService({
    handle,
    clock,
    regionExists,
    regionNames,
    codeList: (name) => regions.getCodeList(name, {}),
    ...(config.searchEngine ? { engine: config.searchEngine } : {}),
  });
  const log = config.log ?? (() => undefined);
  // Timed work (auction closes, notice expiries): exactly once across processes, from the database.
  const scheduler = createSchedulerService({ db, repo: createSchedulerRepo(), clock, log });
  // Deals are opened by accepted offers, auction hammers and tender awards, in their transactions.
  const dealsRepo = createDealsRepo();
  const deals = createDealsCore({ repo: dealsRepo, audit, clock });
  const notifications = createNotificationsService({ db, repo: createNotificationsRepo(db), audit, clock, mail: config.mail ?? createLogMailSender(log) });
  // Market events reach the other side's members in-app, written in the event's transaction.
  const notify: NotifyOrganisation = (conn, orgId, n) => notifications.notifyOrganisation(conn, orgId, n);
  // 协议定价公示: notices of state-funded sellers' negotiated deals; registers the `notice.expire` job.
  const noticesRepo = createNoticesRepo(db);
  const notices = createNoticesService({ db, repo: noticesRepo, dealsRepo, deals, scheduler, audit, clock, notify, ...(config.notices ? { config: config.notices } : {}) });
  // 招标: sealed proposals opened together by the scheduler at the deadline; award opens a deal.
  const tenders = createTendersService({ db, repo: createTendersRepo(db), audit, clock, deals, scheduler, notify, ...(config.tenderMinLeadMinutes !== undefined ? { minLeadMinutes: config.tenderMinLeadMinutes } : {}) });
  scheduler.register(TENDER_OPEN_JOB, tenders.openAtDeadline);
  // Listings, offers and the deal workspace; registers the listing.expire and offer.expire jobs.
  const market = createMarketService({ db, repo: createMarketRepo(db), dealsRepo, deals, audit, clock, scheduler, notify });
  // 拍卖: English auctions; the scheduler closes each at its (possibly extended) end, exactly once.
  const auctions = createAuctionsService({ db, repo: createAuctionsRepo(), audit, clock, deals, scheduler, log, notify, listingTransition: (tx, actor, id, action) => market.auctionTransition(tx, actor, id, action) });
  scheduler.register(AUCTION_CLOSE_JOB, (tx, job, now) => auctions.closeJob(tx, job.key, now));
  const matching = createMatchingService({
    db,
    repo: createMatchingRepo(db),
    vectors: createVectorStore(handle),
    audit,
    clock,
    notifications,
    regionNames,
    domainList: async () => (await regions.getCodeList('technology-domains', {})).items.map((i) => ({ code: i.code, label: i.name, ...(i.nameEn ? { labelEn: i.nameEn } : {}) })),
    keywordCandidates: (q) => search.keywordCandidates(q),
    ...(config.embeddings ? { embeddings: createOpenAiEmbeddings({ ...config.embeddings, dimensions: 256 }) } : {}),
    log,
  });
  // Publishing runs both hooks in its transaction: the keyword index, then the listing's vector and notification outbox row.
  const catalogueDeps = { db, audit, clock, regionExists, regionNames, unknownCodes, searchIndex: composeIndexHooks(search.index, matching.indexHook) };
  const achievementsRepo = createAchievementsRepo(db);
  const demandsRepo = createDemandsRepo(db);
  const achievements = createAchievementsService({ ...catalogueDeps, repo: achievementsRepo });
  const demands = createDemandsService({ ...catalogueDeps, repo: demandsRepo });
  // What `search rebuild` re-indexes: every published listing, in pages, as the publish hook sees it.
  const publishedListings: PublishedSource = async function* (kind) {
    const pageSize = 500;
    // Fresh planner statistics first (PGlite never autovacuums): after a bulk load, a stale "empty
    // table" estimate makes each page sort every published row instead of walking the primary key.
    await db.execute(sql.raw(`analyze ${kind === 'achievement' ? 'achievements' : 'demands'}`));
    // Keyset pagination by id: each row read once, nothing skipped when listings are published meanwhile.
    for (let after: string | null = null; ; ) {
      let docs: SearchDocument[];
      let lastId: string | undefined;
      if (kind === 'achievement') {
        const rows = await achievementsRepo.publishedAfter(after, pageSize);
        docs = rows.map(({ a, org }) => toSearchDocument(a, org));
        lastId = rows.at(-1)?.a.id;
      } else {
        const rows = await demandsRepo.publishedAfter(after, pageSize);
        docs = rows.map(({ d, org }) => toDemandSearchDocument(d, org));
        lastId = rows.at(-1)?.d.id;
      }
      if (docs.length) {
        yield docs;
      }
      if (docs.length < pageSize || !lastId) {
        return;
      }
      after = lastId;
    }
  };
  const experts = createExpertsService({ ...catalogueDeps, repo: createExpertsRepo(db) });
  const imports = createImportsService({
    db,
    repo: createImportsRepo(db),
    achievements,
    clock,
    domainLookup: async () => {
      const { items } = await regions.getCodeList('technology-domains', {});
      return new Map(items.flatMap((i) => [[i.code.toLowerCase(), i.code], [i.name.toLowerCase(), i.code], ...(i.nameEn ? [[i.nameEn.toLowerCase(), i.code] as [string, string]] : [])]));
    },
  });
  // 技术合同登记 and the statistics its registrations keep current (in the same transaction).
  const statistics = createStatisticsService({ db, repo: createStatisticsRepo(), clock, codeList: (name) => regions.getCodeList(name, {}), regionNames });
  const registrations = createRegistrationsService({
    db,
    repo: createRegistrationsRepo(db),
    audit,
    clock,
    statistics,
    regionNames,
    calendar: async (conn, from, to) => new Map((await noticesRepo.calendarBetween(conn, from, to)).map((d) => [d.day, d.kind])),
    codeName: async (list, code) => (await regions.getCodeList(list, {})).items.find((i) => i.code === code)?.name ?? code,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  return { registrations, statistics, scheduler, deals, notices, tenders, auctions, market, audit, regions, auth, organisations, usersAdmin, platform, achievements, demands, experts, search, publishedListings, imports, matching, notifications };
}
export type Services = ReturnType<typeof createServices>;

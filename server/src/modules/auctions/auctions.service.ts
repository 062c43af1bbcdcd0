import { and, eq, gt, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type {
  Auction,
  AuctionLiveState,
  AuctionQuery,
  AuctionStatus,
  Bid,
  CreateAuction,
  MyAuction,
  PlaceBid,
  PlaceBidResult,
} from '#shared/contracts/auctions.contract';
import { regionPrefix } from '#shared/format/region-scope';
import { pgErrorCode, pgErrorConstraint, type Db, type Tx } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '#server/modules/audit/index';
import type { NotifyOrganisation } from '#server/modules/notifications/index';
import { isPlatformAdmin, regionsFor, requireUser, systemActor, type Actor, type UserActor } from '#server/modules/auth/index';
import { depositFen as depositRule, type DealsCore } from '#server/modules/market/index';
import type { SchedulerService } from '#server/modules/scheduler/index';
import {
  depositAfter,
  extendedEnd,
  incrementsProblem,
  isSold,
  nextMinFen,
  phaseOf,
  planManualBid,
  resolveProxies,
  type PlannedBid,
  type ProxyMax,
} from './auction.rules';
import { auctionStateOf, nextAuctionStatus, type AuctionAction, type AuctionRole } from './auction.workflow';
import { createAuctionEvents } from './auctions.events';
import { auditStateOfAuction, toAuctionDto, toAuctionSummary, toBid, toLiveState, toRegistration } from './auctions.mapper';
import { auctionRolesOf, canRegisterFor, canViewAuction } from './auctions.policy';
import type { AuctionRow, AuctionsRepo, BidRow, RegistrationRow } from './auctions.repo';
import { auctions } from './auctions.tables';

export const AUCTION_CLOSE_JOB = 'auction.close';

export type AuctionsDeps = {
  db: Db;
  repo: AuctionsRepo;
  audit: AuditService;
  clock: Clock;
  deals: DealsCore;
  scheduler: SchedulerService;
  log?: (obj: Record<string, unknown>, msg: string) => void;
  /** Poll interval of the live-event poller (ms). */
  pollMs?: number;
  /** In-app notifications of the result to the seller's and every bidder's members, in the close transaction. */
  notify?: NotifyOrganisation;
  /**
   * The listing's state machine (market module): to auction, back to listed, sold by the hammer —
   * audited, and open offers lapse when the listing goes to auction.
   */
  listingTransition: (tx: Tx, actor: Actor, listingId: string, action: 'start_auction' | 'end_auction' | 'sell') => Promise<void>;
};

/** The bid's locked read missed a change made meanwhile (see `repo.lockForBid`): roll back and plan again. */
class StalePlan extends Error {}

const MIN_DURATION_MS = 60_000;
/** How far in the past a start may be when scheduling (client clocks and request latency). */
const START_GRACE_MS = 60_000;

/** 拍卖: English auctions — registration, deposits, bidding with proxies and anti-sniping, close by the scheduler. */
export function createAuctionsService({ db, repo, audit, clock, deals, scheduler, log = () => undefined, pollMs, notify, listingTransition }: AuctionsDeps) {
  const notFound = (id: string) => new AppError('auction/not_found', `auction ${id} not found`);
  const orgIdsOf = (actor: UserActor) => actor.memberships.map((m) => m.organisationId);

  const events = createAuctionEvents({
    intervalMs: pollMs ?? 400,
    log,
    poll: async (watch) =>
      (await repo.pollRows(db, watch)).map(({ a, leadingPaddleNo, bids }) => ({
        id: a.id,
        lastSeq: a.lastSeq,
        status: a.status,
        endsAt: a.endsAt.toISOString(),
        live: toLiveState(a, leadingPaddleNo),
        bids: bids.map(toBid),
      })),
  });

  async function load(actor: Actor, id: string, conn: Db | Tx = db, forUpdate = false): Promise<{ a: AuctionRow; roles: AuctionRole[] }> {
    const a = await repo.find(conn, id, forUpdate);
    if (!a) {
      throw notFound(id);
    }
    const roles = auctionRolesOf(actor, a);
    if (!canViewAuction(a.status, roles)) {
      throw notFound(id);
    }
    return { a, roles };
  }

  async function isParty(actor: Actor, a: AuctionRow, roles: AuctionRole[]): Promise<boolean> {
    if (roles.length > 0) {
      return true;
    }
    if (actor.kind !== 'user' || !a.leadingRegistrationId) {
      return false;
    }
    const reg = await repo.registrationForBid(db, a.id, orgIdsOf(actor));
    return reg?.r.id === a.leadingRegistrationId;
  }

  async function present(actor: Actor, a: AuctionRow, roles: AuctionRole[]): Promise<Auction> {
    const [sellerOrgName, listing, leadingPaddleNo, party] = await Promise.all([
      repo.orgName(db, a.sellerOrgId),
      repo.listing(db, a.listingId),
      repo.paddleOf(db, a.leadingRegistrationId),
      a.dealId ? isParty(actor, a, roles) : Promise.resolve(false),
    ]);
    return toAuctionDto(a, {
      now: clock.now(),
      sellerOrgName,
      achievementId: listing?.achievementId ?? null,
      leadingPaddleNo,
      seesReserve: roles.length > 0,
      seesDeal: party,
      canManage: roles.includes('seller'),
      canOperate: roles.includes('operator'),
    });
  }

  function transitionOrThrow(a: AuctionRow, action: AuctionAction, roles: AuctionRole[], now: Date): AuctionStatus {
    const from = auctionStateOf(a, now);
    const next = nextAuctionStatus(from, action, roles);
    if (!next.ok) {
      if (next.reason === 'not_allowed') {
        throw new AppError('common/forbidden', `${action} not allowed for ${roles.join('/') || 'nobody'}`);
      }
      throw new AppError('auction/invalid_transition', `cannot ${action} from ${from}`, { from, action }, { from, action });
    }
    return next.to;
  }

  function checkTimes(startsAt: Date, endsAt: Date, now: Date) {
    if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() < now.getTime() - START_GRACE_MS) {
      throw fieldError('auction/schedule_invalid', 'startsAt', { reason: 'startsAt is in the past' });
    }
    if (endsAt.getTime() <= startsAt.getTime() + MIN_DURATION_MS) {
      throw fieldError('auction/schedule_invalid', 'endsAt', { reason: 'endsAt must be more than 1 minute after startsAt' });
    }
  }

  function checkListing(actor: Actor, listing: { sellerOrgId: string; status: string } | undefined, listingId: string) {
    if (!listing) {
      throw fieldError('auction/listing_unavailable', 'listingId', { status: 'not_found' }, `listing ${listingId} not found`);
    }
    if (!auctionRolesOf(actor, { sellerOrgId: listing.sellerOrgId, regionCode: '' }).includes('seller')) {
      throw new AppError('common/forbidden', 'not a member of the selling organisation');
    }
    if (listing.status !== 'listed') {
      throw new AppError('auction/listing_unavailable', `listing is ${listing.status}`, { status: listing.status }, { status: listing.status });
    }
  }

  /** Refunds every held deposit (cancel, or the losers at close), with ledger rows. */
  async function settleDeposits(tx: Tx, a: AuctionRow, winnerId: string | null, actor: UserActor) {
    for (const r of await repo.heldRegistrations(tx, a.id)) {
      const entry = r.id === winnerId ? 'applied' : 'refunded';
      await repo.addLedger(tx, { auctionId: a.id, registrationId: r.id, entry, amountFen: a.depositFen, reference: 'auction close', recordedBy: actor.via === 'system' ? null : actor.userId });
      await repo.updateRegistration(tx, r.id, { depositStatus: entry });
    }
  }

  /**
   * Writes planned bids and the auction's new live state; the auction row is locked by the caller.
   * With `guard`, throws `StalePlan` when a proxy or the bidder's standing changed since the plan's read.
   */
  async function applyBids(tx: Tx, a: AuctionRow, planned: PlannedBid[], paddles: Map<string, number>, now: Date, clientKey: string | null, guard?: { proxyFingerprint: string; bidderId: string }) {
    let seq = a.lastSeq;
    const rows = planned.map((b) => ({
      auctionId: a.id,
      seq: ++seq,
      registrationId: b.registrationId,
      amountFen: b.amountFen,
      kind: b.kind,
      clientKey: b.kind === 'manual' ? clientKey : null,
      acceptedBy: scheduler.processName,
      placedAt: now,
    }));
    const last = planned.at(-1);
    let after = a;
    if (last) {
      const changes = {
        lastSeq: seq,
        currentPriceFen: last.amountFen,
        leadingRegistrationId: last.registrationId,
        bidCount: a.bidCount + planned.length,
        endsAt: extendedEnd(a.endsAt, now, a.extensionMinutes),
        updatedAt: now,
      };
      if (!(await repo.writeBids(tx, a.id, rows, changes, guard))) {
        throw new StalePlan();
      }
      after = { ...a, ...changes };
    }
    const bids: Bid[] = rows.map((r) => ({ seq: r.seq, amountFen: r.amountFen, paddleNo: paddles.get(r.registrationId) ?? 0, kind: r.kind, placedAt: now.toISOString() }));
    const live = toLiveState(after, after.leadingRegistrationId ? (paddles.get(after.leadingRegistrationId) ?? null) : null);
    return { bids, live, after };
  }

  function requireLive(a: AuctionRow, now: Date) {
    if (auctionStateOf(a, now) !== 'live') {
      throw new AppError('auction/not_live', `auction is ${auctionStateOf(a, now)}`, { phase: phaseOf(a.status, a.startsAt, a.endsAt, now) });
    }
  }

  /** The caller's registration, checked for bidding (seller, approval, deposit). */
  async function bidderRegistration(actor: UserActor, id: string, clientKey?: string) {
    const found = await repo.registrationForBid(db, id, orgIdsOf(actor), clientKey);
    if (!found) {
      const a = await repo.find(db, id);
      if (!a || a.status === 'draft') {
        throw notFound(id);
      }
      if (auctionRolesOf(actor, a).includes('seller')) {
        throw new AppError('auction/seller_cannot_bid', 'the seller organisation cannot bid');
      }
      throw new AppError('auction/not_registered', 'no registration for this auction');
    }
    return found;
  }

  /** May this registration bid: approved, deposit held. */
  function requireStanding(r: RegistrationRow) {
    if (r.status !== 'approved') {
      throw new AppError('auction/not_approved', `registration is ${r.status}`, { status: r.status });
    }
    if (r.depositStatus !== 'held') {
      throw new AppError('auction/deposit_not_held', `deposit is ${r.depositStatus}`, { depositStatus: r.depositStatus });
    }
  }

  /** Approval and deposit; when they fail on an auction that is over, "not live" is the real reason. */
  async function checkRegistration(r: RegistrationRow) {
    if (r.status === 'approved' && r.depositStatus === 'held') {
      return;
    }
    const a = await repo.find(db, r.auctionId);
    if (a) {
      const state = auctionStateOf(a, clock.now());
      if (state !== 'live' && state !== 'upcoming') {
        requireLive(a, clock.now());
      }
    }
    requireStanding(r);
  }

  function proxyList(rows: { id: string; maxFen: number | null; paddleNo: number; createdAt: Date }[]): { proxies: ProxyMax[]; paddles: Map<string, number> } {
    const proxies = rows.filter((p) => p.maxFen !== null).map((p) => ({ registrationId: p.id, maxFen: p.maxFen!, rank: p.createdAt.getTime() }));
    return { proxies, paddles: new Map(rows.map((p) => [p.id, p.paddleNo])) };
  }

  function isClientKeyClash(err: unknown) {
    return pgErrorCode(err) === '23505' && pgErrorConstraint(err) === 'auction_bids_client_key';
  }

  const service = {
    events,

    async list(actor: Actor, q: AuctionQuery) {
      const now = clock.now();
      const conds: (SQL | undefined)[] = [];
      if (q.scope === 'operate') {
        const me = requireUser(actor);
        if (!isPlatformAdmin(me)) {
          const scopes = regionsFor(me, 'market_operator');
          if (scopes.length === 0) {
            throw new AppError('common/forbidden', 'not a market operator');
          }
          conds.push(or(...scopes.map((s) => sql`${auctions.regionCode} like ${`${regionPrefix(s)}%`}`)));
        }
      } else if (q.scope === 'mine') {
        const me = requireUser(actor);
        const orgIds = orgIdsOf(me);
        if (orgIds.length === 0) {
          return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
        }
        conds.push(repo.registeredIn(orgIds));
      } else {
        conds.push(ne(auctions.status, 'draft'));
      }
      if (q.phase === 'upcoming') {
        conds.push(eq(auctions.status, 'scheduled'), gt(auctions.startsAt, now));
      } else if (q.phase === 'live') {
        conds.push(eq(auctions.status, 'scheduled'), lte(auctions.startsAt, now), gt(auctions.endsAt, now));
      } else if (q.phase === 'closed') {
        conds.push(or(inArray(auctions.status, ['closed_sold', 'closed_unsold']), and(eq(auctions.status, 'scheduled'), lte(auctions.endsAt, now))));
      }
      const { items, total } = await repo.page(db, and(...conds), q.page, q.pageSize);
      return { items: items.map((a) => toAuctionSummary(a, now)), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<Auction> {
      const { a, roles } = await load(actor, id);
      return present(actor, a, roles);
    },

    /** A draft auction of a listing (members of the selling organisation); the deposit is fixed now. */
    async create(actor: Actor, input: CreateAuction): Promise<Auction> {
      const me = requireUser(actor);
      const problem = incrementsProblem(input.increments);
      if (problem) {
        throw fieldError('auction/increments_invalid', 'increments', { reason: problem });
      }
      if (input.reserveFen !== null && input.reserveFen !== undefined && input.reserveFen < input.startPriceFen) {
        throw fieldError('auction/reserve_below_start', 'reserveFen');
      }
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      checkTimes(startsAt, endsAt, clock.now());
      const row = await db.transaction(async (tx) => {
        const listing = await repo.listing(tx, input.listingId, true);
        checkListing(actor, listing, input.listingId);
        const fees = await deals.fees(tx);
        const a = await repo.insert(tx, {
          chainId: listing!.chainId,
          listingId: listing!.id,
          sellerOrgId: listing!.sellerOrgId,
          regionCode: listing!.regionCode,
          title: listing!.title,
          startPriceFen: input.startPriceFen,
          reserveFen: input.reserveFen ?? null,
          increments: input.increments,
          depositFen: depositRule(input.startPriceFen, fees.depositBp, fees.depositMinFen),
          startsAt,
          endsAt,
          scheduledEndsAt: endsAt,
          extensionMinutes: input.extensionMinutes,
          createdBy: me.userId,
        });
        await audit.record(tx, { actor, action: 'auction.created', entityType: 'auction', entityId: a.id, after: auditStateOfAuction(a) });
        return a;
      });
      return present(actor, row, auctionRolesOf(actor, row));
    },

    /** Publishes a draft: the listing goes in_auction and the close job is scheduled at the end. */
    async schedule(actor: Actor, id: string): Promise<Auction> {
      requireUser(actor);
      const after = await db.transaction(async (tx) => {
        const { a, roles } = await load(actor, id, tx, true);
        const now = clock.now();
        const to = transitionOrThrow(a, 'schedule', roles, now);
        checkTimes(a.startsAt, a.endsAt, now);
        const listing = await repo.listing(tx, a.listingId, true);
        checkListing(actor, listing, a.listingId);
        await listingTransition(tx, actor, a.listingId, 'start_auction');
        const startsAt = a.startsAt < now ? now : a.startsAt;
        const row = await repo.update(tx, id, { status: to, startsAt });
        await scheduler.schedule(tx, { kind: AUCTION_CLOSE_JOB, key: id, runAt: row.endsAt });
        await audit.record(tx, { actor, action: 'auction.scheduled', entityType: 'auction', entityId: id, before: auditStateOfAuction(a), after: auditStateOfAuction(row) });
        return row;
      });
      return present(actor, after, auctionRolesOf(actor, after));
    },

    /** Cancels a draft or an auction that has not started (seller or operator); held deposits are refunded. */
    async cancel(actor: Actor, id: string, reason: string): Promise<Auction> {
      const me = requireUser(actor);
      const after = await db.transaction(async (tx) => {
        const { a, roles } = await load(actor, id, tx, true);
        const to = transitionOrThrow(a, 'cancel', roles, clock.now());
        if (a.status === 'scheduled') {
          await listingTransition(tx, me, a.listingId, 'end_auction');
          await scheduler.cancel(tx, AUCTION_CLOSE_JOB, id);
          await settleDeposits(tx, a, null, me);
        }
        const row = await repo.update(tx, id, { status: to });
        await audit.record(tx, { actor, action: 'auction.cancelled', entityType: 'auction', entityId: id, before: auditStateOfAuction(a), after: { ...auditStateOfAuction(row), reason } });
        return row;
      });
      events.publish(id, [], toLiveState(after, null), after.status);
      return present(actor, after, auctionRolesOf(actor, after));
    },

    async bids(actor: Actor, id: string, limit = 200) {
      await load(actor, id);
      return { items: (await repo.recentBids(db, id, limit)).map(toBid) };
    },

    /** The caller's situation in the auction, for the bid box. */
    async me(actor: Actor, id: string): Promise<MyAuction> {
      const me = requireUser(actor);
      const [{ a }, found] = await Promise.all([load(actor, id), repo.registrationForBid(db, id, orgIdsOf(me))]);
      if (!found) {
        return { state: 'not_registered', registration: null, proxyMaxFen: null };
      }
      const r = found.r;
      const leading = a.leadingRegistrationId === r.id;
      const state = ((): MyAuction['state'] => {
        if (r.status === 'pending') {
          return 'awaiting_approval';
        }
        if (r.status !== 'approved') {
          return 'rejected';
        }
        if (a.status === 'closed_sold' || a.status === 'closed_unsold') {
          return a.status === 'closed_sold' && leading ? 'won' : 'lost';
        }
        if (r.depositStatus === 'due') {
          return 'deposit_due';
        }
        if (leading) {
          return 'leading';
        }
        return 'bidding';
      })();
      const [orgName, outbid] = await Promise.all([repo.orgName(db, r.bidderOrgId), state === 'bidding' && a.leadingRegistrationId !== null ? repo.hasBid(db, id, r.id) : false]);
      return { state: outbid ? 'outbid' : state, registration: toRegistration(r, orgName), proxyMaxFen: r.proxyMaxFen };
    },

    /** Registers an organisation of the caller as bidder (pending the operator's approval). */
    async register(actor: Actor, id: string, input: { bidderOrgId: string; qualification: string }) {
      const me = requireUser(actor);
      if (!canRegisterFor(me, input.bidderOrgId)) {
        throw new AppError('common/forbidden', 'not a member of the bidding organisation');
      }
      const row = await db
        .transaction(async (tx) => {
          const { a } = await load(actor, id, tx, true);
          if (a.sellerOrgId === input.bidderOrgId) {
            throw new AppError('auction/seller_cannot_bid', 'the seller organisation cannot register');
          }
          const state = auctionStateOf(a, clock.now());
          if (state !== 'upcoming' && state !== 'live') {
            throw new AppError('auction/registration_closed', `auction is ${state}`);
          }
          const r = await repo.insertRegistration(tx, {
            auctionId: id,
            bidderOrgId: input.bidderOrgId,
            userId: me.userId,
            paddleNo: await repo.nextPaddle(tx, id),
            qualification: input.qualification,
          });
          await audit.record(tx, { actor, action: 'auction.registration_submitted', entityType: 'auction_registration', entityId: r.id, after: { auctionId: id, bidderOrgId: r.bidderOrgId, paddleNo: r.paddleNo } });
          return r;
        })
        .catch((err: unknown) => {
          if (pgErrorCode(err) === '23505' && pgErrorConstraint(err) === 'auction_registrations_bidder_key') {
            throw new AppError('auction/already_registered', 'organisation already registered');
          }
          throw err;
        });
      return toRegistration(row, await repo.orgName(db, row.bidderOrgId));
    },

    /** Operator: every registration of the auction with its deposit ledger. */
    async registrations(actor: Actor, id: string) {
      requireUser(actor);
      const { roles } = await load(actor, id);
      if (!roles.includes('operator')) {
        throw new AppError('common/forbidden', 'market operator of the region only');
      }
      const [regs, ledger] = await Promise.all([repo.registrations(db, id), repo.ledger(db, id)]);
      return {
        items: regs.map(({ r, orgName }) => ({
          ...toRegistration(r, orgName),
          deposits: ledger
            .filter((l) => l.registrationId === r.id)
            .map((l) => ({ id: l.id, entry: l.entry, amountFen: l.amountFen, reference: l.reference, recordedAt: l.recordedAt.toISOString() })),
        })),
      };
    },

    /** Operator decision on a registration's qualification. */
    async decide(actor: Actor, id: string, registrationId: string, decision: 'approved' | 'rejected', note: string | null) {
      const me = requireUser(actor);
      const row = await db.transaction(async (tx) => {
        const { roles } = await load(actor, id, tx);
        if (!roles.includes('operator')) {
          throw new AppError('common/forbidden', 'market operator of the region only');
        }
        const r = await repo.registration(tx, id, registrationId, true);
        if (!r) {
          throw new AppError('auction/registration_not_found', `registration ${registrationId} not found`);
        }
        if (r.status !== 'pending') {
          throw new AppError('auction/registration_decided', `registration is ${r.status}`, { status: r.status }, { status: r.status });
        }
        const after = await repo.updateRegistration(tx, r.id, { status: decision, decisionNote: note, decidedBy: me.userId, decidedAt: clock.now() });
        await audit.record(tx, {
          actor,
          action: decision === 'approved' ? 'auction.registration_approved' : 'auction.registration_rejected',
          entityType: 'auction_registration',
          entityId: r.id,
          before: { status: r.status },
          after: { status: after.status, note },
        });
        return after;
      });
      return toRegistration(row, await repo.orgName(db, row.bidderOrgId));
    },

    /** Operator: a deposit movement in the append-only ledger; the registration's status follows. */
    async recordDeposit(actor: Actor, id: string, registrationId: string, input: { entry: 'held' | 'refunded' | 'forfeited'; amountFen: number; reference?: string | undefined }) {
      const me = requireUser(actor);
      const row = await db.transaction(async (tx) => {
        // The auction's lock (the bids' lock too): "is it the leader" below cannot change meanwhile.
        const { a, roles } = await load(actor, id, tx, true);
        if (!roles.includes('operator')) {
          throw new AppError('common/forbidden', 'market operator of the region only');
        }
        const r = await repo.registration(tx, id, registrationId, true);
        if (!r) {
          throw new AppError('auction/registration_not_found', `registration ${registrationId} not found`);
        }
        const next = depositAfter(r.depositStatus, input.entry);
        if (!next) {
          throw fieldError('auction/deposit_invalid', 'entry', { reason: `${input.entry} after ${r.depositStatus}` });
        }
        if (input.amountFen !== a.depositFen) {
          throw fieldError('auction/deposit_invalid', 'amountFen', { reason: `the deposit is ${a.depositFen} fen` });
        }
        if (input.entry === 'refunded' && a.leadingRegistrationId === r.id && a.status === 'scheduled') {
          throw fieldError('auction/deposit_invalid', 'entry', { reason: 'the leading bidder’s deposit cannot be refunded' });
        }
        const entry = await repo.addLedger(tx, { auctionId: id, registrationId: r.id, entry: input.entry, amountFen: input.amountFen, reference: input.reference ?? null, recordedBy: me.userId });
        const after = await repo.updateRegistration(tx, r.id, { depositStatus: next });
        await audit.record(tx, {
          actor,
          action: `auction.deposit_${input.entry}`,
          entityType: 'auction_registration',
          entityId: r.id,
          before: { depositStatus: r.depositStatus },
          after: { depositStatus: next, amountFen: input.amountFen, ledgerId: entry.id, reference: input.reference ?? null },
        });
        return after;
      });
      return toRegistration(row, await repo.orgName(db, row.bidderOrgId));
    },

    /**
     * A manual bid. The registration (and a replayed client key) is read before the transaction; the
     * transaction locks the auction row, validates, writes the bid and the proxies' answers, commits.
     */
    async bid(actor: Actor, id: string, input: PlaceBid): Promise<PlaceBidResult> {
      const me = requireUser(actor);
      const found = await bidderRegistration(me, id, input.clientKey);
      const reg = found.r;
      if (found.bidSeq !== null) {
        return replay(id, found.bidSeq);
      }
      await checkRegistration(reg);
      // Prices only rise: a bid below the next valid amount of the committed state can never be
      // accepted, so it is refused here, without the auction's row lock. Under contention most
      // bids are such late ones; they no longer queue behind the lock the accepted bids need.
      // (Same snapshot as the client-key lookup above: a copy of this key that was accepted would
      // have been found there.)
      const committedMin = nextMinFen(found.startPriceFen, found.currentPriceFen, found.increments);
      if (input.amountFen < committedMin) {
        throw new AppError('auction/bid_too_low', `minimum is ${committedMin}`, { minNextFen: committedMin }, { minNextFen: committedMin });
      }
      let refusedMin: number | null = null;
      /** `fresh`: read the registration and proxies in their own statements, after the lock (the retry after StalePlan). */
      const attempt = (fresh: boolean) =>
        db.transaction(async (tx) => {
          const locked = await repo.lockForBid(tx, id);
          if (!locked) {
            throw notFound(id);
          }
          const { a } = locked;
          const now = clock.now();
          requireLive(a, now);
          if (a.leadingRegistrationId === reg.id) {
            throw new AppError('auction/already_leading', 'you are already leading');
          }
          const min = nextMinFen(a.startPriceFen, a.currentPriceFen, a.increments);
          if (input.amountFen < min) {
            throw new AppError('auction/bid_too_low', `minimum is ${min}`, { minNextFen: min }, { minNextFen: min });
          }
          if (fresh) {
            requireStanding((await repo.registration(tx, id, reg.id))!);
          }
          const { proxies, paddles } = proxyList(fresh ? await repo.proxies(tx, id, a.currentPriceFen ?? 0) : locked.proxies);
          paddles.set(reg.id, reg.paddleNo);
          const plan = planManualBid({ startPriceFen: a.startPriceFen, increments: a.increments, currentPriceFen: a.currentPriceFen, leaderId: a.leadingRegistrationId }, proxies, reg.id, input.amountFen);
          const res = await applyBids(tx, a, plan.bids, paddles, now, input.clientKey, fresh ? undefined : { proxyFingerprint: locked.proxyFingerprint, bidderId: reg.id });
          refusedMin = plan.refused ? res.live.nextMinFen : null;
          return res;
        });
      let out: Awaited<ReturnType<typeof applyBids>>;
      try {
        // A proxy or this bidder's deposit changed while the bid waited for the lock: plan again (rare).
        out = await attempt(false).catch((err: unknown) => {
          if (err instanceof StalePlan) {
            return attempt(true);
          }
          throw err;
        });
      } catch (err) {
        // The same key sent twice at once: the second waited for the lock and now sees its own bid
        // leading (or a clash on the key). Either way it is a replay, not a refusal.
        if (isClientKeyClash(err) || (err instanceof AppError && (err.code === 'auction/already_leading' || err.code === 'auction/bid_too_low'))) {
          const again = await repo.bidByClientKey(db, id, reg.id, input.clientKey);
          if (again) {
            return replay(id, again.seq);
          }
        }
        throw err;
      }
      events.publish(id, out.bids, out.live, out.after.status);
      if (refusedMin !== null) {
        // An earlier proxy held exactly this amount: it took the price; this bid is the second of that amount.
        throw new AppError('auction/bid_too_low', 'an earlier proxy holds this amount', { minNextFen: refusedMin }, { minNextFen: refusedMin });
      }
      const [bid, ...proxyBids] = out.bids;
      return { bid: bid!, proxyBids, auction: out.live, replayed: false };
    },

    /** Sets (or raises) the caller's proxy maximum and places the bids it implies at once. */
    async setProxy(actor: Actor, id: string, maxFen: number) {
      const me = requireUser(actor);
      const reg = (await bidderRegistration(me, id)).r;
      await checkRegistration(reg);
      const out = await db.transaction(async (tx) => {
        const a = await repo.find(tx, id, true);
        if (!a) {
          throw notFound(id);
        }
        const now = clock.now();
        requireLive(a, now);
        // Under the auction's lock, which deposit movements take too: the standing checked above still holds.
        requireStanding((await repo.registration(tx, id, reg.id))!);
        const min = nextMinFen(a.startPriceFen, a.currentPriceFen, a.increments);
        if (maxFen < min) {
          throw new AppError('auction/bid_too_low', `minimum is ${min}`, { minNextFen: min }, { minNextFen: min });
        }
        await repo.updateRegistration(tx, reg.id, { proxyMaxFen: maxFen });
        const { proxies, paddles } = proxyList(await repo.proxies(tx, id, a.currentPriceFen ?? 0));
        // The caller's new maximum is the latest commitment: it loses ties against the leader.
        const ranked = proxies.map((p) => (p.registrationId === reg.id ? { ...p, rank: Number.MAX_SAFE_INTEGER } : p));
        const planned = resolveProxies({ startPriceFen: a.startPriceFen, increments: a.increments, currentPriceFen: a.currentPriceFen, leaderId: a.leadingRegistrationId }, ranked);
        if (a.leadingRegistrationId && !paddles.has(a.leadingRegistrationId)) {
          const p = await repo.paddleOf(tx, a.leadingRegistrationId);
          if (p !== null) {
            paddles.set(a.leadingRegistrationId, p);
          }
        }
        return applyBids(tx, a, planned, paddles, now, null);
      });
      events.publish(id, out.bids, out.live, out.after.status);
      return { proxyMaxFen: maxFen, bids: out.bids, auction: out.live };
    },

    /** Operator: announces the result publicly. */
    async publishResult(actor: Actor, id: string): Promise<Auction> {
      requireUser(actor);
      const after = await db.transaction(async (tx) => {
        const { a, roles } = await load(actor, id, tx, true);
        if (!roles.includes('operator')) {
          throw new AppError('common/forbidden', 'market operator of the region only');
        }
        if (a.status !== 'closed_sold' && a.status !== 'closed_unsold') {
          throw new AppError('auction/not_closed', `auction is ${a.status}`);
        }
        if (a.resultPublishedAt) {
          throw new AppError('auction/result_published', 'already published');
        }
        const row = await repo.update(tx, id, { resultPublishedAt: clock.now() });
        await audit.record(tx, { actor, action: 'auction.result_published', entityType: 'auction', entityId: id, after: { status: a.status, priceFen: a.currentPriceFen, dealId: a.dealId } });
        return row;
      });
      return present(actor, after, auctionRolesOf(actor, after));
    },

    /** Public results: closed auctions whose result the operator published. */
    async results(q: { page: number; pageSize: number }) {
      const now = clock.now();
      const where = and(inArray(auctions.status, ['closed_sold', 'closed_unsold']), sql`${auctions.resultPublishedAt} is not null`);
      const { items, total } = await repo.page(db, where, q.page, q.pageSize);
      return { items: items.map((a) => toAuctionSummary(a, now)), total, page: q.page, pageSize: q.pageSize };
    },

    /** The SSE snapshot: live state and the latest bids. */
    async snapshot(actor: Actor, id: string) {
      const { a } = await load(actor, id);
      const [bids, leadingPaddleNo] = await Promise.all([repo.recentBids(db, id, 50), repo.paddleOf(db, a.leadingRegistrationId)]);
      return { a, live: toLiveState(a, leadingPaddleNo), bids: bids.map(toBid), serverNow: clock.now().toISOString() };
    },
    bidsAfter: async (id: string, seq: number) => (await repo.bidsAfter(db, id, seq)).map(toBid),

    /**
     * The scheduler's `auction.close` handler: locks the auction, postpones while an extension moved
     * the end, else closes — sold (deal opened, winner's deposit applied) or unsold — in the job's
     * transaction, so it happens exactly once.
     */
    async closeJob(tx: Tx, key: string, now: Date): Promise<'done' | { postpone: Date }> {
      const a = await repo.find(tx, key, true);
      if (!a || a.status !== 'scheduled') {
        return 'done';
      }
      if (a.endsAt > now) {
        return { postpone: a.endsAt };
      }
      const actor = systemActor('scheduler');
      const winner = a.leadingRegistrationId ? await repo.registration(tx, a.id, a.leadingRegistrationId) : undefined;
      // A leader whose deposit the operator forfeited during the auction has lost its standing: the
      // hammer does not fall to it (the lot is unsold; the operator may auction it again).
      const sold = isSold(a.reserveFen, a.currentPriceFen, a.leadingRegistrationId) && winner?.depositStatus === 'held';
      const to = transitionOrThrow(a, sold ? 'close_sold' : 'close_unsold', ['scheduler'], now);
      let dealId: string | null = null;
      const listing = await repo.listing(tx, a.listingId, true);
      if (sold && winner) {
        const deal = await deals.open(tx, actor, {
          pricingMethod: 'auction',
          auctionId: a.id,
          listingId: a.listingId,
          achievementId: listing?.achievementId ?? null,
          chainId: a.chainId,
          sellerOrgId: a.sellerOrgId,
          buyerOrgId: winner.bidderOrgId,
          priceFen: a.currentPriceFen!,
          transferMode: listing?.mode ?? 'assign',
          licenceKind: listing?.licenceKind ?? null,
          stateFunded: listing?.stateFunded ?? false,
          title: a.title,
        });
        dealId = deal.id;
      }
      await settleDeposits(tx, a, sold ? a.leadingRegistrationId : null, actor);
      if (listing && listing.status === 'in_auction') {
        await listingTransition(tx, actor, listing.id, sold ? 'sell' : 'end_auction');
      }
      const after = await repo.update(tx, a.id, { status: to, closedAt: now, closedBy: scheduler.processName, dealId });
      await audit.record(tx, { actor, action: 'auction.closed', entityType: 'auction', entityId: a.id, before: auditStateOfAuction(a), after: { ...auditStateOfAuction(after), dealId } });
      if (notify) {
        const price = `¥${((a.currentPriceFen ?? 0) / 100).toLocaleString('zh-CN')}`;
        const room = `/market/auctions/${a.id}`;
        await notify(tx, a.sellerOrgId, {
          kind: 'auction_result',
          title: `拍卖已结束：${a.title}`,
          body: sold ? `「${a.title}」以 ${price} 成交，交易已生成。` : `「${a.title}」流拍（无出价或未达保留价），挂牌已恢复。`,
          link: dealId ? `/market/deals/${dealId}` : room,
          dedupeKey: `auction-result:${a.id}`,
          data: { auctionId: a.id, ...(dealId ? { dealId } : {}) },
        });
        for (const { r } of await repo.registrations(tx, a.id)) {
          if (r.status !== 'approved') {
            continue;
          }
          const won = sold && r.id === a.leadingRegistrationId;
          await notify(tx, r.bidderOrgId, {
            kind: 'auction_result',
            title: `${won ? '竞得通知' : '拍卖结果'}：${a.title}`,
            body: won ? `您以 ${price} 竞得「${a.title}」，交易已生成；保证金已转作价款。` : `「${a.title}」已结束${sold ? `，成交价 ${price}` : '，流拍'}；您的保证金将退还。`,
            link: won && dealId ? `/market/deals/${dealId}` : room,
            dedupeKey: `auction-result:${a.id}`,
            data: { auctionId: a.id },
          });
        }
      }
      return 'done';
    },
  };

  /** The original answer to a retried bid: the bid, the proxy bids placed with it, the auction now. */
  async function replay(id: string, seq: number): Promise<PlaceBidResult> {
    // One query: the auction now, its leader's paddle and the bids from this one on.
    const [row] = await repo.pollRows(db, [{ id, afterSeq: seq - 1 }]);
    const { a, leadingPaddleNo, bids } = row!;
    const mine = bids.find((b) => b.seq === seq)!;
    const withIt = bids.filter((b: BidRow) => b.seq > seq && b.kind === 'proxy' && b.placedAt.getTime() === mine.placedAt.getTime());
    return { bid: toBid(mine), proxyBids: withIt.map(toBid), auction: toLiveState(a, leadingPaddleNo), replayed: true };
  }

  return service;
}
export type AuctionsService = ReturnType<typeof createAuctionsService>;
export type { AuctionLiveState };

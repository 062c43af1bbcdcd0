import {
  type CounterOffer,
  type CreateListing,
  type CreateOffer,
  type CreateThreadMessage,
  type DeclineOffer,
  type DeclineReason,
  type Listing,
  type ListingAction,
  type ListingQuery,
  type OfferAction,
  type OfferOutcome,
  type Side,
  type Thread,
  type UpdateListing,
} from '#shared/contracts/market.contract';
import type { Db, DbConn, Tx } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '#server/modules/audit/index';
import type { NotifyOrganisation } from '#server/modules/notifications/index';
import { requireUser, systemActor, type Actor } from '#server/modules/auth/index';
import type { JobHandler } from '#server/modules/scheduler/index';
import { createDealWorkspace } from './deal-workspace.service';
import type { DealsRepo } from './deals.repo';
import type { DealsCore } from './deals.service';
import { isListingEditable, isListingOpen, isListingPublic, nextListingStatus, type ListingRole } from './listing.workflow';
import { auditStateOfListing, auditStateOfOffer, toListingDto, toOfferDto, toThreadMessageDto } from './market.mapper';
import { buyerOrgIdsOf, isBuyerMember, isMarketOperatorFor, isSellerActor, isSellerViewer } from './market.policy';
import type { ListingInsert, ListingRow, ListingWithOrg, MarketRepo, OfferRow, OrgRow } from './market.repo';
import { isStateFunded, listingSoldByDeal, pricingMethodOf, respondByFrom } from './market.rules';
import { nextOfferStatus, type OfferRole } from './offer.workflow';

export type MarketScheduler = {
  schedule(conn: DbConn, job: { kind: string; key: string; runAt: Date; payload?: Record<string, unknown> }): Promise<unknown>;
  cancel(conn: DbConn, kind: string, key: string): Promise<void>;
  register(kind: string, handler: JobHandler): void;
};

export type MarketDeps = {
  db: Db;
  repo: MarketRepo;
  dealsRepo: DealsRepo;
  deals: DealsCore;
  audit: AuditService;
  clock: Clock;
  scheduler: MarketScheduler;
  /** Calendar days an offer waits for its answer (default 7, ≈ 5 working days). */
  offerResponseDays?: number;
  /** In-app notifications to the other side's members, written in the same transaction. */
  notify?: NotifyOrganisation;
};

export const LISTING_EXPIRE_JOB = 'listing.expire';
export const OFFER_EXPIRE_JOB = 'offer.expire';


const LISTING_AUDIT: Record<string, string> = {
  publish: 'listing.published',
  withdraw: 'listing.withdrawn',
  expire: 'listing.expired',
  sell: 'listing.sold',
};

const DECLINE_REASON_ZH: Record<DeclineReason, string> = {
  price_too_low: '价格过低',
  terms_unacceptable: '条款不可接受',
  buyer_not_qualified: '买方条件不符',
  already_committed: '已另行成交',
  other: '其他原因',
};

/** Listings (挂牌), negotiation threads and offers, the deal workspace and the fee schedule. */
export function createMarketService({ db, repo, dealsRepo, deals, audit, clock, scheduler, offerResponseDays = 7, notify }: MarketDeps) {
  const listingNotFound = (id: string) => new AppError('market/listing_not_found', `listing ${id} not found`);
  const offerNotFound = (id: string) => new AppError('market/offer_not_found', `offer ${id} not found`);
  const notOpen = (status: string) => new AppError('market/listing_not_open', `listing is ${status}`, { status }, { status });

  const canView = (actor: Actor, l: ListingRow, org: OrgRow) =>
    isListingPublic(l.status) || isSellerViewer(actor, org) || isMarketOperatorFor(actor, l.regionCode);

  async function load(actor: Actor, id: string, conn?: DbConn, forUpdate = false): Promise<ListingWithOrg> {
    const row = await repo.findListing(id, conn, forUpdate);
    if (!row || !canView(actor, row.l, row.org)) {
      throw listingNotFound(id);
    }
    return row;
  }

  /** Verified organisations, other than the seller, through which the actor may buy. */
  async function buyerOrgsOf(actor: Actor, sellerOrgId: string, memberOrgs?: OrgRow[], conn?: DbConn): Promise<OrgRow[]> {
    if (actor.kind !== 'user') {
      return [];
    }
    const memberIds = actor.memberships.map((m) => m.organisationId);
    const orgs = memberOrgs ?? (await repo.orgs(memberIds, conn));
    const verified = new Set(orgs.filter((o) => o.status === 'verified').map((o) => o.id));
    const ids = buyerOrgIdsOf(actor, verified, sellerOrgId);
    return orgs.filter((o) => ids.includes(o.id));
  }

  /** The buyer organisation the caller acts for on a listing (refusing the seller's own). */
  async function pickBuyerOrg(actor: Actor, l: ListingRow, org: OrgRow, wanted: string | undefined, conn?: DbConn): Promise<string> {
    if (isSellerViewer(actor, org) || (wanted && wanted === l.sellerOrgId)) {
      throw new AppError('market/own_listing', 'the seller cannot buy its own listing');
    }
    const candidates = await buyerOrgsOf(actor, l.sellerOrgId, undefined, conn);
    const pick = wanted ? candidates.find((c) => c.id === wanted) : candidates[0];
    if (!pick) {
      throw new AppError('market/buyer_org_required', 'not a member of a verified buyer organisation');
    }
    return pick.id;
  }

  /** Achievements of `rows` whose data room the actor opened by NDA (the seller side needs none): one query. */
  async function grantedOf(actor: Actor, rows: ListingWithOrg[]): Promise<ReadonlySet<string>> {
    const ids = rows.filter(({ org }) => !isSellerViewer(actor, org)).map(({ l }) => l.achievementId);
    return actor.kind === 'user' && ids.length ? repo.grantedAchievementIds(actor.userId, ids) : new Set();
  }

  /**
   * The listing as the actor sees it: the data room only for the seller side and NDA-granted users.
   * In lists, `memberOrgs` (the actor's organisations) and `granted` (see grantedOf) save queries per row.
   */
  async function present(actor: Actor, row: ListingWithOrg, memberOrgs?: OrgRow[], granted?: ReadonlySet<string>): Promise<Listing> {
    const { l, org } = row;
    const viewer = isSellerViewer(actor, org);
    const dataRoom = viewer || (granted ?? (await grantedOf(actor, [row]))).has(l.achievementId);
    const buyerOrgs = isListingOpen(l, clock.now())
      ? (await buyerOrgsOf(actor, l.sellerOrgId, memberOrgs)).map((o) => ({ id: o.id, name: o.name }))
      : [];
    return toListingDto(l, org, { dataRoom, canManage: isSellerActor(actor, org), buyerOrgs });
  }

  function checkListingFields(
    v: {
      mode: string;
      licenceKind?: string | null;
      pricing: string;
      priceFen?: number | null;
      listedFrom?: Date | null;
      listedUntil?: Date | null;
    },
    now: Date,
  ) {
    if (v.mode === 'license' && !v.licenceKind) {
      throw fieldError('market/licence_kind_required', 'licenceKind');
    }
    if (v.pricing === 'fixed' && (v.priceFen === null || v.priceFen === undefined)) {
      throw fieldError('market/price_required', 'priceFen');
    }
    if (v.listedUntil && (v.listedUntil.getTime() <= now.getTime() || (v.listedFrom && v.listedUntil.getTime() <= v.listedFrom.getTime()))) {
      throw fieldError('market/period_invalid', 'listedUntil');
    }
  }

  /** Moves a listing along its transition table, audited, in `tx`. */
  async function transitionListing(
    tx: Tx,
    actor: Actor,
    l: ListingRow,
    action: ListingAction,
    roles: ListingRole[],
    extra: Partial<ListingInsert> = {},
  ): Promise<ListingRow> {
    const next = nextListingStatus(l.status, action, roles);
    if (!next.ok) {
      if (next.reason === 'not_allowed') {
        throw new AppError('common/forbidden', `${action} not allowed`);
      }
      throw new AppError(
        'market/invalid_transition',
        `cannot ${action} from ${l.status}`,
        { from: l.status, action },
        { from: l.status, action },
      );
    }
    const after = await repo.updateListing(tx, l.id, { status: next.to, ...extra });
    await audit.record(tx, {
      actor,
      action: LISTING_AUDIT[action] ?? `listing.${action}`,
      entityType: 'listing',
      entityId: l.id,
      before: { status: l.status },
      after: auditStateOfListing(after),
    });
    return after;
  }

  /** Closes the open offers of a listing that stopped being open (sold, withdrawn, expired). */
  async function lapseOpenOffers(
    tx: Tx,
    actor: Actor,
    listingId: string,
    reason: 'already_committed' | 'other',
    note: string,
    exceptId?: string,
  ) {
    const now = clock.now();
    for (const o of await repo.openOffersOfListing(tx, listingId)) {
      if (o.id === exceptId) {
        continue;
      }
      const next = nextOfferStatus(o.status, 'lapse', ['system']);
      if (next.ok) {
        await repo.updateOffer(tx, o.id, { status: next.to, declineReason: reason, declineNote: note, decidedAt: now });
        await audit.record(tx, {
          actor,
          action: 'offer.lapsed',
          entityType: 'offer',
          entityId: o.id,
          before: { status: o.status },
          after: { status: next.to, reason },
        });
      }
    }
  }

  /** The side of the actor in a negotiation with `buyerOrgId`, or null. Seller wins when both (never: buyer ≠ seller). */
  function sideOf(actor: Actor, org: OrgRow, buyerOrgId: string, act: boolean): Side | null {
    if (act ? isSellerActor(actor, org) : isSellerViewer(actor, org)) {
      return 'seller';
    }
    return isBuyerMember(actor, buyerOrgId) ? 'buyer' : null;
  }

  /** Loads an offer with its listing, and the caller's roles on it; hidden from non-parties. */
  async function loadOffer(actor: Actor, id: string, tx: Tx) {
    // Lock order everywhere: the listing, then its offers (making an offer and closing a listing do the same).
    const peek = await repo.findOffer(id, tx);
    const listing = peek ? await repo.findListing(peek.listingId, tx, true) : undefined;
    const offer = listing ? await repo.findOffer(id, tx, true) : undefined;
    if (!offer || !listing) {
      throw offerNotFound(id);
    }
    const side = sideOf(actor, listing.org, offer.buyerOrgId, true);
    if (!side) {
      throw offerNotFound(id);
    }
    const roles: OfferRole[] = [side === offer.fromSide ? 'maker' : 'recipient'];
    return { offer, listing, side, roles };
  }

  function checkOfferTransition(offer: OfferRow, action: OfferAction, roles: OfferRole[]) {
    const next = nextOfferStatus(offer.status, action, roles);
    if (!next.ok) {
      if (next.reason === 'not_allowed') {
        throw new AppError('market/not_your_turn', `${action} is for the other side`);
      }
      throw new AppError('market/offer_not_open', `offer is ${offer.status}`, { status: offer.status }, { status: offer.status });
    }
    return next.to;
  }

  async function newOffer(
    tx: Tx,
    actor: Actor & { kind: 'user' },
    l: ListingRow,
    values: { buyerOrgId: string; fromSide: Side; previousOfferId: string | null; amountFen: number; terms: string },
  ) {
    const now = clock.now();
    const offer = await repo.insertOffer(tx, {
      ...values,
      listingId: l.id,
      status: 'open',
      respondBy: respondByFrom(now, offerResponseDays),
      createdBy: actor.userId,
    });
    await scheduler.schedule(tx, { kind: OFFER_EXPIRE_JOB, key: offer.id, runAt: offer.respondBy });
    await audit.record(tx, { actor, action: 'offer.made', entityType: 'offer', entityId: offer.id, after: auditStateOfOffer(offer) });
    if (notify) {
      const yuan = (offer.amountFen / 100).toLocaleString('zh-CN');
      await notify(tx, values.fromSide === 'buyer' ? l.sellerOrgId : values.buyerOrgId, {
        kind: 'offer_received',
        title: `${values.fromSide === 'buyer' ? '收到新报价' : '对方还价'}：${l.title}`,
        body: `「${l.title}」收到${values.fromSide === 'buyer' ? '买方报价' : '卖方还价'} ¥${yuan}，请在 ${offer.respondBy.toISOString().slice(0, 10)} 前答复。`,
        link: `/market/listings/${l.id}`,
        dedupeKey: `offer:${offer.id}`,
        data: { listingId: l.id, offerId: offer.id },
      });
    }
    return offer;
  }

  // ── scheduler jobs ──
  const expireListing: JobHandler = async (tx, job, now) => {
    const row = await repo.findListing(job.key, tx, true);
    if (!row || row.l.status !== 'listed') {
      return 'done';
    }
    if (row.l.listedUntil && row.l.listedUntil.getTime() > now.getTime()) {
      return { postpone: row.l.listedUntil };
    }
    const actor = systemActor('scheduler');
    await transitionListing(tx, actor, row.l, 'expire', ['system'], { closedReason: 'expired' });
    await lapseOpenOffers(tx, actor, row.l.id, 'other', 'listing expired');
    return 'done';
  };
  const expireOffer: JobHandler = async (tx, job, now) => {
    const offer = await repo.findOffer(job.key, tx, true);
    if (!offer || offer.status !== 'open') {
      return 'done';
    }
    if (offer.respondBy.getTime() > now.getTime()) {
      return { postpone: offer.respondBy };
    }
    const next = nextOfferStatus(offer.status, 'expire', ['system']);
    if (next.ok) {
      await repo.updateOffer(tx, offer.id, { status: next.to, decidedAt: now });
      await audit.record(tx, {
        actor: systemActor('scheduler'),
        action: 'offer.expired',
        entityType: 'offer',
        entityId: offer.id,
        before: { status: offer.status },
        after: { status: next.to },
      });
    }
    return 'done';
  };
  scheduler.register(LISTING_EXPIRE_JOB, expireListing);
  scheduler.register(OFFER_EXPIRE_JOB, expireOffer);

  return {
    // The deal workspace and the fee schedule (deal-workspace.service.ts).
    ...createDealWorkspace({ db, repo, dealsRepo, audit, clock }),
    // ── listings ──
    async listListings(actor: Actor, q: ListingQuery) {
      const now = clock.now();
      let scope: 'public' | { orgIds: string[] } = 'public';
      if (q.mine) {
        const me = requireUser(actor);
        const orgIds = [
          ...new Set([
            ...me.memberships.map((m) => m.organisationId),
            ...me.roles.flatMap((r) => (r.role === 'tto_officer' && r.organisationId ? [r.organisationId] : [])),
          ]),
        ];
        scope = { orgIds };
      }
      const { items, total } = await repo.pageListings(q, scope, now);
      const [memberOrgs, granted] = await Promise.all([
        actor.kind === 'user' ? repo.orgs(actor.memberships.map((m) => m.organisationId)) : [],
        grantedOf(actor, items),
      ]);
      return {
        items: await Promise.all(items.map((row) => present(actor, row, memberOrgs, granted))),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async getListing(actor: Actor, id: string): Promise<Listing> {
      return present(actor, await load(actor, id));
    },

    async createListing(actor: Actor, input: CreateListing): Promise<Listing> {
      const me = requireUser(actor);
      const a = await repo.achievement(input.achievementId);
      if (!a) {
        throw fieldError('achievement/not_found', 'achievementId');
      }
      const org = await repo.org(a.ownerOrgId);
      if (!org || !isSellerActor(actor, org)) {
        throw new AppError('common/forbidden', 'not on the seller side of the achievement');
      }
      if (a.status !== 'published') {
        throw new AppError('market/achievement_not_published', `achievement is ${a.status}`);
      }
      const now = clock.now();
      const listedFrom = input.listedFrom ? new Date(input.listedFrom) : null;
      const listedUntil = new Date(input.listedUntil);
      checkListingFields({ ...input, listedFrom, listedUntil }, now);
      const id = await db.transaction(async (tx) => {
        const l = await repo.insertListing(tx, {
          chainId: a.chainId,
          achievementId: a.id,
          sellerOrgId: org.id,
          createdBy: me.userId,
          // The market of the seller organisation's region hosts the listing, as it hosts the
          // listing's auctions, deals and notices (decision 009): one operator oversees them all.
          regionCode: org.regionCode,
          title: input.title ?? a.title,
          mode: input.mode,
          licenceKind: input.mode === 'license' ? (input.licenceKind ?? null) : null,
          licenceTerritory: input.mode === 'license' ? (input.licenceTerritory ?? null) : null,
          licenceTermMonths: input.mode === 'license' ? (input.licenceTermMonths ?? null) : null,
          pricing: input.pricing,
          priceFen: input.priceFen ?? null,
          terms: input.terms,
          dataRoom: input.dataRoom,
          stateFunded: isStateFunded(a.funding, org.type),
          status: 'draft',
          listedFrom,
          listedUntil,
        });
        await audit.record(tx, { actor, action: 'listing.created', entityType: 'listing', entityId: l.id, after: auditStateOfListing(l) });
        return l.id;
      });
      return present(actor, await load(actor, id));
    },

    async updateListing(actor: Actor, id: string, input: UpdateListing): Promise<Listing> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const { l, org } = await load(actor, id, tx, true);
        if (!isSellerActor(actor, org)) {
          throw new AppError('common/forbidden', 'not on the seller side');
        }
        if (!isListingEditable(l.status)) {
          throw new AppError('market/listing_not_editable', `listing is ${l.status}`);
        }
        const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ListingInsert>;
        if (input.listedFrom !== undefined) {
          values.listedFrom = input.listedFrom ? new Date(input.listedFrom) : null;
        }
        if (input.listedUntil !== undefined) {
          values.listedUntil = new Date(input.listedUntil);
        }
        const merged = { ...l, ...values };
        if (merged.mode !== 'license') {
          Object.assign(values, { licenceKind: null, licenceTerritory: null, licenceTermMonths: null });
        }
        checkListingFields(merged, clock.now());
        const after = await repo.updateListing(tx, id, values);
        await audit.record(tx, {
          actor,
          action: 'listing.updated',
          entityType: 'listing',
          entityId: id,
          before: auditStateOfListing(l),
          after: auditStateOfListing(after),
        });
      });
      return present(actor, await load(actor, id));
    },

    async transition(actor: Actor, id: string, action: 'publish' | 'withdraw'): Promise<Listing> {
      requireUser(actor);
      await db.transaction(async (tx) => {
        const { l, org } = await load(actor, id, tx, true);
        const roles: ListingRole[] = isSellerActor(actor, org) ? ['seller'] : [];
        if (!roles.length) {
          throw new AppError('common/forbidden', 'not on the seller side');
        }
        const now = clock.now();
        if (action === 'publish') {
          const a = await repo.achievement(l.achievementId, tx);
          if (a?.status !== 'published') {
            throw new AppError('market/achievement_not_published', 'achievement is not published');
          }
          if (org.status !== 'verified') {
            throw new AppError(
              'organisation/not_verified',
              `organisation ${org.id} is ${org.status}`,
              { organisationId: org.id, status: org.status },
              { name: org.name, status: org.status },
            );
          }
          const listedFrom = l.listedFrom && l.listedFrom.getTime() > now.getTime() ? l.listedFrom : now;
          checkListingFields({ ...l, listedFrom }, now);
          const after = await transitionListing(tx, actor, l, 'publish', roles, {
            listedFrom,
            stateFunded: isStateFunded(a.funding, org.type),
          });
          await scheduler.schedule(tx, { kind: LISTING_EXPIRE_JOB, key: l.id, runAt: after.listedUntil! });
        } else {
          await transitionListing(tx, actor, l, 'withdraw', roles, { closedReason: 'withdrawn' });
          await scheduler.cancel(tx, LISTING_EXPIRE_JOB, l.id);
          await lapseOpenOffers(tx, actor, l.id, 'other', 'listing withdrawn');
        }
      });
      return present(actor, await load(actor, id));
    },

    /**
     * For the auctions module: a listing goes to auction, comes back unsold, or is sold by the
     * hammer, inside the auction's transaction. Not exposed over HTTP.
     */
    async auctionTransition(tx: Tx, actor: Actor, listingId: string, action: 'start_auction' | 'end_auction' | 'sell'): Promise<void> {
      const row = await repo.findListing(listingId, tx, true);
      if (!row) {
        throw listingNotFound(listingId);
      }
      await transitionListing(tx, actor, row.l, action, ['auctions']);
      if (action === 'start_auction') {
        await lapseOpenOffers(tx, actor, listingId, 'other', 'listing went to auction');
      }
    },

    // ── negotiation ──
    async threads(actor: Actor, id: string) {
      requireUser(actor);
      const { l, org } = await load(actor, id);
      if (!isSellerViewer(actor, org)) {
        throw new AppError('common/forbidden', 'threads are for the seller side');
      }
      const [buyers, offers, stats] = await Promise.all([repo.threadBuyers(l.id), repo.listingOffers(l.id), repo.threadMessageStats(l.id)]);
      const orgs = new Map((await repo.orgs(buyers)).map((o) => [o.id, o]));
      return buyers
        .map((b) => {
          const own = offers.filter((o) => o.buyerOrgId === b);
          const st = stats.find((s) => s.buyerOrgId === b);
          const times = [...own.map((o) => o.createdAt.getTime()), st ? st.last.getTime() : 0];
          const open = own.find((o) => o.status === 'open');
          return {
            buyerOrgId: b,
            buyerOrgName: orgs.get(b)?.name ?? '',
            messageCount: st?.n ?? 0,
            offerCount: own.length,
            openOffer: open ? toOfferDto(open) : null,
            lastActivityAt: new Date(Math.max(...times)).toISOString(),
          };
        })
        .sort((x, y) => y.lastActivityAt.localeCompare(x.lastActivityAt));
    },

    async thread(actor: Actor, id: string, buyerOrgId: string | undefined): Promise<Thread> {
      requireUser(actor);
      const { l, org } = await load(actor, id);
      let buyer = buyerOrgId;
      if (!buyer) {
        if (isSellerViewer(actor, org)) {
          throw new AppError('market/thread_not_found', 'the seller names the buyer organisation');
        }
        buyer = (await buyerOrgsOf(actor, l.sellerOrgId))[0]?.id;
      }
      const side = buyer ? sideOf(actor, org, buyer, false) : null;
      if (!buyer || !side) {
        throw new AppError('market/thread_not_found', 'no thread for the caller');
      }
      const [messages, offers, buyerOrg] = await Promise.all([
        repo.threadMessages(l.id, buyer),
        repo.threadOffers(l.id, buyer),
        repo.org(buyer),
      ]);
      return {
        listingId: l.id,
        listingTitle: l.title,
        buyerOrgId: buyer,
        buyerOrgName: buyerOrg?.name ?? '',
        mySide: side,
        messages: messages.map(({ m, authorName, fromBuyer }) => toThreadMessageDto(m, authorName, fromBuyer ? 'buyer' : 'seller')),
        offers: offers.map(toOfferDto),
        dealId: await repo.dealByOffers(offers.filter((o) => o.status === 'accepted').map((o) => o.id)),
      };
    },

    async postMessage(actor: Actor, id: string, input: CreateThreadMessage) {
      const me = requireUser(actor);
      const { l, org } = await load(actor, id);
      let buyerOrgId: string;
      let side: Side;
      if (isSellerActor(actor, org)) {
        if (!input.buyerOrgId || !(await repo.threadBuyers(l.id)).includes(input.buyerOrgId)) {
          throw new AppError('market/thread_not_found', 'the seller answers an existing thread');
        }
        buyerOrgId = input.buyerOrgId;
        side = 'seller';
      } else {
        buyerOrgId = await pickBuyerOrg(actor, l, org, input.buyerOrgId);
        side = 'buyer';
      }
      if (!isListingOpen(l, clock.now())) {
        throw notOpen(l.status);
      }
      const m = await db.transaction(async (tx) => {
        const row = await repo.insertMessage(tx, { listingId: l.id, buyerOrgId, authorId: me.userId, body: input.body });
        await audit.record(tx, {
          actor,
          action: 'listing.enquiry',
          entityType: 'listing',
          entityId: l.id,
          after: { messageId: row.id, buyerOrgId, side },
        });
        return row;
      });
      return toThreadMessageDto(m, me.displayName, side);
    },

    async makeOffer(actor: Actor, id: string, input: CreateOffer) {
      const me = requireUser(actor);
      const offer = await db.transaction(async (tx) => {
        const { l, org } = await load(actor, id, tx, true);
        const buyerOrgId = await pickBuyerOrg(actor, l, org, input.buyerOrgId, tx);
        if (!isListingOpen(l, clock.now())) {
          throw notOpen(l.status);
        }
        if ((await repo.threadOffers(l.id, buyerOrgId, tx)).some((o) => o.status === 'open')) {
          throw new AppError('market/offer_pending', 'an offer in this thread awaits an answer');
        }
        return newOffer(tx, me, l, {
          buyerOrgId,
          fromSide: 'buyer',
          previousOfferId: null,
          amountFen: input.amountFen,
          terms: input.terms,
        });
      });
      return toOfferDto(offer);
    },

    async answerOffer(
      actor: Actor,
      id: string,
      action: 'accept' | 'decline' | 'counter' | 'withdraw',
      body: { counter?: CounterOffer; decline?: DeclineOffer },
    ): Promise<OfferOutcome> {
      const me = requireUser(actor);
      return db.transaction(async (tx) => {
        const { offer, listing, side, roles } = await loadOffer(actor, id, tx);
        const to = checkOfferTransition(offer, action, roles);
        const now = clock.now();
        const { l, org } = listing;
        if ((action === 'accept' || action === 'counter') && !isListingOpen(l, now)) {
          throw notOpen(l.status);
        }
        const decided = await repo.updateOffer(tx, offer.id, {
          status: to,
          decidedBy: me.userId,
          decidedAt: now,
          ...(action === 'decline' ? { declineReason: body.decline!.reason, declineNote: body.decline!.note } : {}),
        });
        await audit.record(tx, {
          actor,
          action: `offer.${to}`,
          entityType: 'offer',
          entityId: offer.id,
          before: { status: offer.status },
          after: auditStateOfOffer(decided),
        });
        let counterOffer: OfferRow | null = null;
        let dealId: string | null = null;
        if (action === 'counter') {
          counterOffer = await newOffer(tx, me, l, {
            buyerOrgId: offer.buyerOrgId,
            fromSide: side,
            previousOfferId: offer.id,
            amountFen: body.counter!.amountFen,
            terms: body.counter!.terms,
          });
        }
        if (action === 'accept') {
          const a = await repo.achievement(l.achievementId, tx);
          const deal = await deals.open(tx, actor, {
            pricingMethod: pricingMethodOf(l, offer.amountFen),
            offerId: offer.id,
            listingId: l.id,
            achievementId: l.achievementId,
            chainId: l.chainId,
            sellerOrgId: l.sellerOrgId,
            buyerOrgId: offer.buyerOrgId,
            priceFen: offer.amountFen,
            transferMode: l.mode,
            licenceKind: l.licenceKind,
            stateFunded: a ? isStateFunded(a.funding, org.type) || l.stateFunded : l.stateFunded,
            title: l.title,
          });
          dealId = deal.id;
          if (listingSoldByDeal(l.mode, l.licenceKind)) {
            await transitionListing(tx, actor, l, 'sell', ['system'], { closedReason: `deal ${deal.dealNo}` });
            await scheduler.cancel(tx, LISTING_EXPIRE_JOB, l.id);
            await lapseOpenOffers(tx, actor, l.id, 'already_committed', 'listing sold', offer.id);
          }
        }
        if (notify && (action === 'accept' || action === 'decline')) {
          // The side that made the offer hears the answer.
          await notify(tx, offer.fromSide === 'buyer' ? offer.buyerOrgId : l.sellerOrgId, {
            kind: 'offer_answered',
            title: `报价已${action === 'accept' ? '接受' : '谢绝'}：${l.title}`,
            body: action === 'accept' ? `您对「${l.title}」的报价已被接受，交易已生成。` : `您对「${l.title}」的报价被谢绝（${DECLINE_REASON_ZH[body.decline!.reason]}）。`,
            link: dealId ? `/market/deals/${dealId}` : `/market/listings/${l.id}`,
            dedupeKey: `offer-answer:${offer.id}`,
            data: { listingId: l.id, offerId: offer.id, ...(dealId ? { dealId } : {}) },
          });
        }
        return { offer: toOfferDto(decided), counterOffer: counterOffer ? toOfferDto(counterOffer) : null, dealId };
      });
    },
  };
}
export type MarketService = ReturnType<typeof createMarketService>;

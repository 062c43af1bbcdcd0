import { createHash } from 'node:crypto';
import {
  MAX_DOCUMENT_BYTES,
  type CreateDealMessage,
  type CreateFeeSchedule,
  type DealDetail,
  type DealQuery,
  type FeeSchedules,
  type Side,
} from '#shared/contracts/market.contract';
import { regionPrefix } from '#shared/format/region-scope';
import { pgErrorCode, type Db } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { chinaToday } from '#shared/format/china-time';
import type { Clock } from '#server/lib/clock';
import { fieldError } from '#server/lib/field-error';
import type { AuditService } from '#server/modules/audit/index';
import { isPlatformAdmin, regionsFor, requireUser, type Actor } from '#server/modules/auth/index';
import { DEFAULT_FEES } from './deal.rules';
import type { DealRow, DealsRepo } from './deals.repo';
import { toDealDto, toDealMessageDto, toOfferDto } from './market.mapper';
import { canSetFees, isBuyerMember, isMarketOperatorFor, isSellerActor, isSellerViewer } from './market.policy';
import type { MarketRepo, OrgRow } from './market.repo';
import { decodeBase64 } from './market.rules';

export type DealWorkspaceDeps = { db: Db; repo: MarketRepo; dealsRepo: DealsRepo; audit: AuditService; clock: Clock };

/**
 * The deal workspace (parties, offer history, contract draft, notice summary, messages and documents)
 * and the market's fee schedule. Deals are seen by their parties, by market operators of the seller's
 * region and by platform administrators; only the parties write.
 */
export function createDealWorkspace({ db, repo, dealsRepo, audit, clock }: DealWorkspaceDeps) {
  const dealNotFound = (id: string) => new AppError('market/deal_not_found', `deal ${id} not found`);

  async function dealAccess(actor: Actor, d: DealRow): Promise<{ side: Side | null; seller?: OrgRow; buyer?: OrgRow } | null> {
    const parties = await repo.orgs([d.sellerOrgId, d.buyerOrgId]);
    const seller = parties.find((o) => o.id === d.sellerOrgId);
    const buyer = parties.find((o) => o.id === d.buyerOrgId);
    if (seller && isSellerViewer(actor, seller)) {
      return { side: 'seller', seller, buyer };
    }
    if (isBuyerMember(actor, d.buyerOrgId)) {
      return { side: 'buyer', seller, buyer };
    }
    if (seller && isMarketOperatorFor(actor, seller.regionCode)) {
      return { side: null, seller, buyer };
    }
    return null;
  }
  async function loadDeal(actor: Actor, id: string) {
    const d = await dealsRepo.findById(db, id);
    const access = d ? await dealAccess(actor, d) : null;
    if (!d || !access) {
      throw dealNotFound(id);
    }
    return { d, ...access };
  }

  return {
    // ── deals ──
    async listDeals(actor: Actor, q: DealQuery) {
      const me = requireUser(actor);
      const memberOrgs = me.memberships.map((m) => m.organisationId);
      const orgs = await repo.orgs([
        ...new Set([...memberOrgs, ...me.roles.flatMap((r) => (r.role === 'tto_officer' && r.organisationId ? [r.organisationId] : []))]),
      ]);
      const sellerOrgIds = orgs.filter((o) => isSellerViewer(actor, o)).map((o) => o.id);
      const { items, total } = await repo.pageDeals(q, {
        all: isPlatformAdmin(actor) && !q.role,
        sellerOrgIds,
        buyerOrgIds: memberOrgs,
        regionPrefixes: regionsFor(actor, 'market_operator').map(regionPrefix),
      });
      const parties = new Map((await repo.orgs([...new Set(items.flatMap((d) => [d.sellerOrgId, d.buyerOrgId]))])).map((o) => [o.id, o]));
      return {
        items: items.map((d) =>
          toDealDto(
            d,
            parties.get(d.sellerOrgId),
            parties.get(d.buyerOrgId),
            sellerOrgIds.includes(d.sellerOrgId) ? 'seller' : memberOrgs.includes(d.buyerOrgId) ? 'buyer' : null,
          ),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async getDeal(actor: Actor, id: string): Promise<DealDetail> {
      requireUser(actor);
      const { d, side, seller, buyer } = await loadDeal(actor, id);
      const [offers, notice] = await Promise.all([repo.dealOffers(d.offerId), repo.noticeOfDeal(d.id)]);
      const canPublishNotice =
        side === 'seller' && d.status === 'awaiting_notice' && !notice && seller !== undefined && isSellerActor(actor, seller);
      return {
        ...toDealDto(d, seller, buyer, side),
        offers: offers.map(toOfferDto),
        contractDraft: d.contractDraft ?? null,
        notice,
        canPublishNotice,
      };
    },

    async dealMessages(actor: Actor, id: string) {
      requireUser(actor);
      const { d } = await loadDeal(actor, id);
      const rows = await repo.dealMessages(d.id, d.buyerOrgId);
      return rows.map(({ m, authorName, fromBuyer }) => toDealMessageDto(m, authorName, fromBuyer ? 'buyer' : 'seller'));
    },

    async postDealMessage(actor: Actor, id: string, input: CreateDealMessage) {
      const me = requireUser(actor);
      const { d, side } = await loadDeal(actor, id);
      if (!side) {
        throw new AppError('common/forbidden', 'only the parties write in the deal workspace');
      }
      let document: { name: string; mediaType: string; size: number; sha256: string } | null = null;
      let content: string | null = null;
      if (input.document) {
        const bytes = decodeBase64(input.document.contentBase64);
        if (!bytes?.length) {
          throw fieldError('market/document_invalid', 'document.contentBase64');
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
          throw fieldError('market/document_too_large', 'document.contentBase64', { max: MAX_DOCUMENT_BYTES });
        }
        document = {
          name: input.document.name,
          mediaType: input.document.mediaType,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        };
        content = bytes.toString('base64');
      } else if (!input.body) {
        throw fieldError('common/validation_failed', 'body');
      }
      const m = await db.transaction(async (tx) => {
        const row = await repo.insertMessage(tx, {
          dealId: d.id,
          authorId: me.userId,
          body: input.body,
          document,
          documentContent: content,
        });
        await audit.record(tx, {
          actor,
          action: document ? 'deal.document_shared' : 'deal.message',
          entityType: 'deal',
          entityId: d.id,
          after: { messageId: row.id, side, ...(document ? { document } : {}) },
        });
        return row;
      });
      return toDealMessageDto(m, me.displayName, side);
    },

    async dealDocument(actor: Actor, id: string, messageId: string) {
      requireUser(actor);
      const { d } = await loadDeal(actor, id);
      const m = await repo.dealMessage(d.id, messageId);
      if (!m?.document || !m.documentContent) {
        throw new AppError('market/document_not_found', `document ${messageId} not found`);
      }
      return { ...m.document, content: Buffer.from(m.documentContent, 'base64') };
    },

    // ── fees ──
    async fees(): Promise<FeeSchedules> {
      const today = chinaToday(clock.now());
      const [inForce, upcoming] = await Promise.all([dealsRepo.feesOn(db, today), repo.feeSchedulesFrom(today)]);
      const dto = (r: { effectiveFrom: string; commissionBp: number; depositBp: number; depositMinFen: number }) => ({
        effectiveFrom: r.effectiveFrom,
        commissionBp: r.commissionBp,
        depositBp: r.depositBp,
        depositMinFen: r.depositMinFen,
      });
      return { inForce: inForce ? dto(inForce) : { effectiveFrom: null, ...DEFAULT_FEES }, upcoming: upcoming.map(dto) };
    },

    async setFees(this: { fees(): Promise<FeeSchedules> }, actor: Actor, input: CreateFeeSchedule): Promise<FeeSchedules> {
      const me = requireUser(actor);
      if (!canSetFees(actor)) {
        throw new AppError('common/forbidden', 'fee schedules are set by platform administrators');
      }
      if (input.effectiveFrom < chinaToday(clock.now())) {
        throw fieldError('market/fee_date_past', 'effectiveFrom');
      }
      await db
        .transaction(async (tx) => {
          const row = await repo.insertFeeSchedule(tx, { ...input, createdBy: me.userId });
          await audit.record(tx, { actor, action: 'market.fees_scheduled', entityType: 'fee_schedule', entityId: row.id, after: input });
        })
        .catch((err: unknown) => {
          if (pgErrorCode(err) === '23505') {
            throw fieldError('market/fee_schedule_exists', 'effectiveFrom', { effectiveFrom: input.effectiveFrom });
          }
          throw err;
        });
      return this.fees();
    },
  };
}

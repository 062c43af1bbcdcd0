import type { DealPricingMethod, ListingMode, LicenceKind } from '#shared/contracts/market.contract';
import type { Tx } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { newDealNo } from '#server/lib/ids';
import type { AuditService } from '#server/modules/audit/index';
import type { Actor } from '#server/modules/auth/index';
import { chinaToday } from '#shared/format/china-time';
import { commissionFen, contractCategoryOf, DEFAULT_FEES, initialDealStatus } from './deal.rules';
import type { DealRow, DealsRepo } from './deals.repo';

export type OpenDealInput = {
  chainId: string;
  title: string;
  sellerOrgId: string;
  buyerOrgId: string;
  transferMode: ListingMode;
  licenceKind?: LicenceKind | null;
  pricingMethod: DealPricingMethod;
  priceFen: number;
  stateFunded: boolean;
  achievementId?: string | null;
  demandId?: string | null;
  listingId?: string | null;
  offerId?: string | null;
  auctionId?: string | null;
  tenderId?: string | null;
};

export type DealsCoreDeps = { repo: DealsRepo; audit: AuditService; clock: Clock };

/**
 * Opening and concluding deals, for every way a price is found (accepted offer, auction hammer,
 * tender award). Runs inside the caller's transaction, so the deal exists exactly when the event
 * that made it does. A deal that needs a public notice waits in `awaiting_notice`; otherwise it is
 * concluded at once with its contract draft prepared for registration.
 */
export function createDealsCore({ repo, audit, clock }: DealsCoreDeps) {
  const core = {
    async fees(tx: Tx, now = clock.now()) {
      const row = await repo.feesOn(tx, chinaToday(now));
      return row ? { commissionBp: row.commissionBp, depositBp: row.depositBp, depositMinFen: row.depositMinFen } : { ...DEFAULT_FEES };
    },

    async open(tx: Tx, actor: Actor, input: OpenDealInput): Promise<DealRow> {
      if (input.sellerOrgId === input.buyerOrgId) {
        throw new AppError('market/self_dealing', 'seller and buyer are the same organisation');
      }
      const now = clock.now();
      const fees = await core.fees(tx, now);
      const status = initialDealStatus(input.pricingMethod, input.stateFunded);
      const deal = await repo.insert(tx, {
        ...input,
        licenceKind: input.licenceKind ?? null,
        dealNo: newDealNo(now),
        commissionFen: commissionFen(input.priceFen, fees.commissionBp),
        status,
      });
      await audit.record(tx, {
        actor,
        action: 'deal.opened',
        entityType: 'deal',
        entityId: deal.id,
        after: { dealNo: deal.dealNo, chainId: deal.chainId, pricingMethod: deal.pricingMethod, priceFen: deal.priceFen, status },
      });
      return status === 'concluded' ? core.conclude(tx, actor, deal) : deal;
    },

    /** Concludes a deal: sets the time and prepares the contract registration draft (same chain id). */
    async conclude(tx: Tx, actor: Actor, deal: DealRow): Promise<DealRow> {
      const now = clock.now();
      // One after another: a transaction is one connection, and node-postgres queues (and warns about)
      // queries sent on a client that is still busy.
      const seller = await repo.org(tx, deal.sellerOrgId);
      const buyer = await repo.org(tx, deal.buyerOrgId);
      const achievement = deal.achievementId ? await repo.achievement(tx, deal.achievementId) : undefined;
      const category = contractCategoryOf(
        deal.transferMode,
        deal.licenceKind,
        (achievement?.ip ?? []).map((i) => i.kind),
      );
      const contractDraft = {
        chainId: deal.chainId,
        dealNo: deal.dealNo,
        contractName: `${deal.title}${category.type === 'LIC' ? '技术许可合同' : '技术转让合同'}`,
        contractType: category.type,
        contractSubtype: category.subtype,
        licenceMode: category.licenceMode,
        seller: seller
          ? {
              organisationId: seller.id,
              name: seller.name,
              type: seller.type,
              creditCode: seller.creditCode,
              regionCode: seller.regionCode,
            }
          : null,
        buyer: buyer
          ? { organisationId: buyer.id, name: buyer.name, type: buyer.type, creditCode: buyer.creditCode, regionCode: buyer.regionCode }
          : null,
        technologyDomain: achievement?.domainCode ?? null,
        industryCodes: achievement?.industryCodes ?? [],
        ip: (achievement?.ip ?? []).map((i) => ({ kind: i.kind, ...(i.number ? { number: i.number } : {}) })),
        fiscalFunding: achievement?.funding ?? null,
        pricingMethod: deal.pricingMethod,
        /** 成交额, fen. 技术交易额 is set at registration once non-technical costs are known. */
        contractAmountFen: deal.priceFen,
        concludedOn: chinaToday(now),
      };
      const after = await repo.update(tx, deal.id, { status: 'concluded', concludedAt: now, contractDraft });
      await audit.record(tx, {
        actor,
        action: 'deal.concluded',
        entityType: 'deal',
        entityId: deal.id,
        before: { status: deal.status },
        after: { status: 'concluded', dealNo: deal.dealNo },
      });
      return after;
    },
  };
  return core;
}
export type DealsCore = ReturnType<typeof createDealsCore>;

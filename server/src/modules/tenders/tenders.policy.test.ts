import { describe, expect, it } from 'vitest';
import { makeActor } from '#server/test-factories';
import { canSeeProposal, canViewTender, isRankingPublic, tenderRolesOf } from './tenders.policy';

const BUYER = '00000000-0000-4000-8000-000000000001';
const BIDDER = '00000000-0000-4000-8000-000000000002';
const buyer = makeActor([{ role: 'enterprise_member' }], [{ organisationId: BUYER, role: 'owner' }]);
const bidder = makeActor([{ role: 'tto_officer' }], [{ organisationId: BIDDER, role: 'member' }]);
const admin = makeActor([{ role: 'platform_admin' }]);
const operator = makeActor([{ role: 'market_operator', regionCode: '440000' }]);

describe('tender policy', () => {
  const sealed = { buyerOrgId: BUYER, status: 'open' as const, openedAt: null };
  const opened = { buyerOrgId: BUYER, status: 'opened' as const, openedAt: new Date() };
  const proposal = { bidderOrgId: BIDDER };

  it('gives the buyer role to members of the tendering organisation only', () => {
    expect(tenderRolesOf(buyer, sealed)).toEqual(['buyer']);
    expect(tenderRolesOf(bidder, sealed)).toEqual([]);
    expect(tenderRolesOf(admin, sealed)).toEqual([]);
  });

  it('hides drafts from everyone but the buyer', () => {
    const draft = { ...sealed, status: 'draft' as const };
    expect(canViewTender(draft, ['buyer'])).toBe(true);
    expect(canViewTender(draft, [])).toBe(false);
    expect(canViewTender(sealed, [])).toBe(true);
  });

  it('keeps a proposal sealed before opening from everyone but its bidder', () => {
    expect(canSeeProposal(bidder, sealed, proposal)).toBe(true);
    expect(canSeeProposal(buyer, sealed, proposal)).toBe(false);
    expect(canSeeProposal(admin, sealed, proposal)).toBe(false);
    expect(canSeeProposal(operator, sealed, proposal)).toBe(false);
    expect(isRankingPublic(sealed)).toBe(false);
  });

  it('shows proposals to the buyer after opening, still not to administrators', () => {
    expect(canSeeProposal(buyer, opened, proposal)).toBe(true);
    expect(canSeeProposal(admin, opened, proposal)).toBe(false);
    expect(isRankingPublic(opened)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { anonymous, makeActor } from '#server/test-factories';
import { auctionRolesOf, canOperateRegion, canRegisterFor, canViewAuction } from './auctions.policy';

const SELLER = '22222222-2222-4222-8222-222222222222';
const auction = { sellerOrgId: SELLER, regionCode: '110108' };

describe('auction policy', () => {
  it('the market operator of a covering region operates; another region or role does not', () => {
    expect(canOperateRegion(makeActor([{ role: 'market_operator', regionCode: '110000' }]), '110108')).toBe(true);
    expect(canOperateRegion(makeActor([{ role: 'market_operator', regionCode: '440000' }]), '110108')).toBe(false);
    expect(canOperateRegion(makeActor([{ role: 'regional_admin', regionCode: '110000' }]), '110108')).toBe(false);
    expect(canOperateRegion(makeActor([{ role: 'platform_admin' }]), '110108')).toBe(true);
    expect(canOperateRegion(anonymous, '110108')).toBe(false);
  });
  it('members of the selling organisation are the seller', () => {
    expect(auctionRolesOf(makeActor([], [{ organisationId: SELLER, role: 'member' }]), auction)).toEqual(['seller']);
    expect(auctionRolesOf(makeActor([{ role: 'market_operator', regionCode: '110000' }]), auction)).toEqual(['operator']);
    expect(auctionRolesOf(makeActor(), auction)).toEqual([]);
  });
  it('drafts only to the seller and operators', () => {
    expect(canViewAuction('draft', [])).toBe(false);
    expect(canViewAuction('draft', ['seller'])).toBe(true);
    expect(canViewAuction('scheduled', [])).toBe(true);
  });
  it('registers only for an organisation the actor belongs to', () => {
    expect(canRegisterFor(makeActor([], [{ organisationId: SELLER, role: 'member' }]), SELLER)).toBe(true);
    expect(canRegisterFor(makeActor(), SELLER)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { anonymous, makeActor } from '#server/test-factories';
import { canEditCalendar, canSeeObjections, isDealParty, isSellerSide, noticeRolesOf, operatorScopes, sellerSideOrgIds } from './notices.policy';

const SELLER = '22222222-2222-4222-8222-222222222222';
const BUYER = '33333333-3333-4333-8333-333333333333';
const notice = { sellerOrgId: SELLER, sellerRegionCode: '110108' };

describe('notice roles', () => {
  it('owner, admin and TTO officer of the seller are the seller side; a plain member is not', () => {
    expect(isSellerSide(makeActor([], [{ organisationId: SELLER, role: 'owner' }]), SELLER)).toBe(true);
    expect(isSellerSide(makeActor([], [{ organisationId: SELLER, role: 'admin' }]), SELLER)).toBe(true);
    expect(isSellerSide(makeActor([{ role: 'tto_officer', organisationId: SELLER }]), SELLER)).toBe(true);
    expect(isSellerSide(makeActor([], [{ organisationId: SELLER, role: 'member' }]), SELLER)).toBe(false);
    expect(isSellerSide(makeActor([{ role: 'tto_officer', organisationId: BUYER }]), SELLER)).toBe(false);
    expect(isSellerSide(anonymous, SELLER)).toBe(false);
  });
  it('lists the organisations the actor is the seller side of, once each (the decision queue)', () => {
    const actor = makeActor(
      [{ role: 'tto_officer', organisationId: SELLER }],
      [
        { organisationId: SELLER, role: 'admin' },
        { organisationId: BUYER, role: 'member' },
      ],
    );
    expect(sellerSideOrgIds(actor)).toEqual([SELLER]);
    expect(sellerSideOrgIds(anonymous)).toEqual([]);
  });
  it('the market operator of the seller’s region (or above) operates the notice; another region’s does not', () => {
    expect(noticeRolesOf(makeActor([{ role: 'market_operator', regionCode: '110000' }]), notice)).toEqual(['operator']);
    expect(noticeRolesOf(makeActor([{ role: 'market_operator', regionCode: '440000' }]), notice)).toEqual([]);
    expect(noticeRolesOf(makeActor([{ role: 'platform_admin' }]), notice)).toEqual(['operator']);
    expect(noticeRolesOf(makeActor([{ role: 'regional_admin', regionCode: '110000' }]), notice)).toEqual([]);
  });
  it('objections are for the seller side and operators only', () => {
    expect(canSeeObjections(['seller'])).toBe(true);
    expect(canSeeObjections(['operator'])).toBe(true);
    expect(canSeeObjections([])).toBe(false);
  });
  it('members of either organisation are parties of the deal', () => {
    const deal = { sellerOrgId: SELLER, buyerOrgId: BUYER };
    expect(isDealParty(makeActor([], [{ organisationId: BUYER, role: 'member' }]), deal)).toBe(true);
    expect(isDealParty(makeActor([]), deal)).toBe(false);
  });
  it('the calendar is kept by platform admins and market operators; operator scopes', () => {
    expect(canEditCalendar(makeActor([{ role: 'market_operator', regionCode: '440000' }]))).toBe(true);
    expect(canEditCalendar(makeActor([{ role: 'platform_admin' }]))).toBe(true);
    expect(canEditCalendar(makeActor([{ role: 'regional_admin', regionCode: '110000' }]))).toBe(false);
    expect(canEditCalendar(anonymous)).toBe(false);
    expect(operatorScopes(makeActor([{ role: 'platform_admin' }]))).toBeNull();
    expect(operatorScopes(makeActor([{ role: 'market_operator', regionCode: '110000' }]))).toEqual(['110000']);
  });
});

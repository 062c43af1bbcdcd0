import { describe, expect, it } from 'vitest';
import { LISTING_STATUSES, type ListingAction } from '#shared/contracts/market.contract';
import { isListingOpen, LISTING_TRANSITIONS, nextListingStatus, type ListingRole } from './listing.workflow';

const ROLES: ListingRole[] = ['seller', 'system', 'auctions'];
const ACTIONS: ListingAction[] = ['publish', 'withdraw', 'expire', 'start_auction', 'end_auction', 'sell'];

describe('listing transition table', () => {
  for (const row of LISTING_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to} by ${row.by.join('/')}, refused to the others`, () => {
      for (const role of ROLES) {
        const got = nextListingStatus(row.from, row.action, [role]);
        expect(got).toEqual(row.by.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' });
      }
    });
  }

  it('every other (status, action) pair is an invalid transition', () => {
    for (const from of LISTING_STATUSES) {
      for (const action of ACTIONS) {
        if (!LISTING_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextListingStatus(from, action, ROLES), `${from} ${action}`).toEqual({ ok: false, reason: 'invalid_transition' });
        }
      }
    }
  });

  it('withdrawn, expired and sold are final', () => {
    for (const from of ['withdrawn', 'expired', 'sold'] as const) {
      expect(LISTING_TRANSITIONS.filter((r) => r.from === from)).toEqual([]);
    }
  });
});

describe('isListingOpen', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  const at = (s: string) => new Date(s);
  it('is open when listed inside its period', () => {
    expect(isListingOpen({ status: 'listed', listedFrom: at('2026-11-01T00:00:00Z'), listedUntil: at('2026-12-01T00:00:00Z') }, now)).toBe(
      true,
    );
  });
  it('is closed before the start, at or after the end, and in any other status', () => {
    expect(isListingOpen({ status: 'listed', listedFrom: at('2026-11-26T00:00:00Z'), listedUntil: at('2026-12-01T00:00:00Z') }, now)).toBe(
      false,
    );
    expect(isListingOpen({ status: 'listed', listedFrom: null, listedUntil: now }, now)).toBe(false);
    expect(isListingOpen({ status: 'in_auction', listedFrom: null, listedUntil: null }, now)).toBe(false);
  });
});

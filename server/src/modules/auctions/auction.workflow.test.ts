import { describe, expect, it } from 'vitest';
import { AUCTION_TRANSITIONS, auctionStateOf, nextAuctionStatus, type AuctionRole } from './auction.workflow';

const ROLES: AuctionRole[] = ['seller', 'operator', 'scheduler'];

describe('auction transition table', () => {
  it.each(AUCTION_TRANSITIONS.map((r) => [r.from, r.action, r.to, r.by] as const))('%s —%s→ %s by %j', (from, action, to, by) => {
    for (const role of ROLES) {
      expect(nextAuctionStatus(from, action, [role])).toEqual(by.includes(role) ? { ok: true, to } : { ok: false, reason: 'not_allowed' });
    }
  });

  it('refuses what is not in the table', () => {
    expect(nextAuctionStatus('live', 'cancel', ['seller', 'operator'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(nextAuctionStatus('live', 'close_sold', ['scheduler'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(nextAuctionStatus('upcoming', 'schedule', ['seller'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(nextAuctionStatus('closed_sold', 'cancel', ['operator'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(nextAuctionStatus('cancelled', 'schedule', ['seller'])).toEqual({ ok: false, reason: 'invalid_transition' });
  });

  it('splits scheduled by the clock', () => {
    const a = { status: 'scheduled' as const, startsAt: new Date('2026-01-01T10:00:00Z'), endsAt: new Date('2026-01-01T11:00:00Z') };
    expect(auctionStateOf(a, new Date('2026-01-01T09:00:00Z'))).toBe('upcoming');
    expect(auctionStateOf(a, new Date('2026-01-01T10:00:00Z'))).toBe('live');
    expect(auctionStateOf(a, new Date('2026-01-01T11:00:00Z'))).toBe('ended');
    expect(auctionStateOf({ ...a, status: 'draft' }, new Date())).toBe('draft');
  });
});

import { describe, expect, it } from 'vitest';
import { OFFER_STATUSES, type OfferAction } from '#shared/contracts/market.contract';
import { nextOfferStatus, OFFER_TRANSITIONS, type OfferRole } from './offer.workflow';

const ROLES: OfferRole[] = ['maker', 'recipient', 'system'];
const ACTIONS: OfferAction[] = ['accept', 'decline', 'counter', 'withdraw', 'expire', 'lapse'];

describe('offer transition table', () => {
  for (const row of OFFER_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to} by ${row.by.join('/')}, refused to the others`, () => {
      for (const role of ROLES) {
        expect(nextOfferStatus(row.from, row.action, [role])).toEqual(
          row.by.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' },
        );
      }
    });
  }

  it('an answered offer cannot be answered again (not_open) whoever asks', () => {
    for (const from of OFFER_STATUSES.filter((s) => s !== 'open')) {
      for (const action of ACTIONS) {
        expect(nextOfferStatus(from, action, ROLES), `${from} ${action}`).toEqual({ ok: false, reason: 'not_open' });
      }
    }
  });

  it('the maker cannot accept, decline or counter its own offer', () => {
    for (const action of ['accept', 'decline', 'counter'] as const) {
      expect(nextOfferStatus('open', action, ['maker'])).toEqual({ ok: false, reason: 'not_allowed' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { REGISTRATION_ACTIONS, REGISTRATION_STATUSES } from '#shared/contracts/registrations.contract';
import { allowedRegistrationActions, nextRegistrationStatus, REGISTRATION_TRANSITIONS } from './registration.workflow';

describe('registration transition table', () => {
  for (const row of REGISTRATION_TRANSITIONS) {
    it(`${row.from} —${row.action}→ ${row.to} by ${row.by.join('/')}`, () => {
      expect(nextRegistrationStatus(row.from, row.action, row.by)).toEqual({ ok: true, to: row.to });
      const others = (['applicant', 'registrar'] as const).filter((r) => !row.by.includes(r));
      for (const other of others) {
        expect(nextRegistrationStatus(row.from, row.action, [other])).toEqual({ ok: false, reason: 'not_allowed' });
      }
    });
  }

  it('refuses every pair that is not a row', () => {
    for (const from of REGISTRATION_STATUSES) {
      for (const action of REGISTRATION_ACTIONS) {
        if (!REGISTRATION_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextRegistrationStatus(from, action, ['applicant', 'registrar'])).toEqual({ ok: false, reason: 'invalid_transition' });
        }
      }
    }
  });

  it('final states have no way out', () => {
    for (const s of ['rejected', 'withdrawn', 'cancelled'] as const) {
      expect(allowedRegistrationActions(s, ['applicant', 'registrar'])).toEqual([]);
    }
  });

  it('lists the buttons a role may press', () => {
    expect(allowedRegistrationActions('submitted', ['registrar'])).toEqual(['return', 'register', 'reject']);
    expect(allowedRegistrationActions('submitted', ['applicant'])).toEqual(['withdraw']);
    expect(allowedRegistrationActions('registered', ['applicant'])).toEqual(['request_change']);
  });
});

import { describe, expect, it } from 'vitest';
import { NOTICE_STATUSES, OBJECTION_STATUSES } from '#shared/contracts/notices.contract';
import {
  acceptsObjections,
  expiryOutcome,
  isPeriodOver,
  nextNoticeStatus,
  nextObjectionStatus,
  NOTICE_ACTIONS,
  NOTICE_ROLES,
  NOTICE_TRANSITIONS,
  OBJECTION_ACTIONS,
  OBJECTION_TRANSITIONS,
  objectionDeadline,
} from './notice.workflow';

describe('nextNoticeStatus: one test per transition row', () => {
  for (const row of NOTICE_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to} by ${row.by.join('/')}`, () => {
      for (const role of NOTICE_ROLES) {
        expect(nextNoticeStatus(row.from, row.action, [role])).toEqual(row.by.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' });
      }
      expect(nextNoticeStatus(row.from, row.action, [])).toEqual({ ok: false, reason: 'not_allowed' });
    });
  }
  it('refuses every other (status, action) pair, so cleared, blocked and withdrawn are final', () => {
    let refused = 0;
    for (const from of NOTICE_STATUSES) {
      for (const action of NOTICE_ACTIONS) {
        if (!NOTICE_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextNoticeStatus(from, action, NOTICE_ROLES)).toEqual({ ok: false, reason: 'invalid_transition' });
          refused++;
        }
      }
    }
    expect(refused).toBe(NOTICE_STATUSES.length * NOTICE_ACTIONS.length - NOTICE_TRANSITIONS.length);
  });
  it('only the scheduler clears; the operator cannot withdraw the seller’s notice', () => {
    expect(nextNoticeStatus('open', 'clear', ['seller', 'operator'])).toEqual({ ok: false, reason: 'not_allowed' });
    expect(nextNoticeStatus('open', 'withdraw', ['operator'])).toEqual({ ok: false, reason: 'not_allowed' });
  });
});

describe('nextObjectionStatus: one test per transition row', () => {
  for (const row of OBJECTION_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to} by ${row.by.join('/')}`, () => {
      for (const role of NOTICE_ROLES) {
        expect(nextObjectionStatus(row.from, row.action, [role])).toEqual(row.by.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' });
      }
    });
  }
  it('a decided objection stays decided', () => {
    for (const from of OBJECTION_STATUSES.filter((s) => s !== 'pending')) {
      for (const action of OBJECTION_ACTIONS) {
        expect(nextObjectionStatus(from, action, ['seller', 'operator'])).toEqual({ ok: false, reason: 'invalid_transition' });
      }
    }
  });
});

describe('objection deadline: the end of endsOn, China time', () => {
  const open = { status: 'open' as const, endsOn: '2026-12-15' };
  it('is 2026-12-15 24:00 in Beijing = 16:00 UTC', () => {
    expect(objectionDeadline('2026-12-15').toISOString()).toBe('2026-12-15T16:00:00.000Z');
  });
  it('accepts an objection at 23:59:59 Beijing time on the last day and refuses one at midnight', () => {
    expect(acceptsObjections(open, new Date('2026-12-15T15:59:59.999Z'))).toBe(true);
    expect(acceptsObjections(open, new Date('2026-12-15T16:00:00.000Z'))).toBe(false);
    expect(isPeriodOver('2026-12-15', new Date('2026-12-15T16:00:00.000Z'))).toBe(true);
  });
  it('refuses objections to a notice that is no longer open, even within the period', () => {
    expect(acceptsObjections({ ...open, status: 'withdrawn' }, new Date('2026-12-10T00:00:00Z'))).toBe(false);
    expect(acceptsObjections({ ...open, status: 'blocked' }, new Date('2026-12-10T00:00:00Z'))).toBe(false);
  });
});

describe('expiryOutcome', () => {
  const open = { status: 'open' as const, endsOn: '2026-12-15' };
  const after = new Date('2026-12-15T16:00:00Z');
  it('clears an open notice after its end with no pending objection', () => {
    expect(expiryOutcome(open, 0, after)).toBe('clear');
  });
  it('waits while objections are pending', () => {
    expect(expiryOutcome(open, 2, after)).toBe('wait');
  });
  it('does nothing early (the job was moved) or when the notice is closed', () => {
    expect(expiryOutcome(open, 0, new Date('2026-12-15T15:00:00Z'))).toBe('early');
    expect(expiryOutcome({ ...open, status: 'blocked' }, 0, after)).toBe('closed');
    expect(expiryOutcome({ ...open, status: 'cleared' }, 0, after)).toBe('closed');
  });
});

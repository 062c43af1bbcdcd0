import { describe, expect, it } from 'vitest';
import { DEMAND_ACTIONS, DEMAND_STATUSES } from '#shared/contracts/demands.contract';
import { chinaToday, DEMAND_TRANSITIONS, isDeadlinePast, isDemandEditable, isDemandPublic, nextDemandStatus, type DemandRole } from './demand.workflow';

const ALL_ROLES: DemandRole[] = ['editor', 'admin'];

describe('nextDemandStatus: one test per transition row', () => {
  for (const row of DEMAND_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to} by ${row.by.join('/')}`, () => {
      for (const role of ALL_ROLES) {
        const r = nextDemandStatus(row.from, row.action, [role]);
        expect(r).toEqual(row.by.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' });
      }
      expect(nextDemandStatus(row.from, row.action, [])).toEqual({ ok: false, reason: 'not_allowed' });
    });
  }
});

describe('nextDemandStatus: everything else is invalid', () => {
  it('refuses every (status, action) pair not in the table', () => {
    let refused = 0;
    for (const from of DEMAND_STATUSES) {
      for (const action of DEMAND_ACTIONS) {
        if (!DEMAND_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextDemandStatus(from, action, ALL_ROLES)).toEqual({ ok: false, reason: 'invalid_transition' });
          refused++;
        }
      }
    }
    expect(refused).toBe(DEMAND_STATUSES.length * DEMAND_ACTIONS.length - DEMAND_TRANSITIONS.length);
  });
  it('keeps closed demands closed', () => {
    for (const action of DEMAND_ACTIONS) {
      expect(nextDemandStatus('closed', action, ALL_ROLES).ok).toBe(false);
    }
  });
  it('lets an administrator take a demand down but not publish or close it', () => {
    expect(nextDemandStatus('published', 'withdraw', ['admin'])).toEqual({ ok: true, to: 'withdrawn' });
    expect(nextDemandStatus('draft', 'publish', ['admin'])).toEqual({ ok: false, reason: 'not_allowed' });
    expect(nextDemandStatus('published', 'close', ['admin'])).toEqual({ ok: false, reason: 'not_allowed' });
  });
});

describe('isDemandEditable / isDemandPublic', () => {
  it('allows edits in draft only', () => {
    expect(DEMAND_STATUSES.filter(isDemandEditable)).toEqual(['draft']);
  });
  it('shows published and closed demands to the public', () => {
    expect(DEMAND_STATUSES.filter(isDemandPublic)).toEqual(['published', 'closed']);
  });
});

describe('deadlines in China time', () => {
  it('takes the date in UTC+8', () => {
    expect(chinaToday(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
  it('counts a deadline as past once its day is over in China', () => {
    const now = new Date('2026-03-01T16:30:00Z'); // 2026-03-02 00:30 in Beijing
    expect(isDeadlinePast('2026-03-01', now)).toBe(true);
    expect(isDeadlinePast('2026-03-02', now)).toBe(false);
    expect(isDeadlinePast(null, now)).toBe(false);
  });
});

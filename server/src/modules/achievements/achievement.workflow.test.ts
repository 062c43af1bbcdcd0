import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_ACTIONS, ACHIEVEMENT_STATUSES } from '#shared/contracts/achievements.contract';
import { ACHIEVEMENT_TRANSITIONS, isEditable, isStale, nextAchievementStatus, type WorkflowRole } from './achievement.workflow';

const ALL_ROLES: WorkflowRole[] = ['editor', 'reviewer', 'admin'];

describe('nextAchievementStatus: one test per transition row', () => {
  for (const row of ACHIEVEMENT_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to} by ${row.by.join('/')}`, () => {
      for (const role of ALL_ROLES) {
        const r = nextAchievementStatus(row.from, row.action, [role]);
        expect(r).toEqual(row.by.includes(role) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' });
      }
    });
  }
});

describe('nextAchievementStatus: everything else is invalid', () => {
  it('refuses every (status, action) pair not in the table', () => {
    let refused = 0;
    for (const from of ACHIEVEMENT_STATUSES) {
      for (const action of ACHIEVEMENT_ACTIONS) {
        if (!ACHIEVEMENT_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextAchievementStatus(from, action, ALL_ROLES)).toEqual({ ok: false, reason: 'invalid_transition' });
          refused++;
        }
      }
    }
    expect(refused).toBe(ACHIEVEMENT_STATUSES.length * ACHIEVEMENT_ACTIONS.length - ACHIEVEMENT_TRANSITIONS.length);
  });
  it('never lets an editor approve their own submission', () => {
    expect(nextAchievementStatus('submitted', 'approve', ['editor'])).toEqual({ ok: false, reason: 'not_allowed' });
  });
  it('keeps archived listings archived', () => {
    for (const action of ACHIEVEMENT_ACTIONS) {
      expect(nextAchievementStatus('archived', action, ALL_ROLES).ok).toBe(false);
    }
  });
});

describe('isEditable / isStale', () => {
  it('allows edits in draft and withdrawn only', () => {
    expect(ACHIEVEMENT_STATUSES.filter(isEditable)).toEqual(['draft', 'withdrawn']);
  });
  it('flags published listings unconfirmed for more than 12 months', () => {
    const now = new Date('2026-11-24T00:00:00Z');
    expect(isStale('published', new Date('2025-11-01T00:00:00Z'), now)).toBe(true);
    expect(isStale('published', new Date('2026-01-01T00:00:00Z'), now)).toBe(false);
    expect(isStale('published', null, now)).toBe(true);
    expect(isStale('draft', null, now)).toBe(false);
  });
});

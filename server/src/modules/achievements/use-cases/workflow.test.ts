import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_ACTIONS } from '#shared/contracts/achievements.contract';
import { ACHIEVEMENT_TRANSITIONS } from '../achievement.workflow';
import { ACHIEVEMENT_AUDIT_ACTIONS, searchEffect, transitionStamps } from './workflow';

const NOW = new Date('2026-05-01T08:00:00Z');
const REVIEWER = '44444444-4444-4444-8444-444444444444';

describe('transitionStamps', () => {
  it('dates publication and confirmation together on approval, with the reviewer and note', () => {
    expect(transitionStamps('approve', 'published', NOW, REVIEWER, '通过')).toEqual({ publishedAt: NOW, confirmedAt: NOW, reviewedBy: REVIEWER, reviewedAt: NOW, reviewNote: '通过' });
  });
  it('dates withdrawal only when a publication is withdrawn', () => {
    expect(transitionStamps('withdraw', 'withdrawn', NOW, REVIEWER, null)).toEqual({ withdrawnAt: NOW });
    expect(transitionStamps('withdraw', 'draft', NOW, REVIEWER, null)).toEqual({});
  });
  it('dates submission, return and confirmation', () => {
    expect(transitionStamps('submit', 'submitted', NOW, REVIEWER, null)).toEqual({ submittedAt: NOW });
    expect(transitionStamps('republish', 'submitted', NOW, REVIEWER, null)).toEqual({ submittedAt: NOW });
    expect(transitionStamps('return', 'draft', NOW, REVIEWER, '补充数据')).toEqual({ reviewedBy: REVIEWER, reviewedAt: NOW, reviewNote: '补充数据' });
    expect(transitionStamps('confirm', 'published', NOW, REVIEWER, null)).toEqual({ confirmedAt: NOW });
    expect(transitionStamps('archive', 'archived', NOW, REVIEWER, null)).toEqual({});
  });
});

describe('searchEffect', () => {
  it('indexes exactly while published, for every row of the transition table', () => {
    for (const row of ACHIEVEMENT_TRANSITIONS) {
      const effect = searchEffect(row.from, row.to);
      if (row.to === 'published') {
        expect(effect, `${row.from} ${row.action}`).toBe('upsert');
      } else if (row.from === 'published' || row.to === 'archived') {
        expect(effect, `${row.from} ${row.action}`).toBe('remove');
      } else {
        expect(effect, `${row.from} ${row.action}`).toBe('none');
      }
    }
    expect(searchEffect('submitted', 'published')).toBe('upsert');
    expect(searchEffect('published', 'withdrawn')).toBe('remove');
    expect(searchEffect('draft', 'submitted')).toBe('none');
  });
  it('names an audit action for every workflow action', () => {
    for (const a of ACHIEVEMENT_ACTIONS) {
      expect(ACHIEVEMENT_AUDIT_ACTIONS[a]).toMatch(/^achievement\.[a-z_]+$/);
    }
  });
});

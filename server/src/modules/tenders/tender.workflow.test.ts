import { describe, expect, it } from 'vitest';
import { TENDER_ACTIONS, TENDER_STATUSES, PROPOSAL_STATUSES } from '#shared/contracts/tenders.contract';
import {
  isTenderEditable,
  isTenderPublic,
  nextProposalStatus,
  nextTenderStatus,
  PROPOSAL_TRANSITIONS,
  TENDER_TRANSITIONS,
  type ProposalAction,
} from './tender.workflow';

describe('tender transitions', () => {
  it.each([
    ['draft', 'publish', 'buyer', 'open'],
    ['draft', 'cancel', 'buyer', 'cancelled'],
    ['open', 'cancel', 'buyer', 'cancelled'],
    ['open', 'open', 'system', 'opened'],
    ['open', 'lapse', 'system', 'failed'],
    ['opened', 'award', 'buyer', 'awarded'],
    ['opened', 'fail', 'buyer', 'failed'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextTenderStatus(from, action, [role])).toEqual({ ok: true, to });
    // The other role may not take the same step.
    expect(nextTenderStatus(from, action, [role === 'buyer' ? 'system' : 'buyer'])).toEqual({ ok: false, reason: 'not_allowed' });
    expect(nextTenderStatus(from, action, [])).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('has exactly the rows tested above', () => {
    expect(TENDER_TRANSITIONS).toHaveLength(7);
  });

  it('refuses every other (status, action) pair as an invalid transition', () => {
    for (const from of TENDER_STATUSES) {
      for (const action of TENDER_ACTIONS) {
        if (!TENDER_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextTenderStatus(from, action, ['buyer', 'system']), `${from} ${action}`).toEqual({
            ok: false,
            reason: 'invalid_transition',
          });
        }
      }
    }
    // Award twice, cancel after opening.
    expect(nextTenderStatus('awarded', 'award', ['buyer'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(nextTenderStatus('opened', 'cancel', ['buyer'])).toEqual({ ok: false, reason: 'invalid_transition' });
  });

  it('edits drafts only and hides drafts only', () => {
    expect(TENDER_STATUSES.filter(isTenderEditable)).toEqual(['draft']);
    expect(TENDER_STATUSES.filter((s) => !isTenderPublic(s))).toEqual(['draft']);
  });
});

describe('proposal transitions', () => {
  it.each([
    ['sealed', 'withdraw', 'bidder', 'withdrawn'],
    ['withdrawn', 'resubmit', 'bidder', 'sealed'],
    ['sealed', 'resubmit', 'bidder', 'sealed'],
    ['sealed', 'open', 'system', 'opened'],
    ['sealed', 'release', 'buyer', 'released'],
    ['opened', 'award', 'buyer', 'awarded'],
    ['opened', 'reject', 'buyer', 'unsuccessful'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextProposalStatus(from, action, [role])).toEqual({ ok: true, to });
    expect(nextProposalStatus(from, action, [])).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('has exactly the rows tested above and refuses the rest', () => {
    expect(PROPOSAL_TRANSITIONS).toHaveLength(7);
    const actions: ProposalAction[] = ['withdraw', 'resubmit', 'open', 'award', 'reject', 'release'];
    for (const from of PROPOSAL_STATUSES) {
      for (const action of actions) {
        if (!PROPOSAL_TRANSITIONS.some((r) => r.from === from && r.action === action)) {
          expect(nextProposalStatus(from, action, ['bidder', 'buyer', 'system']), `${from} ${action}`).toEqual({
            ok: false,
            reason: 'invalid_transition',
          });
        }
      }
    }
    // A proposal cannot be withdrawn once opened.
    expect(nextProposalStatus('opened', 'withdraw', ['bidder'])).toEqual({ ok: false, reason: 'invalid_transition' });
  });
});

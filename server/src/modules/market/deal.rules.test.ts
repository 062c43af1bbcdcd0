import { describe, expect, it } from 'vitest';
import { commissionFen, contractCategoryOf, dealNeedsNotice, depositFen, initialDealStatus } from './deal.rules';

describe('deal rules', () => {
  it('needs a public notice only for state-funded sellers pricing by negotiation or tender', () => {
    expect(dealNeedsNotice('negotiated', true)).toBe(true);
    expect(dealNeedsNotice('tender', true)).toBe(true);
    expect(dealNeedsNotice('listing', true)).toBe(false);
    expect(dealNeedsNotice('auction', true)).toBe(false);
    expect(dealNeedsNotice('negotiated', false)).toBe(false);
    expect(initialDealStatus('negotiated', true)).toBe('awaiting_notice');
    expect(initialDealStatus('auction', true)).toBe('concluded');
  });

  it('computes commission in integer fen, rounding half up, exact beyond 2^53 / 10^4', () => {
    expect(commissionFen(1_000_000, 100)).toBe(10_000); // 1 % of ¥10,000
    expect(commissionFen(12_345, 100)).toBe(123); // 123.45 → 123
    expect(commissionFen(12_350, 100)).toBe(124); // 123.5 → 124
    expect(commissionFen(0, 250)).toBe(0);
    // ¥90 trillion at 0.01 %: a float multiply would lose the last fen.
    expect(commissionFen(9_000_000_000_000_001, 1)).toBe(900_000_000_000);
  });

  it('takes the deposit as a share of the start price with a floor', () => {
    expect(depositFen(50_000_000, 1_000, 1_000_000)).toBe(5_000_000);
    expect(depositFen(5_000_000, 1_000, 1_000_000)).toBe(1_000_000);
  });

  it('maps the transfer mode and IP to the contract category for registration', () => {
    expect(contractCategoryOf('license', 'exclusive', ['patent'])).toEqual({ type: 'LIC', subtype: 'LIC-PAT', licenceMode: 'exclusive' });
    expect(contractCategoryOf('license', null, [])).toEqual({ type: 'LIC', subtype: 'LIC-OTH', licenceMode: null });
    expect(contractCategoryOf('assign', null, ['know_how', 'patent'])).toEqual({ type: 'TRF', subtype: 'TRF-PAT', licenceMode: null });
    expect(contractCategoryOf('equity', null, ['patent_application'])).toEqual({ type: 'TRF', subtype: 'TRF-APP', licenceMode: null });
    expect(contractCategoryOf('assign', null, ['know_how'])).toEqual({ type: 'TRF', subtype: 'TRF-SEC', licenceMode: null });
    expect(contractCategoryOf('license', 'sole', ['know_how'])).toEqual({ type: 'LIC', subtype: 'LIC-SEC', licenceMode: 'sole' });
    expect(contractCategoryOf('assign', null, ['software_copyright'])).toEqual({ type: 'TRF', subtype: 'TRF-OTH', licenceMode: null });
  });
});

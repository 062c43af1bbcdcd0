import { describe, expect, it } from 'vitest';
import { dealSteps } from './deal-steps';

describe('dealSteps', () => {
  it('a state-funded negotiated deal goes through the notice step', () => {
    expect(dealSteps({ status: 'awaiting_notice', stateFunded: true, pricingMethod: 'negotiated' })).toEqual({
      keys: ['opened', 'notice', 'concluded'],
      current: 1,
      status: 'process',
    });
    expect(dealSteps({ status: 'blocked', stateFunded: true, pricingMethod: 'negotiated' }).status).toBe('error');
    expect(dealSteps({ status: 'concluded', stateFunded: true, pricingMethod: 'tender' })).toEqual({
      keys: ['opened', 'notice', 'concluded'],
      current: 2,
      status: 'finish',
    });
  });
  it('a listing price or a private seller concludes without a notice step', () => {
    expect(dealSteps({ status: 'concluded', stateFunded: true, pricingMethod: 'listing' })).toEqual({
      keys: ['opened', 'concluded'],
      current: 1,
      status: 'finish',
    });
    expect(dealSteps({ status: 'concluded', stateFunded: false, pricingMethod: 'negotiated' }).keys).toEqual(['opened', 'concluded']);
  });
});

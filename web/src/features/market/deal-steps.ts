import { dealNeedsNotice, type DealPricingMethod, type DealStatus } from '#shared/contracts/market.contract';

export type DealSteps = { keys: ('opened' | 'notice' | 'concluded')[]; current: number; status: 'process' | 'finish' | 'error' };

/**
 * The workspace's steps: agreed → (public notice, for a state-funded seller's negotiated or tendered
 * price) → concluded and ready for contract registration.
 */
export function dealSteps(d: { status: DealStatus; stateFunded: boolean; pricingMethod: DealPricingMethod }): DealSteps {
  const keys: DealSteps['keys'] = dealNeedsNotice(d.pricingMethod, d.stateFunded)
    ? ['opened', 'notice', 'concluded']
    : ['opened', 'concluded'];
  if (d.status === 'concluded') {
    return { keys, current: keys.length - 1, status: 'finish' };
  }
  if (d.status === 'cancelled') {
    return { keys, current: keys.length - 1, status: 'error' };
  }
  return { keys, current: 1, status: d.status === 'blocked' ? 'error' : 'process' };
}

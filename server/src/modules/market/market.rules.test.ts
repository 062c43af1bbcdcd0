import { describe, expect, it } from 'vitest';
import { decodeBase64, isStateFunded, listingSoldByDeal, pricingMethodOf, respondByFrom } from './market.rules';

describe('isStateFunded', () => {
  it('a fiscal project is state funded whoever sells', () => {
    expect(isStateFunded({ fiscal: true }, 'enterprise')).toBe(true);
  });
  it('a university or research institute is a public seller', () => {
    expect(isStateFunded(null, 'university')).toBe(true);
    expect(isStateFunded({ fiscal: false }, 'research_institute')).toBe(true);
  });
  it('an enterprise without fiscal funding is not', () => {
    expect(isStateFunded({ fiscal: false }, 'enterprise')).toBe(false);
    expect(isStateFunded(undefined, 'enterprise')).toBe(false);
  });
});

describe('pricingMethodOf', () => {
  it('a fixed-price listing accepted at the listed price is a listing price', () => {
    expect(pricingMethodOf({ pricing: 'fixed', priceFen: 500_000_00 }, 500_000_00)).toBe('listing');
  });
  it('a fixed listing at another amount, or any negotiable listing, is negotiated', () => {
    expect(pricingMethodOf({ pricing: 'fixed', priceFen: 500_000_00 }, 450_000_00)).toBe('negotiated');
    expect(pricingMethodOf({ pricing: 'negotiable', priceFen: 500_000_00 }, 500_000_00)).toBe('negotiated');
    expect(pricingMethodOf({ pricing: 'negotiable', priceFen: null }, 1)).toBe('negotiated');
  });
});

describe('listingSoldByDeal', () => {
  it('only an ordinary licence stays listed', () => {
    expect(listingSoldByDeal('license', 'ordinary')).toBe(false);
    expect(listingSoldByDeal('license', 'exclusive')).toBe(true);
    expect(listingSoldByDeal('license', 'sole')).toBe(true);
    expect(listingSoldByDeal('assign', null)).toBe(true);
    expect(listingSoldByDeal('equity', null)).toBe(true);
  });
});

describe('respondByFrom and decodeBase64', () => {
  it('adds calendar days', () => {
    expect(respondByFrom(new Date('2026-11-25T00:00:00Z'), 7).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
  it('decodes base64 and refuses anything else', () => {
    expect(decodeBase64('aGVsbG8=')?.toString()).toBe('hello');
    expect(decodeBase64('not base64!')).toBeNull();
  });
});

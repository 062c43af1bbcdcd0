import { describe, expect, it } from 'vitest';
import { budgetFit, combine, industryFit, MATCH_WEIGHTS, regionFit, sharedTerms, structuredFits, trlFit, type NeedSide, type OfferSide } from './scoring';

const need: NeedSide = { domainCode: 'TD08', industryCodes: ['3841'], regionCode: '110105', trlNeeded: 6, budgetMinFen: 0, budgetMaxFen: 5_000_000 };
const offer: OfferSide = { domainCode: 'TD08', industryCodes: ['3841'], regionCode: '110108', trl: 7, priceMode: 'fixed', priceMinFen: 3_000_000, priceMaxFen: null };

describe('structured fits', () => {
  it('grades industry by class, group and division, and region by county, city and province', () => {
    expect(industryFit(['3841'], ['3841'])!.value).toBe(1);
    expect(industryFit(['38'], ['3841'])!.value).toBe(1); // a division covers its classes
    expect(industryFit(['3841'], ['3849'])!.value).toBe(0.7);
    expect(industryFit(['3841'], ['3811'])!.value).toBe(0.4);
    expect(industryFit(['3841'], ['0111'])!.value).toBe(0);
    expect(industryFit([], ['3841'])).toBeUndefined();
    expect(regionFit('110108', '110108')!.value).toBe(1);
    expect(regionFit('110108', '110105')!.value).toBe(0.8);
    expect(regionFit('110108', '120101')!.value).toBe(0);
    expect(regionFit(null, '110108')).toBeUndefined();
  });

  it('scores TRL against the need and price against the budget', () => {
    expect(trlFit(7, 6)!.value).toBe(1);
    expect(trlFit(4, 6)!.value).toBeCloseTo(0.4);
    expect(trlFit(1, 9)!.value).toBe(0);
    expect(trlFit(null, 6)).toBeUndefined();
    expect(budgetFit({ priceMode: 'fixed', priceMinFen: 100, priceMaxFen: null }, { budgetMinFen: null, budgetMaxFen: 200 })!.value).toBe(1);
    expect(budgetFit({ priceMode: 'fixed', priceMinFen: 400, priceMaxFen: null }, { budgetMinFen: null, budgetMaxFen: 200 })!.value).toBe(0.5);
    expect(budgetFit({ priceMode: 'negotiable', priceMinFen: null, priceMaxFen: null }, { budgetMinFen: null, budgetMaxFen: 200 })!.value).toBe(0.5);
    expect(budgetFit({ priceMode: 'fixed', priceMinFen: 400, priceMaxFen: null }, { budgetMinFen: null, budgetMaxFen: null })).toBeUndefined();
  });
});

describe('combine', () => {
  it('weights the signals as documented and explains them; positive reason weights sum to 1', () => {
    const r = combine({ semantic: 0.8, keyword: 0.5, sharedTerms: ['锂离子电池', '正极'], structured: structuredFits(need, offer) }, 'zh');
    // Every structured fit here is perfect except region (same city: 0.8).
    const structured = (0.3 + 0.25 + 0.2 + 0.15 + 0.1 * 0.8) / (0.3 + 0.25 + 0.2 + 0.15 + 0.1);
    expect(r.score).toBeCloseTo(MATCH_WEIGHTS.semantic * 0.8 + MATCH_WEIGHTS.keyword * 0.5 + MATCH_WEIGHTS.structured * structured, 3);
    expect(r.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['semantic', 'shared_terms', 'domain', 'industry', 'trl', 'region', 'budget']));
    expect(r.reasons.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 3);
    expect(r.reasons.find((x) => x.code === 'shared_terms')).toMatchObject({ terms: ['锂离子电池', '正极'], message: '共同关键词：锂离子电池、正极' });
    expect(r.reasons.find((x) => x.code === 'trl')!.message).toBe('技术成熟度 TRL 7，满足需求的 TRL 6');
    // Sorted by contribution.
    const w = r.reasons.map((x) => x.weight);
    expect([...w].sort((p, q) => q - p)).toEqual(w);
  });

  it('redistributes the structured weight for free text, and reports mismatches with weight 0', () => {
    const free = combine({ semantic: 1, keyword: 1, sharedTerms: ['电池'] }, 'en');
    expect(free.score).toBeCloseTo(1, 4);
    const low = combine({ semantic: 0.5, keyword: 0, structured: structuredFits({ ...need, trlNeeded: 9 }, { ...offer, trl: 3 }) }, 'en');
    const trl = low.reasons.find((x) => x.code === 'trl')!;
    expect(trl).toMatchObject({ weight: 0, message: 'TRL 3 is below the TRL 9 needed' });
    expect(low.reasons.find((x) => x.code === 'shared_terms')).toBeUndefined();
  });

  it('ranks a better fit higher, all else equal', () => {
    const good = combine({ semantic: 0.5, keyword: 0.5, structured: structuredFits(need, offer) }, 'zh').score;
    const bad = combine({ semantic: 0.5, keyword: 0.5, structured: structuredFits(need, { ...offer, domainCode: 'TD01', trl: 2, priceMinFen: 90_000_000 }) }, 'zh').score;
    expect(good).toBeGreaterThan(bad);
  });
});

describe('sharedTerms', () => {
  it('lists common terms rarest first with their idf-weighted share of the query', () => {
    const idf = (t: string) => ({ 电池: 1, 固态电解质: 5, 储能: 2 })[t] ?? 0;
    const r = sharedTerms(['电池', '固态电解质', '储能', '电池'], ['固态电解质', '电池', '其他'], idf);
    expect(r.terms).toEqual(['固态电解质', '电池']);
    expect(r.share).toBeCloseTo(6 / 8);
    expect(sharedTerms([], ['a'], idf).share).toBe(0);
  });

  it('ignores bare numbers: a shared 30 or 10 is no evidence of fit', () => {
    const r = sharedTerms(['电池', '30', '10', '1.5'], ['电池', '30', '10', '1.5'], () => 2);
    expect(r.terms).toEqual(['电池']);
    expect(r.share).toBe(1);
  });
});

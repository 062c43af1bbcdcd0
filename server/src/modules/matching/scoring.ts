import type { MatchReason } from '#shared/contracts/search.contract';
import type { Lang } from '#shared/i18n/error-messages';

/**
 * How a match score is made (decision 007): a weighted sum of three signals, each in [0, 1].
 * - semantic: cosine of the two LSA vectors (negative cosines count as 0);
 * - keyword: BM25 of the candidate for the query, divided by the best BM25 among the candidates
 *   (or, without a BM25 engine, the idf-weighted share of the query's terms the candidate has);
 * - structured: the mean of the structured fits both sides have data for (domain, industry, TRL,
 *   region, budget), each with its own weight below.
 * When no structured fit applies (free text), its weight goes to the other two in proportion.
 */
export const MATCH_WEIGHTS = { semantic: 0.45, keyword: 0.35, structured: 0.2 } as const;
export const STRUCTURED_WEIGHTS = { domain: 0.3, industry: 0.25, trl: 0.2, budget: 0.15, region: 0.1 } as const;
type StructuredKey = keyof typeof STRUCTURED_WEIGHTS;

/** The side that asks (a demand, or nothing for free text) — only what the fit needs. */
export type NeedSide = {
  domainCode: string | null;
  industryCodes: readonly string[];
  regionCode: string | null;
  trlNeeded: number | null;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
};

/** The side that offers (an achievement). */
export type OfferSide = {
  domainCode: string | null;
  industryCodes: readonly string[];
  regionCode: string | null;
  trl: number | null;
  priceMode: 'negotiable' | 'fixed' | 'range';
  priceMinFen: number | null;
  priceMaxFen: number | null;
};

export type Fit = { value: number; params: Record<string, string | number> };

/** 1 for the same GB/T 4754 class, less for the same group (3 digits) or division (2 digits). */
export function industryFit(a: readonly string[], b: readonly string[]): Fit | undefined {
  if (a.length === 0 || b.length === 0) {
    return undefined;
  }
  let best: Fit = { value: 0, params: {} };
  for (const x of a) {
    for (const y of b) {
      const v = x.startsWith(y) || y.startsWith(x) ? 1 : x.slice(0, 3) === y.slice(0, 3) ? 0.7 : x.slice(0, 2) === y.slice(0, 2) ? 0.4 : 0;
      if (v > best.value) {
        best = { value: v, params: { code: x.length <= y.length ? x : y, level: v === 1 ? 'class' : v === 0.7 ? 'group' : 'division' } };
      }
    }
  }
  return best;
}

/** Same county 1, same city 0.8, same province 0.6, elsewhere 0. */
export function regionFit(a: string | null, b: string | null): Fit | undefined {
  if (!a || !b) {
    return undefined;
  }
  const v = a === b ? 1 : a.slice(0, 4) === b.slice(0, 4) ? 0.8 : a.slice(0, 2) === b.slice(0, 2) ? 0.6 : 0;
  return { value: v, params: { level: v === 1 ? 'county' : v === 0.8 ? 'city' : v === 0.6 ? 'province' : 'none' } };
}

/** Ready enough (TRL ≥ needed) 1; each level short costs 0.3. */
export function trlFit(trl: number | null, needed: number | null): Fit | undefined {
  if (trl === null || needed === null) {
    return undefined;
  }
  return { value: trl >= needed ? 1 : Math.max(0, 1 - 0.3 * (needed - trl)), params: { trl, needed } };
}

/** Price within budget 1; negotiable 0.5 (unknown); over budget: budget ÷ lowest price. */
export function budgetFit(o: Pick<OfferSide, 'priceMode' | 'priceMinFen' | 'priceMaxFen'>, n: Pick<NeedSide, 'budgetMinFen' | 'budgetMaxFen'>): Fit | undefined {
  if (n.budgetMaxFen === null && n.budgetMinFen === null) {
    return undefined;
  }
  const low = o.priceMinFen ?? o.priceMaxFen;
  if (o.priceMode === 'negotiable' || low === null) {
    return { value: 0.5, params: { price: 'negotiable' } };
  }
  const max = n.budgetMaxFen;
  if (max === null || low <= max) {
    return { value: 1, params: { priceFen: low, budgetFen: max ?? n.budgetMinFen ?? 0 } };
  }
  return { value: Math.max(0, max / low), params: { priceFen: low, budgetFen: max } };
}

export function structuredFits(need: NeedSide, offer: OfferSide): Partial<Record<StructuredKey, Fit>> {
  const fits: Partial<Record<StructuredKey, Fit>> = {};
  if (need.domainCode && offer.domainCode) {
    fits.domain = { value: need.domainCode === offer.domainCode ? 1 : 0, params: { code: offer.domainCode } };
  }
  const ind = industryFit(need.industryCodes, offer.industryCodes);
  if (ind) {
    fits.industry = ind;
  }
  const trl = trlFit(offer.trl, need.trlNeeded);
  if (trl) {
    fits.trl = trl;
  }
  const region = regionFit(need.regionCode, offer.regionCode);
  if (region) {
    fits.region = region;
  }
  const budget = budgetFit(offer, need);
  if (budget) {
    fits.budget = budget;
  }
  return fits;
}

export type Signals = {
  /** Cosine in the semantic space, when both sides have a vector. */
  semantic?: number;
  /** Keyword signal in [0, 1]. */
  keyword?: number;
  /** Terms both sides share, best first. */
  sharedTerms?: readonly string[];
  structured?: Partial<Record<StructuredKey, Fit>>;
  /** Extra signal (buyers: past enquiries and access requests), weight taken from `structured`. */
  activity?: Fit;
};

const MESSAGES: Record<Lang, Record<MatchReason['code'], (p: Record<string, string | number>) => string>> = {
  zh: {
    shared_terms: (p) => `共同关键词：${p.terms}`,
    semantic: (p) => `语义相近（相似度 ${p.similarity}）`,
    domain: () => '技术领域相同',
    industry: (p) => (p.level === 'class' ? `行业相同（${p.code}）` : p.level === 'group' ? `行业同属一个大类下的中类（${p.code}）` : `行业同属一个门类大类（${p.code}）`),
    trl: (p) => (Number(p.trl) >= Number(p.needed) ? `技术成熟度 TRL ${p.trl}，满足需求的 TRL ${p.needed}` : `技术成熟度 TRL ${p.trl}，低于需求的 TRL ${p.needed}`),
    region: (p) => (p.level === 'county' ? '同一区县' : p.level === 'city' ? '同一城市' : p.level === 'province' ? '同一省份' : '不同省份'),
    budget: (p) =>
      p.price === 'negotiable'
        ? '价格面议，可与预算协商'
        : Number(p.priceFen) <= Number(p.budgetFen) || !p.budgetFen
          ? `报价 ${yuan(p.priceFen)} 在预算内`
          : `报价 ${yuan(p.priceFen)} 超出预算 ${yuan(p.budgetFen)}`,
    activity: (p) => `近期关注过同类成果（${p.events} 次咨询或查看申请）`,
  },
  en: {
    shared_terms: (p) => `Shared terms: ${p.terms}`,
    semantic: (p) => `Semantically close (similarity ${p.similarity})`,
    domain: () => 'Same technology domain',
    industry: (p) => (p.level === 'class' ? `Same industry (${p.code})` : p.level === 'group' ? `Same industry group (${p.code})` : `Same industry division (${p.code})`),
    trl: (p) => (Number(p.trl) >= Number(p.needed) ? `TRL ${p.trl} meets the TRL ${p.needed} needed` : `TRL ${p.trl} is below the TRL ${p.needed} needed`),
    region: (p) => (p.level === 'county' ? 'Same county' : p.level === 'city' ? 'Same city' : p.level === 'province' ? 'Same province' : 'Another province'),
    budget: (p) =>
      p.price === 'negotiable'
        ? 'Price negotiable'
        : Number(p.priceFen) <= Number(p.budgetFen) || !p.budgetFen
          ? `Price ${yuan(p.priceFen)} within budget`
          : `Price ${yuan(p.priceFen)} above the budget of ${yuan(p.budgetFen)}`,
    activity: (p) => `Recently showed interest in similar technology (${p.events} enquiries or access requests)`,
  },
};

function yuan(fen: string | number | undefined): string {
  const n = Number(fen ?? 0) / 100;
  return n >= 10_000 ? `${Math.round(n / 1000) / 10} 万元` : `${Math.round(n)} 元`;
}

export type Scored = { score: number; reasons: MatchReason[] };

/**
 * Combines the signals into a score in [0, 1] and the reasons behind it. Each reason's `weight`
 * is its share of the score (positive reasons sum to 1); a structured mismatch (TRL too low,
 * over budget) is still reported, with weight 0, so the user sees why a match ranks lower.
 */
export function combine(s: Signals, lang: Lang): Scored {
  const parts: { code: MatchReason['code']; contribution: number; params: Record<string, string | number>; terms?: string[] }[] = [];
  const structured = Object.entries(s.structured ?? {}) as [StructuredKey, Fit][];
  const structuredWeightSum = structured.reduce((acc, [k]) => acc + STRUCTURED_WEIGHTS[k], 0) + (s.activity ? 0.3 : 0);
  const hasStructured = structuredWeightSum > 0;
  const scale = hasStructured ? 1 : 1 / (MATCH_WEIGHTS.semantic + MATCH_WEIGHTS.keyword);
  const semantic = Math.max(0, Math.min(1, s.semantic ?? 0));
  const keyword = Math.max(0, Math.min(1, s.keyword ?? 0));
  parts.push({ code: 'semantic', contribution: MATCH_WEIGHTS.semantic * scale * semantic, params: { similarity: semantic.toFixed(2) } });
  const terms = [...(s.sharedTerms ?? [])].slice(0, 8);
  parts.push({ code: 'shared_terms', contribution: MATCH_WEIGHTS.keyword * scale * keyword, params: { terms: terms.join(lang === 'zh' ? '、' : ', ') }, terms });
  for (const [k, fit] of structured) {
    parts.push({ code: k, contribution: (MATCH_WEIGHTS.structured * STRUCTURED_WEIGHTS[k] * fit.value) / structuredWeightSum, params: fit.params });
  }
  if (s.activity) {
    parts.push({ code: 'activity', contribution: (MATCH_WEIGHTS.structured * 0.3 * s.activity.value) / structuredWeightSum, params: s.activity.params });
  }
  const score = parts.reduce((acc, p) => acc + p.contribution, 0);
  const reasons: MatchReason[] = [];
  for (const p of parts.sort((a, b) => b.contribution - a.contribution)) {
    const mismatch = (p.code === 'trl' || p.code === 'budget') && p.contribution === 0;
    if (p.contribution <= 0 && !mismatch) {
      continue;
    }
    if (p.code === 'shared_terms' && (p.terms?.length ?? 0) === 0) {
      continue;
    }
    reasons.push({
      code: p.code,
      message: MESSAGES[lang][p.code](p.params),
      weight: score > 0 ? round(p.contribution / score) : 0,
      ...(p.terms ? { terms: p.terms } : {}),
    });
  }
  return { score: round(score), reasons };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Terms of the query the candidate also has, rarest first, and their idf-weighted share of the
 * query (the keyword signal when no BM25 engine is there).
 */
const BARE_NUMBER = /^[\d.,%]+$/;

export function sharedTerms(queryTokens: readonly string[], candidateTokens: readonly string[], idf: (t: string) => number): { terms: string[]; share: number } {
  const cand = new Set(candidateTokens);
  const q = [...new Set(queryTokens)];
  let total = 0;
  let hit = 0;
  const terms: { t: string; w: number }[] = [];
  for (const t of q) {
    // A bare number in common (30, 10, 1000) says nothing about fit.
    if (BARE_NUMBER.test(t)) {
      continue;
    }
    const w = idf(t) || 1;
    total += w;
    if (cand.has(t)) {
      hit += w;
      terms.push({ t, w });
    }
  }
  terms.sort((a, b) => b.w - a.w || b.t.length - a.t.length);
  return { terms: terms.map((x) => x.t), share: total > 0 ? hit / total : 0 };
}

import type { IpItem, Quality } from '#shared/contracts/achievements.contract';
import type { Lang } from '#shared/i18n/error-messages';

/** The fields the score reads (a listing is only as findable as it is complete). */
export type QualityInput = {
  abstract: string;
  keywords: string[];
  domainCode: string | null;
  industryCodes: string[];
  trl: number | null;
  trlEvidence: string | null;
  ip: IpItem[];
  team: unknown[];
  transferModes: string[];
  priceMode: 'negotiable' | 'fixed' | 'range';
  priceMinFen: number | null;
  comparison: string | null;
  applications: string | null;
  stale: boolean;
};

type Check = { code: string; weight: number; failed: (a: QualityInput) => boolean; zh: string; en: string };

// Weights add up to 100: each hint says what is missing and how much it costs.
const CHECKS: Check[] = [
  { code: 'abstract_short', weight: 12, failed: (a) => a.abstract.length < 200, zh: '摘要不足 200 字：说明解决了什么问题、怎么解决、效果如何', en: 'Abstract under 200 characters: say what problem it solves, how, and how well' },
  { code: 'no_figures', weight: 12, failed: (a) => !/\d/.test(a.abstract), zh: '摘要中没有任何量化指标（效率、成本、精度等数字）', en: 'No measured figures in the abstract (efficiency, cost, accuracy…)' },
  { code: 'no_comparison', weight: 12, failed: (a) => !a.comparison || a.comparison.length < 20, zh: '缺少与现有技术/竞品的对比', en: 'No comparison with incumbent technologies' },
  { code: 'no_ip', weight: 10, failed: (a) => a.ip.length === 0, zh: '未填写知识产权（专利、软件著作权或技术秘密）', en: 'No intellectual property listed (patents, software copyright or know-how)' },
  { code: 'patent_without_number', weight: 8, failed: (a) => a.ip.some((i) => (i.kind === 'patent' || i.kind === 'patent_application') && !i.number), zh: '专利缺少专利号/申请号', en: 'A patent has no patent or application number' },
  { code: 'no_trl', weight: 8, failed: (a) => a.trl === null, zh: '未评估技术成熟度（TRL 1–9）', en: 'No technology readiness level (TRL 1–9)' },
  { code: 'trl_without_evidence', weight: 6, failed: (a) => a.trl !== null && (!a.trlEvidence || a.trlEvidence.length < 10), zh: '技术成熟度缺少佐证（测试报告、样机、应用记录）', en: 'TRL given without evidence (test reports, prototypes, use records)' },
  { code: 'few_keywords', weight: 6, failed: (a) => a.keywords.length < 3, zh: '关键词少于 3 个', en: 'Fewer than 3 keywords' },
  { code: 'no_domain', weight: 5, failed: (a) => !a.domainCode, zh: '未选择技术领域', en: 'No technology domain' },
  { code: 'no_industry', weight: 5, failed: (a) => a.industryCodes.length === 0, zh: '未选择应用行业（GB/T 4754）', en: 'No industry (GB/T 4754)' },
  { code: 'no_transfer_mode', weight: 5, failed: (a) => a.transferModes.length === 0, zh: '未说明可接受的转化方式', en: 'No transfer modes offered' },
  { code: 'no_applications', weight: 4, failed: (a) => !a.applications, zh: '未描述应用场景', en: 'No application scenarios described' },
  { code: 'no_price_signal', weight: 3, failed: (a) => a.priceMode === 'negotiable' && a.priceMinFen === null, zh: '价格面议且未给出参考区间', en: 'Price negotiable without any indicative range' },
  { code: 'no_team', weight: 2, failed: (a) => a.team.length === 0, zh: '未列出成果完成团队', en: 'No team listed' },
  { code: 'stale', weight: 2, failed: (a) => a.stale, zh: '超过 12 个月未确认，请确认信息仍然有效', en: 'Not confirmed for over 12 months: confirm it is still current' },
];

/** Score 0–100 and concrete hints, heaviest first. Pure. */
export function scoreListing(a: QualityInput, lang: Lang): Quality {
  const failed = CHECKS.filter((c) => c.failed(a));
  const score = Math.max(0, 100 - failed.reduce((s, c) => s + c.weight, 0));
  return {
    score,
    hints: failed.sort((x, y) => y.weight - x.weight).map((c) => ({ code: c.code, message: lang === 'en' ? c.en : c.zh, weight: c.weight })),
  };
}

export const QUALITY_CHECK_CODES = CHECKS.map((c) => c.code);
export const QUALITY_TOTAL_WEIGHT = CHECKS.reduce((s, c) => s + c.weight, 0);

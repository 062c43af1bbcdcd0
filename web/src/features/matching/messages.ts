import type { MatchReason } from '#shared/contracts/search.contract';
import { defineMessages } from '../../shared/i18n/messages';

export const matchingMessages = defineMessages({
  zh: {
    problemTitle: '描述您的技术难题，为您匹配成果',
    problemPlaceholder: '例如：我们是一家电动工具企业，希望提升锂电池在低温环境下的放电性能，预算 50 万元以内……',
    problemSubmit: '匹配技术',
    problemHint: (n: number, max: number) => `${n} / ${max} 字`,
    results: '匹配结果',
    none: '没有找到匹配的成果，试着补充更多细节',
    score: (s: number) => `匹配度 ${formatScore(s)}`,
    reasons: {
      shared_terms: '共同关键词',
      semantic: '语义相近',
      domain: '领域相符',
      industry: '行业相符',
      trl: '成熟度',
      region: '地区',
      budget: '预算',
      activity: '活跃度',
    } satisfies Record<MatchReason['code'], string>,
    unavailable: '匹配服务暂不可用',
    matchingTitle: '匹配的技术成果',
  },
  en: {
    problemTitle: 'Describe your technical problem and get matched technologies',
    problemPlaceholder: 'e.g. We make power tools and need better lithium battery discharge at low temperature, budget under ¥500k…',
    problemSubmit: 'Match',
    problemHint: (n: number, max: number) => `${n} / ${max} characters`,
    results: 'Matches',
    none: 'No matching technologies; try adding detail',
    score: (s: number) => `Match ${formatScore(s)}`,
    reasons: {
      shared_terms: 'Shared terms',
      semantic: 'Similar meaning',
      domain: 'Domain fit',
      industry: 'Industry fit',
      trl: 'Readiness',
      region: 'Region',
      budget: 'Budget',
      activity: 'Activity',
    },
    unavailable: 'Matching is unavailable right now',
    matchingTitle: 'Matching technologies',
  },
});

/** Scores in [0, 1] as a percentage, anything else with two decimals. */
function formatScore(s: number): string {
  return s >= 0 && s <= 1 ? `${Math.round(s * 100)}%` : s.toFixed(2);
}

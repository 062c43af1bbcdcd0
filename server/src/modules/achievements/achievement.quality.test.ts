import { describe, expect, it } from 'vitest';
import { QUALITY_TOTAL_WEIGHT, scoreListing, type QualityInput } from './achievement.quality';

const complete: QualityInput = {
  abstract: '本成果提出一种高镍正极材料表面包覆工艺，'.repeat(12) + '循环 1000 次容量保持率 92%。',
  keywords: ['高镍正极', '包覆', '锂离子电池'],
  domainCode: 'TD08',
  industryCodes: ['3841'],
  trl: 6,
  trlEvidence: '中试线连续运行 3 个月，第三方检测报告编号 XXX。',
  ip: [{ kind: 'patent', number: 'ZL202310123456.7', patentType: 'invention', legalStatus: 'granted' }],
  team: [{ name: '陈教授' }],
  transferModes: ['LICENSE'],
  priceMode: 'range',
  priceMinFen: 50_000_000,
  comparison: '与现有湿法包覆相比能耗降低 30%，成本降低 15%。',
  applications: '动力电池、储能电池',
  stale: false,
};

describe('scoreListing', () => {
  it('gives a complete listing 100 and no hints', () => {
    expect(scoreListing(complete, 'zh')).toEqual({ score: 100, hints: [] });
  });
  it('weights add up to 100', () => {
    expect(QUALITY_TOTAL_WEIGHT).toBe(100);
  });
  it('names what is missing, heaviest first, in the asked language', () => {
    const q = scoreListing({ ...complete, abstract: '一种新材料。', comparison: null, ip: [{ kind: 'patent' }] }, 'en');
    expect(q.hints.map((h) => h.code)).toEqual(['abstract_short', 'no_figures', 'no_comparison', 'patent_without_number']);
    expect(q.score).toBe(100 - 12 - 12 - 12 - 8);
    expect(q.hints[0]!.message).toMatch(/Abstract/);
  });
  it('flags stale listings and TRL without evidence', () => {
    const q = scoreListing({ ...complete, stale: true, trlEvidence: null }, 'zh');
    expect(q.hints.map((h) => h.code)).toEqual(['trl_without_evidence', 'stale']);
  });
  it('never goes below zero', () => {
    const empty: QualityInput = { abstract: 'x', keywords: [], domainCode: null, industryCodes: [], trl: null, trlEvidence: null, ip: [], team: [], transferModes: [], priceMode: 'negotiable', priceMinFen: null, comparison: null, applications: null, stale: true };
    expect(scoreListing(empty, 'zh').score).toBeGreaterThanOrEqual(0);
  });
});

import { describe, expect, it } from 'vitest';
import { excerpt, toSearchDocument } from './achievements.mapper';
import type { AchievementRow } from './achievements.repo';
import { createCodeChecker } from './search-index';

const row = {
  id: '55555555-5555-4555-8555-555555555555',
  chainId: 'TNA2026ABCDEFGHJK',
  externalId: 'X-1',
  ownerOrgId: '22222222-2222-4222-8222-222222222222',
  title: '高镍正极材料表面包覆工艺',
  abstract: '循环 1000 次容量保持率 92%。',
  detail: '保密：包覆配方与烧结曲线',
  keywords: ['高镍正极'],
  domainCode: 'TD07',
  industryCodes: ['3841'],
  discipline: '材料科学',
  trl: 6,
  trlEvidence: null,
  ip: [{ kind: 'patent', number: 'ZL202310123456.7', patentType: 'invention', title: '一种包覆方法' }],
  team: [{ name: '陈教授', userId: '66666666-6666-4666-8666-666666666666' }],
  regionCode: '110108',
  funding: null,
  awards: [],
  transferModes: ['LICENSE'],
  priceMode: 'range',
  priceMinFen: 1,
  priceMaxFen: 2,
  openLicence: true,
  dualUse: false,
  exportControlled: false,
  comparison: '能耗降低 30%',
  applications: null,
  status: 'published',
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  confirmedAt: new Date('2026-01-01T00:00:00Z'),
} as unknown as AchievementRow;

describe('toSearchDocument', () => {
  it('carries public text and facets, never the NDA-gated detail', () => {
    const doc = toSearchDocument(row, { id: row.ownerOrgId, name: '测试大学', regionCode: '110108', isTechTransferOrg: true, status: 'verified' });
    expect(doc).toMatchObject({ id: row.id, kind: 'achievement', title: row.title, keywords: ['高镍正极'] });
    expect(doc.text).toContain('容量保持率');
    expect(doc.text).toContain('一种包覆方法');
    expect(JSON.stringify(doc)).not.toContain('保密');
    expect(doc.meta).toMatchObject({ domainCode: 'TD07', trl: 6, openLicence: true, ipKinds: ['patent'], patentTypes: ['invention'], ownerOrgName: '测试大学' });
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text on a character boundary', () => {
    expect(excerpt('短文本', 5)).toBe('短文本');
    expect(excerpt('一二三四五六', 3)).toBe('一二三…');
    expect(excerpt('😀😀😀', 2)).toBe('😀😀…');
  });
});

describe('createCodeChecker', () => {
  it('returns the unknown codes and loads each list once', async () => {
    let loads = 0;
    const check = createCodeChecker(async (name) => {
      loads++;
      return { items: name === 'industries' ? [{ code: '3841' }] : [{ code: 'TD01' }] };
    });
    expect(await check('industries', ['3841', '9999'])).toEqual(['9999']);
    expect(await check('industries', ['3841'])).toEqual([]);
    expect(await check('technology-domains', ['TD99'])).toEqual(['TD99']);
    expect(await check('technology-domains', [])).toEqual([]);
    expect(loads).toBe(2);
  });
  it('tries again after a failed load', async () => {
    let calls = 0;
    const check = createCodeChecker(async () => {
      calls++;
      if (calls === 1) {
        throw new Error('db down');
      }
      return { items: [{ code: 'TD01' }] };
    });
    await expect(check('technology-domains', ['TD01'])).rejects.toThrow('db down');
    expect(await check('technology-domains', ['TD01'])).toEqual([]);
  });
});

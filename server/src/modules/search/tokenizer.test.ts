import { describe, expect, it } from 'vitest';
import { createAnalyser, KEYWORD_BOOST, TITLE_BOOST, wordsFromNames } from './analyser';
import { bigramTokens, charBigrams } from './bigrams';
import { normaliseText } from './normalize';
import { createTokenizer } from './tokenizer';

describe('normaliseText', () => {
  it('turns full-width letters, digits and punctuation half-width and lower-cases', () => {
    expect(normaliseText('ＧＰＳ定位１２３，ＡＢＣ')).toBe('gps定位123,abc');
  });
  it('joins typeset decimal groups', () => {
    expect(normaliseText('0.093 6')).toBe('0.0936');
  });
});

describe('tokenizer', () => {
  const tok = createTokenizer();
  it('cuts Chinese in search mode (long words also give their sub-words) and drops stop words', () => {
    const t = tok.tokenize('本文提出了一种新能源汽车的电池管理系统');
    expect(t).toEqual(expect.arrayContaining(['新能源', '汽车', '电池', '管理', '系统']));
    expect(t).not.toContain('的');
    expect(t).not.toContain('本文');
  });
  it('keeps Latin words and decimal numbers whole and normalised', () => {
    expect(tok.tokenize('ＧＳＴ为0.093 6')).toEqual(['gst', '0.0936']);
  });
  it('is deterministic', () => {
    const text = '基于深度学习的遥感影像语义分割方法';
    expect(tok.tokenize(text)).toEqual(tok.tokenize(text));
  });
  it('learns user-dictionary words and changes its version', () => {
    const local = createTokenizer();
    const before = local.dictionaryVersion();
    expect(local.tokenize('钙钛矿叠层电池')).not.toContain('钙钛矿叠层');
    local.addWords(['钙钛矿叠层']);
    expect(local.tokenize('钙钛矿叠层电池')).toContain('钙钛矿叠层');
    expect(local.dictionaryVersion()).not.toBe(before);
  });
  it('indexes bigrams of runs the dictionary cannot group', () => {
    expect(charBigrams('遗传多样')).toEqual(['遗传', '传多', '多样']);
    expect(bigramTokens('遗传ab12')).toEqual(['遗传', 'ab12']);
  });
});

describe('analyser', () => {
  it('boosts title and keyword tokens by repetition and keeps whole keywords', () => {
    const an = createAnalyser();
    const tokens = an.analyseDocument({ title: '硬碳负极', keywords: ['钠离子电池硬碳'], body: '生物质制备' });
    const count = (t: string) => tokens.filter((x) => x === t).length;
    expect(count('负极')).toBe(TITLE_BOOST);
    expect(count('钠离子电池硬碳')).toBe(KEYWORD_BOOST);
    expect(count('生物质')).toBe(1);
  });
  it('gives distinct query terms, capped', () => {
    const an = createAnalyser();
    expect(an.analyseQuery('电池 电池 电池')).toEqual(['电池']);
    expect(an.analyseQuery('的 了 和')).toEqual([]);
    expect(an.analyseQuery(Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '))).toHaveLength(64);
  });
  it('splits code-list names into dictionary words', () => {
    expect(wordsFromNames(['农、林、牧、渔业', '计算机、通信和其他电子设备制造业'])).toEqual(expect.arrayContaining(['渔业', '计算机', '通信', '其他电子设备制造业']));
  });
});

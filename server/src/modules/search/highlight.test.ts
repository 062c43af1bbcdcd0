import { describe, expect, it } from 'vitest';
import { fragmentOf, matchRanges } from './highlight';

const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('matchRanges', () => {
  it('finds every occurrence, merging overlaps', () => {
    const text = '锂电池与钠离子电池';
    expect(marked(text, matchRanges(text, ['电池']))).toEqual(['电池', '电池']);
    expect(marked(text, matchRanges(text, ['钠离子', '离子电池']))).toEqual(['钠离子电池']);
  });
  it('maps offsets of full-width and upper-case text back to the original', () => {
    const text = '基于ＧＰＳ的定位';
    expect(marked(text, matchRanges(text, ['gps']))).toEqual(['ＧＰＳ']);
  });
  it('counts astral characters in UTF-16 units', () => {
    const text = '𠀀电池';
    expect(matchRanges(text, ['电池'])).toEqual([[2, 4]]);
  });
});

describe('fragmentOf', () => {
  it('returns short text whole', () => {
    expect(fragmentOf('短文本电池', ['电池'])).toEqual({ text: '短文本电池', ranges: [[3, 5]] });
  });
  it('cuts a window around the matches with ellipses and shifted ranges', () => {
    const text = `${'无关内容'.repeat(100)}关键的钙钛矿技术${'其他'.repeat(100)}`;
    const f = fragmentOf(text, ['钙钛矿'], 60);
    expect(f.text.startsWith('…')).toBe(true);
    expect(f.text.endsWith('…')).toBe(true);
    expect(marked(f.text, f.ranges)).toEqual(['钙钛矿']);
    expect(f.text.length).toBeLessThanOrEqual(62);
  });
  it('starts at the beginning without a match', () => {
    const f = fragmentOf('甲'.repeat(300), ['乙'], 50);
    expect(f.text).toBe(`${'甲'.repeat(50)}…`);
    expect(f.ranges).toEqual([]);
  });
});

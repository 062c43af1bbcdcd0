import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks the given ranges and keeps the text between them', () => {
    expect(
      highlightSegments('锂电池正极材料', [
        [0, 3],
        [5, 7],
      ]),
    ).toEqual([
      { text: '锂电池', mark: true },
      { text: '正极', mark: false },
      { text: '材料', mark: true },
    ]);
  });

  it('returns the whole text unmarked when there are no ranges', () => {
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(highlightSegments('', [])).toEqual([{ text: '', mark: false }]);
  });

  it('sorts, merges overlapping and touching ranges, and clamps them to the text', () => {
    expect(
      highlightSegments('0123456789', [
        [6, 20],
        [2, 4],
        [3, 5],
        [5, 6],
      ]),
    ).toEqual([
      { text: '01', mark: false },
      { text: '23456789', mark: true },
    ]);
    expect(highlightSegments('abc', [[-5, 1]])).toEqual([
      { text: 'a', mark: true },
      { text: 'bc', mark: false },
    ]);
  });

  it('drops empty, reversed and non-integer ranges', () => {
    expect(
      highlightSegments('abcdef', [
        [2, 2],
        [4, 1],
        [1.5, 3],
        [Number.NaN, 2],
      ]),
    ).toEqual([{ text: 'abcdef', mark: false }]);
  });

  it('treats markup in the text as text (the renderer never parses HTML)', () => {
    const segments = highlightSegments('<script>alert(1)</script>石墨烯', [[25, 28]]);
    expect(segments).toEqual([
      { text: '<script>alert(1)</script>', mark: false },
      { text: '石墨烯', mark: true },
    ]);
  });
});

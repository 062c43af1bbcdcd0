import { describe, expect, it } from 'vitest';
import { drillCrumbs, positionalAncestry } from './drill';

describe('positionalAncestry', () => {
  it('derives province and city from the code', () => {
    expect(positionalAncestry('440305')).toEqual(['440000', '440300', '440305']);
    expect(positionalAncestry('440300')).toEqual(['440000', '440300']);
    expect(positionalAncestry('110000')).toEqual(['110000']);
    expect(positionalAncestry('000000')).toEqual([]);
    expect(positionalAncestry('abc')).toEqual([]);
  });
});

describe('drillCrumbs', () => {
  it('lists every level below the nation', () => {
    expect(drillCrumbs(null, '440305', ['440000', '440300', '440305'])).toEqual(['440000', '440300', '440305']);
    expect(drillCrumbs(null, null, [])).toEqual([]);
  });

  it('follows the code list where a level is missing (municipality counties hang on the province)', () => {
    expect(drillCrumbs(null, '110105', ['110000', '110105'])).toEqual(['110000', '110105']);
  });

  it('falls back to the code positions when the code list has not answered or disagrees', () => {
    expect(drillCrumbs(null, '440305', [])).toEqual(['440000', '440300', '440305']);
    expect(drillCrumbs(null, '440305', ['440000'])).toEqual(['440000', '440300', '440305']);
  });

  it('starts below a regional user’s own region and never shows what is outside it', () => {
    expect(drillCrumbs('440000', '440305', ['440000', '440300', '440305'])).toEqual(['440300', '440305']);
    expect(drillCrumbs('440000', '440000', ['440000'])).toEqual([]);
    expect(drillCrumbs('440300', '440305', ['440000', '440300', '440305'])).toEqual(['440305']);
  });
});

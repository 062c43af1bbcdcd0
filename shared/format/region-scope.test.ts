import { describe, expect, it } from 'vitest';
import { isWithinRegion, provinceCodeOf, regionLevelOf, regionPrefix } from './region-scope';

describe('regionLevelOf', () => {
  it('reads the level from the code', () => {
    expect(regionLevelOf('440000')).toBe('province');
    expect(regionLevelOf('440300')).toBe('city');
    expect(regionLevelOf('440305')).toBe('county');
  });
});

describe('isWithinRegion', () => {
  it('covers a province, its cities and counties', () => {
    expect(isWithinRegion('440000', '440000')).toBe(true);
    expect(isWithinRegion('440000', '440300')).toBe(true);
    expect(isWithinRegion('440000', '440305')).toBe(true);
  });
  it('never covers a neighbouring province', () => {
    expect(isWithinRegion('440000', '450100')).toBe(false);
    expect(isWithinRegion('110000', '120101')).toBe(false);
  });
  it('keeps a city inside its own counties', () => {
    expect(isWithinRegion('440300', '440305')).toBe(true);
    expect(isWithinRegion('440300', '440106')).toBe(false);
    expect(isWithinRegion('440300', '440000')).toBe(false);
  });
  it('treats a county as covering only itself', () => {
    expect(isWithinRegion('440305', '440305')).toBe(true);
    expect(isWithinRegion('440305', '440306')).toBe(false);
  });
  it('rejects malformed codes', () => {
    expect(isWithinRegion('44', '440305')).toBe(false);
    expect(isWithinRegion('440000', "44' or 1=1")).toBe(false);
  });
  it('gives prefixes and provinces', () => {
    expect(regionPrefix('110000')).toBe('11');
    expect(regionPrefix('420100')).toBe('4201');
    expect(provinceCodeOf('420111')).toBe('420000');
  });
});

import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, withCreditCodeCheckChar } from './credit-code';

describe('isValidCreditCode (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('9144030071526726XG')).toBe(true);
    expect(isValidCreditCode('91110000802100433B')).toBe(true);
  });
  it('accepts lower case input', () => {
    expect(isValidCreditCode('9144030071526726xg')).toBe(true);
  });
  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('9144030071526726XH')).toBe(false);
  });
  it('rejects letters outside the alphabet and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });
  it('builds valid codes from a body', () => {
    const code = withCreditCodeCheckChar('12110108ABCDEFGH1');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar('12110108ABCDEFGHI')).toBeNull();
  });
});

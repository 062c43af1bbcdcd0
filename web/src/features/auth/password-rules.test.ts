import { describe, expect, it } from 'vitest';
import { passwordRuleStatus } from './password-rules';
import { tokenState } from './token-state';

describe('passwordRuleStatus', () => {
  it('reports each contract rule separately', () => {
    expect(passwordRuleStatus('')).toEqual({ length: false, letter: false, digit: false });
    expect(passwordRuleStatus('abc')).toEqual({ length: false, letter: true, digit: false });
    expect(passwordRuleStatus('1234567890')).toEqual({ length: true, letter: false, digit: true });
    expect(passwordRuleStatus('Register2026!ok')).toEqual({ length: true, letter: true, digit: true });
  });

  it('fails the length rule above the maximum too', () => {
    expect(passwordRuleStatus(`a1${'x'.repeat(200)}`).length).toBe(false);
  });
});

describe('tokenState', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');

  it('tells active, expired and revoked tokens apart', () => {
    expect(tokenState({ revokedAt: null, expiresAt: '2026-07-01T00:00:00Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: '2026-05-02T00:00:00Z', expiresAt: '2026-07-01T00:00:00Z' }, now)).toBe('revoked');
  });
});

import { PasswordSchema } from '#shared/contracts/auth.contract';

export const PASSWORD_RULES = ['length', 'letter', 'digit'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/**
 * Which password rules a candidate meets, read from the contract's PasswordSchema so the checklist
 * can never disagree with the server. (The common-password denylist is only checked server-side.)
 */
export function passwordRuleStatus(password: string): Record<PasswordRule, boolean> {
  const result = PasswordSchema.safeParse(password);
  const issues = result.success ? [] : result.error.issues;
  return {
    length: !issues.some((i) => i.code === 'too_small' || i.code === 'too_big'),
    letter: !issues.some((i) => i.code === 'invalid_format' && i.message === 'needs a letter'),
    digit: !issues.some((i) => i.code === 'invalid_format' && i.message === 'needs a digit'),
  };
}

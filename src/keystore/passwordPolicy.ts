// The eHealth Certificate Manager's keystore password policy: four rules, each reported on its own
// so a face can show them live (at least 8 characters, a digit or symbol, ASCII only because Java
// refuses other keystore passwords, confirmation equal).
import { PasswordPolicyViolation } from './errors';

export type PasswordRule = 'min-length' | 'digit-or-symbol' | 'ascii-only' | 'confirmation';

export interface PasswordRuleResult {
  rule: PasswordRule;
  ok: boolean;
}

export const minimumPasswordLength = 8;

export function checkPasswordPolicy(password: string, confirmation: string): PasswordRuleResult[] {
  return [
    { rule: 'min-length', ok: password.length >= minimumPasswordLength },
    { rule: 'digit-or-symbol', ok: /[0-9!-/:-@[-`{-~]/.test(password) },
    { rule: 'ascii-only', ok: /^[\x20-\x7e]*$/.test(password) },
    { rule: 'confirmation', ok: password === confirmation },
  ];
}

export function failedRules(password: string, confirmation: string): PasswordRule[] {
  return checkPasswordPolicy(password, confirmation).filter((result) => !result.ok).map((result) => result.rule);
}

/** The new keystore password, if it meets the policy; PasswordPolicyViolation naming each rule it breaks. */
export function checkNewPassword(password: string, confirmation = password): string {
  const failures = failedRules(password, confirmation);
  if (failures.length) throw new PasswordPolicyViolation(failures);
  return password;
}

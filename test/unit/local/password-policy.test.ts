import { describe, expect, it } from 'vitest';
import { passwordPolicyViolation } from '#local/emulators/password-policy.ts';

const PLATFORM_POLICY = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };

describe('passwordPolicyViolation (what Cognito refuses as a new password)', () => {
  it('accepts a password that meets every rule', () => {
    expect(passwordPolicyViolation('Long-enough-and-mixed-1', PLATFORM_POLICY)).toBeUndefined();
    expect(passwordPolicyViolation('With space 1A lower', PLATFORM_POLICY)).toBeUndefined();
  });

  it.each([
    ['Short-1a', 'Password not long enough'],
    ['NO-LOWERCASE-AT-ALL-1', 'Password must have lowercase characters'],
    ['no-uppercase-at-all-1', 'Password must have uppercase characters'],
    ['No-numbers-at-all-here', 'Password must have numeric characters'],
    ['NoSymbolsAtAllHere123', 'Password must have symbol characters'],
  ])('refuses %s: %s', (password, reason) => {
    expect(passwordPolicyViolation(password, PLATFORM_POLICY)).toBe(`Password does not conform to policy: ${reason}`);
  });

  it('requires only what a policy sets', () => {
    expect(passwordPolicyViolation('alllowercaseletters', { MinimumLength: 10 })).toBeUndefined();
    expect(passwordPolicyViolation('short', { MinimumLength: 10 })).toBe('Password does not conform to policy: Password not long enough');
  });

  it("applies Cognito's defaults to a pool without a policy", () => {
    expect(passwordPolicyViolation('Aa1!aaaa', undefined)).toBeUndefined();
    expect(passwordPolicyViolation('Aa1aaaaa', undefined)).toBe('Password does not conform to policy: Password must have symbol characters');
    expect(passwordPolicyViolation('Aa1!aaa', undefined)).toBe('Password does not conform to policy: Password not long enough');
  });
});

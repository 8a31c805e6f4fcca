export interface PasswordPolicy {
  readonly MinimumLength?: number;
  readonly RequireUppercase?: boolean;
  readonly RequireLowercase?: boolean;
  readonly RequireNumbers?: boolean;
  readonly RequireSymbols?: boolean;
}

/** Cognito's special characters; the space counts as one too. */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** What Cognito applies to a pool created without a password policy. */
const POOL_DEFAULT: Required<PasswordPolicy> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

const has = (password: string, test: (c: string) => boolean) => [...password].some(test);

/**
 * Why Cognito would refuse `password` under the pool's `policy`, in
 * Cognito's words, or undefined when it conforms.
 */
export function passwordPolicyViolation(password: string, policy: PasswordPolicy | undefined): string | undefined {
  const rules = policy
    ? {
        MinimumLength: policy.MinimumLength ?? POOL_DEFAULT.MinimumLength,
        RequireUppercase: policy.RequireUppercase ?? false,
        RequireLowercase: policy.RequireLowercase ?? false,
        RequireNumbers: policy.RequireNumbers ?? false,
        RequireSymbols: policy.RequireSymbols ?? false,
      }
    : POOL_DEFAULT;
  const checks: [broken: boolean, reason: string][] = [
    [[...password].length < rules.MinimumLength, 'Password not long enough'],
    [rules.RequireLowercase && !has(password, (c) => c >= 'a' && c <= 'z'), 'Password must have lowercase characters'],
    [rules.RequireUppercase && !has(password, (c) => c >= 'A' && c <= 'Z'), 'Password must have uppercase characters'],
    [rules.RequireNumbers && !has(password, (c) => c >= '0' && c <= '9'), 'Password must have numeric characters'],
    [rules.RequireSymbols && !has(password, (c) => SYMBOLS.has(c)), 'Password must have symbol characters'],
  ];
  const reason = checks.find(([broken]) => broken)?.[1];
  return reason && `Password does not conform to policy: ${reason}`;
}

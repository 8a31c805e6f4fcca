import { MAX_BUCKET_PREFIX_LENGTH } from '#shared/customers/template-contract.ts';
import { billingRatesFrom, DEFAULT_BILLING_RATES, type BillingRates } from '#shared/billing/rates.ts';
import { referenceDataPrefixProblems } from '#shared/worksets/reference-data.ts';

/** How Cognito asks for a second factor (TOTP only; SMS is never offered). */
export type MfaMode = 'OFF' | 'OPTIONAL' | 'REQUIRED';

/** Every `cdk.json` / `-c` context key the Portico app reads. */
export const CONTEXT_KEYS = {
  stackName: 'portico:stackName',
  environment: 'portico:environment',
  costCenter: 'portico:costCenter',
  project: 'portico:project',
  logRetentionDays: 'portico:logRetentionDays',
  logLevel: 'portico:logLevel',
  deletionProtection: 'portico:deletionProtection',
  mfa: 'portico:mfa',
  throttleRateLimit: 'portico:throttleRateLimit',
  throttleBurstLimit: 'portico:throttleBurstLimit',
  corsAllowOrigins: 'portico:corsAllowOrigins',
  bucketPrefix: 'portico:bucketPrefix',
  noncurrentVersionDays: 'portico:noncurrentVersionDays',
  apiGatewayCloudWatchRole: 'portico:apiGatewayCloudWatchRole',
  referenceDataPrefixes: 'portico:referenceDataPrefixes',
  activateCostTags: 'portico:activateCostTags',
  costCategory: 'portico:costCategory',
  billingRates: 'portico:billingRates',
  alarmEmail: 'portico:alarmEmail',
} as const;

/** Typed, validated deployment settings, read once from the CDK context. */
export interface PorticoConfig {
  /**
   * Name of the platform CloudFormation stack.
   * @default 'Portico'
   */
  readonly stackName: string;
  /**
   * Deployment environment; becomes the `Environment` tag and `PORTICO_ENVIRONMENT`.
   * @default 'dev'
   */
  readonly environment: string;
  /**
   * `CostCenter` tag of platform resources.
   * @default 'platform'
   */
  readonly costCenter: string;
  /**
   * `Project` tag of platform resources.
   * @default 'portico'
   */
  readonly project: string;
  /**
   * Retention of every function and API log group, in days (a CloudWatch retention value).
   * @default 30
   */
  readonly logRetentionDays: number;
  /**
   * `POWERTOOLS_LOG_LEVEL` of every function.
   * @default 'INFO'
   */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Deletion protection of the tables and the user pool.
   * @default true
   */
  readonly deletionProtection: boolean;
  /**
   * Cognito MFA mode (TOTP).
   * @default 'OPTIONAL'
   */
  readonly mfa: MfaMode;
  /**
   * Default stage throttling: steady requests per second.
   * @default 50
   */
  readonly throttleRateLimit: number;
  /**
   * Default stage throttling: burst.
   * @default 100
   */
  readonly throttleBurstLimit: number;
  /**
   * Origins allowed by CORS on the API and on customer buckets (context: comma-separated list).
   * @default ['*']
   */
  readonly corsAllowOrigins: readonly string[];
  /**
   * Literal prefix of customer bucket names (`<prefix>-<customer_id>`); `undefined`
   * means `portico-<AWS::AccountId>`, resolved by CloudFormation in each stack.
   * @default undefined
   */
  readonly bucketPrefix: string | undefined;
  /**
   * Days after which noncurrent object versions expire in new customer buckets.
   * @default 30
   */
  readonly noncurrentVersionDays: number;
  /**
   * Whether the stack sets the account-level API Gateway CloudWatch role that access
   * and execution logging need. Turn off when the account already has one.
   * @default true
   */
  readonly apiGatewayCloudWatchRole: boolean;
  /**
   * `s3://bucket/folder/` prefixes of shared reference data every customer's worksets may read
   * besides their own bucket (`REFERENCE_DATA_PREFIXES` of the submission function).
   * @default []
   */
  readonly referenceDataPrefixes: readonly string[];
  /**
   * Whether every deploy activates the cost-allocation tags through Cost Explorer (a
   * custom resource). Activation only works in the payer (management) account: turn it
   * off in a member account and activate the tags in the payer account.
   * @default true
   */
  readonly activateCostTags: boolean;
  /**
   * Whether the stack creates the `<project>-customers` Cost Category, whose value is a
   * resource's `Customer` tag (`shared-platform` without one). One per payer account.
   * @default false
   */
  readonly costCategory: boolean;
  /**
   * Rates of the billing export (see shared/billing/rates.ts), as JSON text or an object.
   * @default the defaults of shared/billing/rates.ts (storage at S3 Standard's list price, everything else 0)
   */
  readonly billingRates: BillingRates;
  /**
   * Email address subscribed to the alarm topic.
   * @default none: subscribe to the topic yourself
   */
  readonly alarmEmail?: string;
}

/** CloudWatch Logs accepts only these retention values. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Reads one context value; `undefined` when absent. */
export type ContextReader = (key: string) => unknown;

/** A context value as text: CLI `-c` values are strings, cdk.json values keep their JSON type. */
function asText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return JSON.stringify(raw);
}

export class ConfigError extends Error {
  constructor(problems: readonly string[]) {
    super(`Invalid Portico context:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Returns why a literal bucket prefix is unusable, or `undefined` when it is fine.
 * Customer buckets are named `<prefix>-<customer_id>`, so the prefix must itself be a
 * valid start of an S3 bucket name and leave room for the longest customer id.
 */
export function bucketPrefixProblem(prefix: string): string | undefined {
  if (prefix.length === 0) return 'must not be empty';
  if (prefix.length > MAX_BUCKET_PREFIX_LENGTH) {
    return `must be at most ${MAX_BUCKET_PREFIX_LENGTH} characters (is ${prefix.length})`;
  }
  if (!/^[a-z][a-z0-9-]*$/.test(prefix)) return 'must start with a lowercase letter and contain only [a-z0-9-]';
  if (prefix.endsWith('-')) return "must not end with '-' (a '-' separates it from the customer id)";
  if (prefix.startsWith('xn--') || prefix.startsWith('sthree-')) return "must not start with a reserved prefix ('xn--', 'sthree-')";
  return undefined;
}

/** Reads and validates the Portico context; throws a ConfigError listing every problem. */
export function readConfig(read: ContextReader): PorticoConfig {
  const problems: string[] = [];

  const text = (key: string, fallback: string, pattern: RegExp, hint: string): string => {
    const raw = read(key);
    if (raw === undefined || raw === null) return fallback;
    const value = asText(raw);
    if (!pattern.test(value)) problems.push(`${key} ${hint} (got ${JSON.stringify(raw)})`);
    return value;
  };
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const raw = read(key);
    if (raw === undefined || raw === null) return fallback;
    const value = typeof raw === 'number' ? raw : Number(asText(raw));
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${key} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const raw = read(key);
    if (raw === undefined || raw === null) return fallback;
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    problems.push(`${key} must be true or false (got ${JSON.stringify(raw)})`);
    return fallback;
  };
  const oneOf = <T extends string>(key: string, fallback: T, values: readonly T[]): T => {
    const raw = read(key);
    if (raw === undefined || raw === null) return fallback;
    const value = asText(raw).toUpperCase();
    const match = values.find((v) => v === value);
    if (!match) {
      problems.push(`${key} must be one of ${values.join(', ')} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return match;
  };

  // Tag values: letters, digits, spaces and _ . : / = + - @ (the characters AWS tags accept).
  const tagValue = /^[\p{L}\p{N} _.:/=+\-@]{1,256}$/u;
  const stackName = text(CONTEXT_KEYS.stackName, 'Portico', /^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a CloudFormation stack name');
  const environment = text(CONTEXT_KEYS.environment, 'dev', tagValue, 'must be a non-empty tag value');
  const costCenter = text(CONTEXT_KEYS.costCenter, 'platform', tagValue, 'must be a non-empty tag value');
  const project = text(CONTEXT_KEYS.project, 'portico', tagValue, 'must be a non-empty tag value');

  const logRetentionDays = integer(CONTEXT_KEYS.logRetentionDays, 30, 1, 3653);
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(logRetentionDays)) {
    problems.push(`${CONTEXT_KEYS.logRetentionDays} must be one of ${LOG_RETENTION_DAYS.join(', ')} (got ${logRetentionDays})`);
  }
  const logLevel = oneOf(CONTEXT_KEYS.logLevel, 'INFO', ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const);
  const deletionProtection = bool(CONTEXT_KEYS.deletionProtection, true);
  const mfa = oneOf<MfaMode>(CONTEXT_KEYS.mfa, 'OPTIONAL', ['OFF', 'OPTIONAL', 'REQUIRED']);
  // Per method, for all callers together: above the largest plan's rate, so the stage never throttles a customer its plan allows.
  const throttleRateLimit = integer(CONTEXT_KEYS.throttleRateLimit, 1_000, 1, 10_000);
  const throttleBurstLimit = integer(CONTEXT_KEYS.throttleBurstLimit, 2_000, 1, 5_000);
  const noncurrentVersionDays = integer(CONTEXT_KEYS.noncurrentVersionDays, 30, 1, 36_500);
  const apiGatewayCloudWatchRole = bool(CONTEXT_KEYS.apiGatewayCloudWatchRole, true);
  const activateCostTags = bool(CONTEXT_KEYS.activateCostTags, true);
  const costCategory = bool(CONTEXT_KEYS.costCategory, false);

  const originsRaw = read(CONTEXT_KEYS.corsAllowOrigins);
  const corsAllowOrigins =
    originsRaw === undefined || originsRaw === null
      ? ['*']
      : (Array.isArray(originsRaw) ? originsRaw.map(asText) : asText(originsRaw).split(','))
          .map((o) => o.trim())
          .filter((o) => o.length > 0);
  if (corsAllowOrigins.length === 0) problems.push(`${CONTEXT_KEYS.corsAllowOrigins} must name at least one origin or '*'`);
  if (corsAllowOrigins.includes('*') && corsAllowOrigins.length > 1) {
    problems.push(`${CONTEXT_KEYS.corsAllowOrigins} cannot mix '*' with explicit origins`);
  }
  for (const origin of corsAllowOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s,]+$/.test(origin)) {
      problems.push(`${CONTEXT_KEYS.corsAllowOrigins}: ${JSON.stringify(origin)} is not an origin (scheme://host[:port])`);
    }
  }

  const prefixRaw = read(CONTEXT_KEYS.bucketPrefix);
  let bucketPrefix: string | undefined;
  if (prefixRaw !== undefined && prefixRaw !== null && asText(prefixRaw) !== '') {
    bucketPrefix = asText(prefixRaw);
    const problem = bucketPrefixProblem(bucketPrefix);
    if (problem) problems.push(`${CONTEXT_KEYS.bucketPrefix} ${problem} (got ${JSON.stringify(prefixRaw)})`);
  }

  const referenceRaw = read(CONTEXT_KEYS.referenceDataPrefixes);
  const referenceDataPrefixes =
    referenceRaw === undefined || referenceRaw === null
      ? []
      : (Array.isArray(referenceRaw) ? referenceRaw.map(asText) : asText(referenceRaw).split(',')).map((p) => p.trim()).filter((p) => p !== '');
  for (const prefix of referenceDataPrefixes) {
    for (const problem of referenceDataPrefixProblems(prefix)) problems.push(`${CONTEXT_KEYS.referenceDataPrefixes}: ${problem}`);
  }

  const ratesRaw = read(CONTEXT_KEYS.billingRates);
  let billingRates = DEFAULT_BILLING_RATES;
  if (ratesRaw !== undefined && ratesRaw !== null) {
    try {
      billingRates = billingRatesFrom(typeof ratesRaw === 'string' ? ratesRaw : JSON.stringify(ratesRaw));
    } catch (error) {
      problems.push(`${CONTEXT_KEYS.billingRates}: ${(error as Error).message}`);
    }
  }
  const emailRaw = read(CONTEXT_KEYS.alarmEmail);
  const alarmEmail = emailRaw === undefined || emailRaw === null || asText(emailRaw) === '' ? undefined : asText(emailRaw);
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) problems.push(`${CONTEXT_KEYS.alarmEmail} must be an email address`);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    billingRates,
    ...(alarmEmail ? { alarmEmail } : {}),
    stackName,
    environment,
    costCenter,
    project,
    logRetentionDays,
    logLevel,
    deletionProtection,
    mfa,
    throttleRateLimit,
    throttleBurstLimit,
    corsAllowOrigins,
    bucketPrefix,
    noncurrentVersionDays,
    apiGatewayCloudWatchRole,
    referenceDataPrefixes,
    activateCostTags,
    costCategory,
  };
}

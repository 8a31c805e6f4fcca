/**
 * The contract between the per-customer CloudFormation template (built in
 * `lib/customer-template/`) and the code that creates stacks from it (the
 * CloudFormation provisioner in AWS, the local provisioner in `local/`).
 */
export const TEMPLATE_PARAMETERS = {
  customerId: 'CustomerId',
  costCenter: 'CostCenter',
  billingAccount: 'BillingAccount',
  environment: 'Environment',
  noncurrentVersionDays: 'NoncurrentVersionExpirationDays',
  /**
   * The customer's plan: its API key goes in that plan's usage plan (the rate limits),
   * whose id the template imports from the platform stack's exports.
   */
  plan: 'Plan',
} as const;

/**
 * The value of a customer's API key, derived from its id so the authorizer can name
 * the key without a lookup. API Gateway takes 20 to 128 alphanumeric characters
 * ("Usage plans and API keys for REST APIs in API Gateway"): customer ids are
 * `[a-z0-9-]`, so each '-' becomes 'X', which no id contains (one id, one value), and
 * the prefix brings the shortest id (10 characters) to 25. The customer template
 * computes the same value from its CustomerId parameter (split on '-', joined with 'X').
 */
export const API_KEY_VALUE_PREFIX = 'PorticoCustomer';
export const API_KEY_DASH = 'X';

export function customerApiKeyValue(customerId: string): string {
  return `${API_KEY_VALUE_PREFIX}${customerId.split('-').join(API_KEY_DASH)}`;
}

export const TEMPLATE_OUTPUTS = {
  bucketName: 'BucketName',
  bucketArn: 'BucketArn',
} as const;

/** Cost-allocation tags on every customer bucket (and on the customer stack). */
export const CUSTOMER_TAG_KEYS = ['Customer', 'CostCenter', 'BillingAccount', 'Environment', 'ManagedBy'] as const;

export const MANAGED_BY = 'portico';

/** Lifecycle rules of the customer bucket, shared by the template and the docs. */
export const BUCKET_LIFECYCLE = {
  worksetsPrefix: 'worksets/',
  worksetsExpireAfterDays: 90,
  resultsPrefix: 'results/',
  resultsInfrequentAccessAfterDays: 30,
  defaultNoncurrentVersionDays: 30,
  abortIncompleteUploadsAfterDays: 7,
} as const;

/**
 * The CORS rule of every customer bucket (browsers upload straight into it),
 * declared once: the customer template and the local provisioner apply it.
 */
export const BUCKET_CORS_RULE = {
  allowedMethods: ['PUT', 'POST', 'GET', 'HEAD'],
  allowedHeaders: ['*'],
  // Browsers must read each part's ETag to complete a multipart upload.
  exposedHeaders: ['ETag'],
  maxAgeSeconds: 3000,
} as const;

export const CUSTOMER_STACK_PREFIX = 'portico-customer-';

export function customerStackName(customerId: string): string {
  return `${CUSTOMER_STACK_PREFIX}${customerId}`;
}

/** Longest bucket prefix that still leaves room for the longest customer id in 63 characters. */
export const MAX_BUCKET_PREFIX_LENGTH = 63 - 1 - 29;

export function customerBucketName(prefix: string, customerId: string): string {
  return `${prefix}-${customerId}`;
}

/** The customer whose bucket this is (`<prefix>-<customer_id>`), or undefined for any other bucket. */
export function customerOfBucket(prefix: string, bucket: string, isCustomerId: (id: string) => boolean): string | undefined {
  if (!bucket.startsWith(`${prefix}-`)) return undefined;
  const id = bucket.slice(prefix.length + 1);
  return isCustomerId(id) ? id : undefined;
}

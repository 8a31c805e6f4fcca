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
} as const;

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

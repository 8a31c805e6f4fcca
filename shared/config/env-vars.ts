/**
 * Names of the environment variables functions read, set by the CDK stack in
 * AWS and by the local stack on a laptop. Table variables come from
 * `tables/definitions.ts` (`envVar`).
 */
export const ENV = {
  /** `<prefix>-<customer_id>` is a customer's bucket. */
  bucketPrefix: 'BUCKET_PREFIX',
  /** HTTPS URL of the synthesized per-customer template. */
  customerTemplateUrl: 'CUSTOMER_TEMPLATE_URL',
  /** Identifier of the customer template in force: the template asset's hash (its object key without `.json`). */
  customerTemplateVersion: 'CUSTOMER_TEMPLATE_VERSION',
  /** UpdateStack calls a template rollout keeps in flight at most (default 10). */
  rolloutBatchSize: 'ROLLOUT_BATCH_SIZE',
  /** Attempts a template rollout makes per customer before it leaves the customer failed (default 3). */
  rolloutMaxAttempts: 'ROLLOUT_MAX_ATTEMPTS',
  /** Role CloudFormation assumes to create customer stacks (least privilege). */
  customerStackRoleArn: 'CUSTOMER_STACK_ROLE_ARN',
  /** Deployment environment name, e.g. `production`; becomes the `Environment` tag. */
  environment: 'PORTICO_ENVIRONMENT',
  noncurrentVersionDays: 'NONCURRENT_VERSION_DAYS',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  /** Token issuer; defaults to the Cognito issuer of USER_POOL_ID in AWS_REGION. */
  tokenIssuer: 'TOKEN_ISSUER',
  /** JWKS URL; defaults to `<issuer>/.well-known/jwks.json`. */
  jwksUri: 'JWKS_URI',
  corsAllowOrigin: 'CORS_ALLOW_ORIGIN',
  /** `true` for S3 emulators that need path-style URLs. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  /** Comma-separated `s3://bucket/folder/` prefixes every customer's worksets may read (shared reference data). */
  referenceDataPrefixes: 'REFERENCE_DATA_PREFIXES',
  /** JSON override of the workset estimate rates (see shared/worksets/estimate.ts). */
  worksetEstimateRates: 'WORKSET_ESTIMATE_RATES',
  /** Uploads above this many bytes use multipart (default 5 GiB, S3's single-PUT limit). */
  uploadMultipartThresholdBytes: 'UPLOAD_MULTIPART_THRESHOLD_BYTES',
  /** Smallest multipart part (default 64 MiB; S3 allows 5 MiB). */
  uploadMinPartBytes: 'UPLOAD_MIN_PART_BYTES',
  /** Seconds after its URLs expire that an unfinished upload keeps its storage reservation (default 3600). */
  uploadReservationGraceSeconds: 'UPLOAD_RESERVATION_GRACE_SECONDS',
  /** Seconds a membership lookup may be reused by a warm container. */
  membershipCacheSeconds: 'MEMBERSHIP_CACHE_SECONDS',
  /** The platform's finance bucket: billing exports are written there. */
  financeBucket: 'FINANCE_BUCKET',
  /** JSON of the billing rates (see shared/billing/rates.ts); context `portico:billingRates`. */
  billingRates: 'BILLING_RATES',
  /** JSON map of dead-letter queue name → URL, read by the platform status. */
  deadLetterQueues: 'DEAD_LETTER_QUEUES',
  /** Seconds a customer may stay PROVISIONING or OFFBOARDING before the sweep reconciles it (default 300). */
  reconcileStaleAfterSeconds: 'RECONCILE_STALE_AFTER_SECONDS',
} as const;

import { CreateBucketCommand, DeleteBucketCommand, HeadBucketCommand, PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import { BUCKET_CORS_RULE } from '#shared/customers/template-contract.ts';

/**
 * The resources of the customer template the local provisioner makes in the
 * S3 emulator, under the logical ids CDK gives them in the synthesized
 * template (`Bucket` → `Bucket/Resource`, its policy `Bucket/Policy/Resource`).
 */
export const BUCKET_LOGICAL_ID = 'Bucket83908E77';
export const BUCKET_POLICY_LOGICAL_ID = 'BucketPolicyE9A3008A';

export async function bucketExists(s3: S3Client, bucket: string): Promise<boolean> {
  return s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  );
}

/** The bucket with the template's CORS rule (s3rver has no versioning, lifecycle or tagging API). */
export async function createCustomerBucket(s3: S3Client, bucket: string, corsOrigins: readonly string[]): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedMethods: [...BUCKET_CORS_RULE.allowedMethods],
            AllowedOrigins: [...corsOrigins],
            AllowedHeaders: [...BUCKET_CORS_RULE.allowedHeaders],
            ExposeHeaders: [...BUCKET_CORS_RULE.exposedHeaders],
            MaxAgeSeconds: BUCKET_CORS_RULE.maxAgeSeconds,
          },
        ],
      },
    }),
  );
}

export async function deleteCustomerBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
}

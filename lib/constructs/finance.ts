import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface FinanceProps {
  /** Where the bucket's server access logs go (prefix `finance/`). */
  readonly accessLogBucket: s3.IBucket;
  /** Browser origins allowed to download an export (the portal's). @default none */
  readonly corsAllowOrigins?: readonly string[];
}

/**
 * The finance bucket: billing exports, the route's and the monthly job's.
 * Versioned (a re-run never loses a file finance already read), encrypted,
 * TLS only, never public, retained when the stack goes; exports move to
 * Infrequent Access after 90 days and old versions expire after a year.
 */
export class Finance extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: FinanceProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'FinanceBucket', {
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: 'finance/',
      lifecycleRules: [
        { id: 'exports-to-infrequent-access', transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }] },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(365) },
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      ...(props.corsAllowOrigins && props.corsAllowOrigins.length > 0
        ? { cors: [{ allowedMethods: [s3.HttpMethods.GET], allowedOrigins: [...props.corsAllowOrigins], maxAge: 300 }] }
        : {}),
    });
  }
}

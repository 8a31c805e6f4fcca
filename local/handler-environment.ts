import { ENV } from '#shared/config/env-vars.ts';
import { PLATFORM_BUCKETS, type PlatformBucket } from '#shared/permissions/actions.ts';
import { tableList } from '#shared/tables/definitions.ts';
import { S3RVER_CREDENTIALS } from './emulators/s3.ts';
import { LOCAL_ACCOUNT_ID } from './gateway/lambda-event.ts';
import { LOCAL_TEMPLATE_VERSION, localTemplateUrl } from './provisioner/template-version.ts';

/** What the local stack knows that handlers need; a subset of stack.json. */
export interface LocalEndpoints {
  readonly region: string;
  readonly cognito: { readonly endpoint: string; readonly user_pool_id: string; readonly client_id: string };
  readonly dynamodb_endpoint: string;
  readonly s3_endpoint: string;
  readonly cloudformation_endpoint: string;
  readonly tables: Readonly<Record<string, string>>;
  readonly bucket_prefix: string;
  readonly platform_buckets: Readonly<Record<PlatformBucket, string>>;
}

/**
 * The environment every handler gets locally: the same variables the CDK
 * stack sets in AWS, pointed at the emulators through the SDK's standard
 * AWS_ENDPOINT_URL_<SERVICE> variables.
 */
export function handlerEnvironment(local: LocalEndpoints, corsOrigins: readonly string[]): Record<string, string> {
  return {
    AWS_REGION: local.region,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    // A developer's shell may hold a real session token; the local S3 front refuses any.
    AWS_SESSION_TOKEN: '',
    AWS_ENDPOINT_URL_DYNAMODB: local.dynamodb_endpoint,
    AWS_ENDPOINT_URL_S3: local.s3_endpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: local.cloudformation_endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: local.cognito.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    [ENV.s3ForcePathStyle]: 'true',
    [ENV.bucketPrefix]: local.bucket_prefix,
    [ENV.customerTemplateUrl]: localTemplateUrl(local.cloudformation_endpoint, LOCAL_TEMPLATE_VERSION),
    [ENV.customerTemplateVersion]: LOCAL_TEMPLATE_VERSION,
    [ENV.customerStackRoleArn]: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/portico-local-customer-stacks`,
    [ENV.environment]: 'local',
    [ENV.userPoolId]: local.cognito.user_pool_id,
    [ENV.userPoolClientId]: local.cognito.client_id,
    [ENV.tokenIssuer]: `${local.cognito.endpoint}/${local.cognito.user_pool_id}`,
    [ENV.corsAllowOrigin]: corsOrigins.join(','),
    ...Object.fromEntries(tableList.map((t) => [t.envVar, local.tables[t.name] ?? ''])),
    ...Object.fromEntries((Object.keys(PLATFORM_BUCKETS) as PlatformBucket[]).map((name) => [PLATFORM_BUCKETS[name].envVar, local.platform_buckets[name]])),
  };
}

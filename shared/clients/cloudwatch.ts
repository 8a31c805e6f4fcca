import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SERVICE_CLIENT_TIMEOUTS } from './timeouts.ts';

/** Reads S3's daily storage metrics for the storage reconciliation. */
export const cloudwatch = new CloudWatchClient({ ...SERVICE_CLIENT_TIMEOUTS });

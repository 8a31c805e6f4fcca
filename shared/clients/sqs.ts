import { SQSClient } from '@aws-sdk/client-sqs';
import { SERVICE_CLIENT_TIMEOUTS } from './timeouts.ts';

/** Reads the depth of the platform's dead-letter queues for the platform status. */
export const sqs = new SQSClient({ ...SERVICE_CLIENT_TIMEOUTS });

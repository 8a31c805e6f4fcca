import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SERVICE_CLIENT_TIMEOUTS } from './timeouts.ts';

/** Endpoint from AWS_ENDPOINT_URL_CLOUDFORMATION; locally the local provisioner answers. */
export const cloudFormation = new CloudFormationClient({ ...SERVICE_CLIENT_TIMEOUTS });

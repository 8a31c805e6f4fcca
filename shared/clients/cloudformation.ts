import { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/** Endpoint from AWS_ENDPOINT_URL_CLOUDFORMATION; locally the local provisioner answers. */
export const cloudFormation = new CloudFormationClient({});

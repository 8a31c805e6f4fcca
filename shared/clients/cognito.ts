import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SERVICE_CLIENT_TIMEOUTS } from './timeouts.ts';

/** Endpoint from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER; locally cognito-local. */
export const cognito = new CognitoIdentityProviderClient({ ...SERVICE_CLIENT_TIMEOUTS });

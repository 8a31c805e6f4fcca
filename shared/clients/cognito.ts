import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** Endpoint from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER; locally cognito-local. */
export const cognito = new CognitoIdentityProviderClient({});

import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { authorizeBearerToken } from '#shared/auth/authorize-token.ts';

/** API Gateway TOKEN authorizer; the local gateway calls this same function. */
export async function handler(event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  return authorizeBearerToken(event.authorizationToken, event.methodArn);
}

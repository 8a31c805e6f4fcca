import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { logger } from '../observability/logger.ts';
import { authorizerContext, verifyIdToken } from './token-verifier.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * A valid Cognito ID token is allowed on every method of the stage: API
 * Gateway caches the result per token, so the policy must not depend on the
 * method. Which customer the caller may touch is decided per request by the
 * access guard. Anything else throws `Unauthorized`, which API Gateway (and
 * the local gateway) answers with 401.
 */
export async function authorizeBearerToken(authorization: string | undefined, methodArn: string): Promise<APIGatewayAuthorizerResult> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) throw new Error('Unauthorized');
  let context;
  try {
    context = authorizerContext(await verifyIdToken(token));
  } catch (error) {
    logger.info('token refused', { reason: (error as Error).message });
    throw new Error('Unauthorized');
  }
  // arn:aws:execute-api:region:account:api-id/stage/METHOD/path → arn:...:api-id/stage/*/*
  const stageArn = methodArn.split('/').slice(0, 2).join('/');
  return {
    principalId: context.user_id,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${stageArn}/*/*` }],
    },
    context: { ...context },
  };
}

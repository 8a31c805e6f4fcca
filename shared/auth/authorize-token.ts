import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { findUser } from '../identity/user-directory.ts';
import { logger } from '../observability/logger.ts';
import type { AuthorizerContext } from './authorizer-context.ts';
import { TokenRefused, verifyToken } from './token-verifier.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * A valid Cognito ID or access token is allowed on every method of the stage:
 * API Gateway caches the result per token, so the policy must not depend on
 * the method. Which customer the caller may touch is decided per request by
 * the access guard. A missing or malformed header throws `Unauthorized` (API
 * Gateway's 401); a token that is well-formed but refused gets a Deny with
 * the reason in the context, which the gateway shows as the 401's detail. Any
 * other error (the pool's keys or the directory unreachable) is thrown, and
 * the gateway answers it as a dependency failure.
 */
export async function authorizeBearerToken(authorization: string | undefined, methodArn: string): Promise<APIGatewayAuthorizerResult> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) throw new Error('Unauthorized');
  // arn:aws:execute-api:region:account:api-id/stage/METHOD/path → arn:...:api-id/stage/*/*
  const stageArn = methodArn.split('/').slice(0, 2).join('/');
  const policy = (effect: 'Allow' | 'Deny') => ({
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: `${stageArn}/*/*` }],
  });
  try {
    const context = await callerContext(await verifyToken(token));
    return { principalId: context.user_id, policyDocument: policy('Allow'), context: { ...context } };
  } catch (error) {
    if (!(error instanceof TokenRefused)) throw error;
    logger.info('token refused', { reason: error.message });
    return { principalId: 'refused', policyDocument: policy('Deny'), context: { reason: error.message } };
  }
}

/**
 * The caller as handlers will see it. An access token carries no email or
 * default customer: those are read from the directory, which also refuses a
 * disabled or deleted account.
 */
async function callerContext(payload: JwtPayload): Promise<AuthorizerContext> {
  const groups = payload['cognito:groups'];
  const base = {
    user_id: String(payload.sub),
    groups: Array.isArray(groups) ? groups.map(String).join(',') : '',
  };
  if (payload.token_use === 'id') {
    return {
      ...base,
      email: typeof payload.email === 'string' ? payload.email : '',
      customer_id: typeof payload['custom:customer_id'] === 'string' ? payload['custom:customer_id'] : '',
    };
  }
  const user = await findUser(base.user_id);
  if (!user?.enabled) throw new TokenRefused('The account is disabled or no longer exists.');
  return { ...base, email: user.email, customer_id: user.defaultCustomerId ?? '' };
}

import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { ENV } from '../config/env-vars.ts';
import { optionalEnv, requireEnv } from '../config/runtime.ts';
import type { AuthorizerContext } from '../http/caller.ts';
import { LoopbackFetcher } from './loopback-fetcher.ts';

/**
 * Verifies Cognito ID tokens. In AWS the issuer is the user pool's Cognito
 * issuer; locally TOKEN_ISSUER points at cognito-local. The same checks run in
 * both: RS256 signature against the pool's JWKS (so `alg: none` and HS256 are
 * refused), issuer, audience = our app client, expiry, and `token_use: id`.
 */
const userPoolId = requireEnv(ENV.userPoolId);
const clientId = requireEnv(ENV.userPoolClientId);
const region = optionalEnv('AWS_REGION', 'us-east-1');
const issuer = optionalEnv(ENV.tokenIssuer, `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`);

const jwksUri = optionalEnv(ENV.jwksUri, `${issuer}/.well-known/jwks.json`);

const verifier = JwtVerifier.create(
  {
    issuer,
    audience: clientId,
    jwksUri,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'id') throw new Error('expected an ID token');
      // aws-jwt-verify checks exp only when present; Cognito always sets it.
      if (typeof payload.exp !== 'number') throw new Error('the token has no expiry');
    },
  },
  // Plain-HTTP keys are only ever the local emulator's, on loopback.
  jwksUri.startsWith('http://') ? { jwksCache: new SimpleJwksCache({ fetcher: new LoopbackFetcher() }) } : undefined,
);

export async function verifyIdToken(token: string): Promise<JwtPayload> {
  return verifier.verify(token);
}

/** The caller as handlers will see it, flattened to what API Gateway passes through. */
export function authorizerContext(payload: JwtPayload): AuthorizerContext {
  const groups = payload['cognito:groups'];
  return {
    user_id: String(payload.sub),
    email: typeof payload.email === 'string' ? payload.email : '',
    groups: Array.isArray(groups) ? groups.map(String).join(',') : '',
    customer_id: typeof payload['custom:customer_id'] === 'string' ? payload['custom:customer_id'] : '',
  };
}

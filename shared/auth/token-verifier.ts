import { JwtVerifier } from 'aws-jwt-verify';
import {
  FetchError,
  JwtExpiredError,
  JwtInvalidClaimError,
  JwtInvalidIssuerError,
  JwtNotBeforeError,
  JwksNotAvailableInCacheError,
} from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { ENV } from '../config/env-vars.ts';
import { optionalEnv, requireEnv } from '../config/runtime.ts';
import { LoopbackFetcher } from './loopback-fetcher.ts';

/**
 * Verifies Cognito tokens: ID tokens (the portal) and access tokens (the
 * OAuth token for APIs, used by the CLI and machine clients). In AWS the
 * issuer is the user pool's Cognito issuer; locally TOKEN_ISSUER points at
 * cognito-local. The same checks run in both: RS256 signature against the
 * pool's JWKS (so `alg: none` and HS256 are refused), issuer, expiry,
 * `token_use`, and our app client (`aud` on ID tokens, `client_id` on access tokens).
 */
const userPoolId = requireEnv(ENV.userPoolId);
const clientId = requireEnv(ENV.userPoolClientId);
const region = optionalEnv('AWS_REGION', 'us-east-1');
const issuer = optionalEnv(ENV.tokenIssuer, `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`);
const jwksUri = optionalEnv(ENV.jwksUri, `${issuer}/.well-known/jwks.json`);

/** A token refused for a reason the caller may be told. */
export class TokenRefused extends Error {}

const WRONG_KIND = 'An ID or access token of this user pool is required.';
const WRONG_CLIENT = 'The token was issued to another app client.';

const verifier = JwtVerifier.create(
  {
    issuer,
    // Checked below per token kind: ID tokens name the client in `aud`, access tokens in `client_id`.
    audience: null,
    jwksUri,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use === 'id') {
        if (payload.aud !== clientId) throw new TokenRefused(WRONG_CLIENT);
      } else if (payload.token_use === 'access') {
        // A Cognito access token always names its client; one without is not Cognito's.
        if (typeof payload.client_id !== 'string') throw new TokenRefused('The token is not valid.');
        if (payload.client_id !== clientId) throw new TokenRefused(WRONG_CLIENT);
      } else {
        throw new TokenRefused(WRONG_KIND);
      }
      // aws-jwt-verify checks exp only when present; Cognito always sets it.
      if (typeof payload.exp !== 'number') throw new TokenRefused('The token has no expiry.');
    },
  },
  // Plain-HTTP keys are only ever the local emulator's, on loopback.
  jwksUri.startsWith('http://') ? { jwksCache: new SimpleJwksCache({ fetcher: new LoopbackFetcher() }) } : undefined,
);

/** The verified claims, or TokenRefused with a reason safe to show; other errors mean the keys could not be fetched. */
export async function verifyToken(token: string): Promise<JwtPayload> {
  try {
    return await verifier.verify(token);
  } catch (error) {
    throw refusal(error);
  }
}

function refusal(error: unknown): Error {
  if (error instanceof TokenRefused) return error;
  // The user pool's keys could not be read: not the caller's fault.
  if (error instanceof FetchError || error instanceof JwksNotAvailableInCacheError) return error;
  if (error instanceof JwtExpiredError) return new TokenRefused('The token has expired; sign in again.');
  if (error instanceof JwtNotBeforeError) return new TokenRefused('The token is not valid yet.');
  if (error instanceof JwtInvalidIssuerError) return new TokenRefused('The token was not issued by this user pool.');
  if (error instanceof JwtInvalidClaimError) return new TokenRefused('The token is not valid.');
  return new TokenRefused('The token is not valid.');
}

import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_TOKEN_KINDS, decodeJwt, forgeTokens, type ForgedTokens } from '../../support/forged-tokens.ts';
import { createTestUser, localStack, signIn, type TestUser } from '../../support/local-stack.ts';
import { bearer, nonexistentCustomerId, refusal, routeRequest, routesWhere, send, UNAUTHORIZED, expectedRefusal, type RouteRequest } from './route-requests.ts';

/**
 * Generated from the route table: every route that needs a token, with no
 * token and with every kind of bad token, answers 401 problem+json before any
 * handler runs, saying why without saying more. A control token (the same
 * claims, correctly signed) and access tokens must get past the authorizer on
 * every route, so each 401 is due to the token alone.
 */
const protectedRoutes = routesWhere((access) => access.kind !== 'public');

let user: TestUser;
let tokens: ForgedTokens;
let ids: Record<string, string>;

beforeAll(async () => {
  user = await createTestUser();
  tokens = forgeTokens(await signIn(user.email, user.password));
  // A customer that does not exist: the control reaches the guard and is refused there, harmlessly.
  ids = { customer_id: nonexistentCustomerId(), user_id: user.userId };
});

/** Authorization header values that must all be refused, by name. */
function badAuthorizations(): [string, string | undefined][] {
  return [
    ['no token', undefined],
    ['empty bearer', 'Bearer '],
    ['not a JWT', 'Bearer not-a-jwt'],
    ...BAD_TOKEN_KINDS.map((kind): [string, string] => [kind, bearer(tokens.bad[kind])]),
  ];
}

/** What the 401 says for each: why the token was refused, and nothing more. */
const REASONS: Record<string, string> = {
  'no token': UNAUTHORIZED.detail,
  'empty bearer': UNAUTHORIZED.detail,
  'not a JWT': UNAUTHORIZED.detail,
  expired: 'The token has expired; sign in again.',
  'wrong-signature': 'The token is not valid.',
  'alg-none': 'The token is not valid.',
  'hs256-public-key': 'The token is not valid.',
  'foreign-issuer': 'The token was not issued by this user pool.',
  'foreign-client': 'The token was issued to another app client.',
  'token-use-access': 'The token is not valid.',
  'token-use-refresh': 'An ID or access token of this user pool is required.',
};

describe('the forged tokens', () => {
  it('differ from the control in the one property under test', () => {
    const control = decodeJwt(tokens.control);
    const differences = (token: string) => {
      const { header, payload } = decodeJwt(token);
      const keys = new Set([...Object.keys(control.payload), ...Object.keys(payload)]);
      const claims = [...keys].filter((k) => JSON.stringify(control.payload[k]) !== JSON.stringify(payload[k])).sort();
      return { alg: header.alg, kid: header.kid, claims };
    };

    expect(control.header).toMatchObject({ alg: 'RS256', kid: 'CognitoLocal' });
    expect(control.payload).toMatchObject({
      sub: user.userId,
      token_use: 'id',
      aud: localStack().cognito.client_id,
      iss: `${localStack().cognito.endpoint}/${localStack().cognito.user_pool_id}`,
    });
    expect(differences(tokens.bad.expired)).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['auth_time', 'exp', 'iat'] });
    expect(differences(tokens.bad['wrong-signature'])).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: [] });
    expect(tokens.bad['wrong-signature'].split('.')[2]).not.toBe(tokens.control.split('.')[2]);
    expect(differences(tokens.bad['alg-none'])).toEqual({ alg: 'none', kid: undefined, claims: [] });
    expect(tokens.bad['alg-none'].endsWith('.')).toBe(true);
    expect(differences(tokens.bad['hs256-public-key'])).toEqual({ alg: 'HS256', kid: 'CognitoLocal', claims: [] });
    expect(differences(tokens.bad['foreign-issuer'])).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['iss'] });
    expect(differences(tokens.bad['foreign-client'])).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['aud'] });
    expect(differences(tokens.bad['token-use-access'])).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['token_use'] });
    expect(differences(tokens.bad['token-use-refresh'])).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['token_use'] });
    expect(differences(tokens.access.forged)).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['aud', 'client_id', 'token_use'] });
    expect(decodeJwt(tokens.access.real).payload).toMatchObject({ sub: user.userId, token_use: 'access', client_id: localStack().cognito.client_id });
  });
});

describe.each(protectedRoutes)('%s', (_label, route) => {
  let request: RouteRequest;
  beforeAll(() => {
    request = routeRequest(route, ids);
  });

  it('answers 401 problem+json without a token and to every bad token, saying why', async () => {
    const cases = badAuthorizations();

    const responses = await Promise.all(cases.map(([, authorization]) => send(request, authorization)));

    const actual = Object.fromEntries(cases.map(([name], i) => [name, refusal(responses[i] as (typeof responses)[number])]));
    expect(actual).toEqual(Object.fromEntries(cases.map(([name]) => [name, expectedRefusal(401, UNAUTHORIZED.title, REASONS[name] as string)])));
  });

  it('lets the correctly signed control token and access tokens past the authorizer', async () => {
    const responses = await Promise.all([tokens.control, tokens.access.real, tokens.access.forged].map((token) => send(request, bearer(token))));

    for (const response of responses) {
      expect(response.status).not.toBe(401);
      expect(response.status).toBeLessThan(500);
    }
  });
});

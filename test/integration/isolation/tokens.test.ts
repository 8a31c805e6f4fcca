import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_TOKEN_KINDS, decodeJwt, forgeTokens, type ForgedTokens } from '../../support/forged-tokens.ts';
import { createTestUser, localStack, signIn, type TestUser } from '../../support/local-stack.ts';
import { bearer, nonexistentCustomerId, refusal, routeRequest, routesWhere, send, UNAUTHORIZED, expectedRefusal, type RouteRequest } from './route-requests.ts';

/**
 * Generated from the route table: every route that needs a token, with no
 * token and with every kind of bad token, answers 401 problem+json before any
 * handler runs. A control token (the same claims, correctly signed) must get
 * past the authorizer on every route, so each 401 is due to the token alone.
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

const unauthorized = expectedRefusal(401, UNAUTHORIZED.title, UNAUTHORIZED.detail);

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
    expect(differences(tokens.bad['access-token-claims'])).toEqual({ alg: 'RS256', kid: 'CognitoLocal', claims: ['aud', 'client_id', 'token_use'] });
    expect(decodeJwt(tokens.bad['real-access-token']).payload).toMatchObject({ sub: user.userId, token_use: 'access', client_id: localStack().cognito.client_id });
  });
});

describe.each(protectedRoutes)('%s', (_label, route) => {
  let request: RouteRequest;
  beforeAll(() => {
    request = routeRequest(route, ids);
  });

  it('answers 401 problem+json without a token and to every bad token', async () => {
    const cases = badAuthorizations();

    const responses = await Promise.all(cases.map(([, authorization]) => send(request, authorization)));

    const actual = Object.fromEntries(cases.map(([name], i) => [name, refusal(responses[i] as (typeof responses)[number])]));
    expect(actual).toEqual(Object.fromEntries(cases.map(([name]) => [name, unauthorized])));
  });

  it('lets the correctly signed control token past the authorizer', async () => {
    const response = await send(request, bearer(tokens.control));

    expect(response.status).not.toBe(401);
    expect(response.status).toBeLessThan(500);
  });
});

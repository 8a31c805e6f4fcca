import { describe, expect, it } from 'vitest';
import { authorizerErrorOutcome, authorizerOutcome } from '#local/gateway/authorizer-outcome.ts';
import { gatewayAnswer } from '#local/gateway/gateway-answer.ts';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:000000000000:local/local/GET/customers/acme';
const STAGE_ARN = 'arn:aws:execute-api:us-east-1:000000000000:local/local/*/*';

const policy = (...statements: { Effect: 'Allow' | 'Deny'; Resource: string; Action?: string | string[] }[]) => ({
  Version: '2012-10-17',
  Statement: statements.map((s) => ({ Action: 'execute-api:Invoke', ...s })),
});

/** The answer the local gateway sends for an outcome, as a problem document. */
function answerFor(outcome: ReturnType<typeof authorizerOutcome>) {
  if (outcome.allowed) return { allowed: true };
  const answer = gatewayAnswer(outcome.refusal, { path: '/customers/acme', requestId: 'r-1' });
  const body = JSON.parse(answer.body) as { status: number; title: string; detail: string };
  return { status: answer.statusCode, contentType: answer.headers['Content-Type'], title: body.title, detail: body.detail };
}

describe('authorizerOutcome', () => {
  it('answers a Deny with 401 problem+json whose detail is the reason the authorizer gave', () => {
    const result = { principalId: 'u-1', policyDocument: policy({ Effect: 'Deny', Resource: STAGE_ARN }), context: { reason: 'The token has expired.' } };

    expect(answerFor(authorizerOutcome(result, METHOD_ARN))).toEqual({
      status: 401,
      contentType: 'application/problem+json',
      title: 'Unauthorized',
      detail: 'The token has expired.',
    });
  });

  it('lets an explicit Deny win over an Allow of the same method', () => {
    const result = {
      principalId: 'u-1',
      policyDocument: policy({ Effect: 'Allow', Resource: STAGE_ARN }, { Effect: 'Deny', Resource: `${METHOD_ARN.replace('/GET/', '/*/')}` }),
      context: { reason: 'An ID or access token of this user pool is required.' },
    };

    expect(answerFor(authorizerOutcome(result, METHOD_ARN))).toMatchObject({ status: 401, detail: 'An ID or access token of this user pool is required.' });
  });

  it('denies a method no statement allows (implicit deny), with the fallback detail when there is no reason', () => {
    const result = { principalId: 'u-1', policyDocument: policy({ Effect: 'Allow', Resource: METHOD_ARN.replace('/GET/', '/POST/') }) };

    expect(answerFor(authorizerOutcome(result, METHOD_ARN))).toMatchObject({ status: 401, detail: 'The token was refused.' });
  });

  it('allows a method the policy allows, passing the context on as strings with the principal', () => {
    const result = {
      principalId: 'u-1',
      policyDocument: policy({ Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:000000000000:local/local/GET/customers/*', Action: 'execute-api:*' }),
      context: { user_id: 'u-1', admin: false, logins: 3 },
    };

    expect(authorizerOutcome(result, METHOD_ARN)).toEqual({
      allowed: true,
      authorizer: { user_id: 'u-1', admin: 'false', logins: '3', principalId: 'u-1' },
    });
  });

  it.each([
    ['no principal', { policyDocument: policy({ Effect: 'Allow', Resource: STAGE_ARN }) }],
    ['no policy', { principalId: 'u-1' }],
    ['a statement without an effect', { principalId: 'u-1', policyDocument: { Statement: [{ Action: 'execute-api:Invoke', Resource: STAGE_ARN }] } }],
    ['a nested context value', { principalId: 'u-1', policyDocument: policy({ Effect: 'Allow', Resource: STAGE_ARN }), context: { groups: ['a'] } }],
    ['not an object', 'Allow'],
  ])('answers a result with %s as an authorizer configuration error (500)', (_label, result) => {
    expect(answerFor(authorizerOutcome(result, METHOD_ARN))).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(authorizerOutcome(result, METHOD_ARN)).toMatchObject({ refusal: { type: 'AUTHORIZER_CONFIGURATION_ERROR' } });
  });
});

describe('authorizerErrorOutcome', () => {
  it('answers `Unauthorized` (no or malformed token) with 401 and the agreed detail', () => {
    expect(answerFor(authorizerErrorOutcome(new Error('Unauthorized')))).toEqual({
      status: 401,
      contentType: 'application/problem+json',
      title: 'Unauthorized',
      detail: 'A valid bearer token is required.',
    });
  });

  it('answers any other failure of the authorizer (a dependency down) with 503, without its message', () => {
    const answer = answerFor(authorizerErrorOutcome(new Error('cannot reach the JWKS at http://10.0.0.1')));

    expect(answer).toMatchObject({ status: 503, detail: 'The request could not be authorized now; retry in 5 seconds.' });
  });
});

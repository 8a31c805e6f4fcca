import { createError } from '@middy/util';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { toProblem } from '#shared/http/error-handler.ts';
import { ConflictError, TenantAccessDeniedError, ValidationError } from '#shared/http/errors.ts';

const event = { path: '/customers', requestContext: { requestId: 'req-1' } } as unknown as APIGatewayProxyEvent;

describe('toProblem', () => {
  it('shows an HttpProblem with its status, detail and extensions', () => {
    const problem = toProblem(new ValidationError([{ field: 'email', message: 'must be an email address' }]), event);

    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: "Invalid 'email': must be an email address",
      instance: '/customers',
      request_id: 'req-1',
      errors: [{ field: 'email', message: 'must be an email address' }],
    });
  });

  it('gives the same tenant-denied body whatever the customer', () => {
    expect(toProblem(new TenantAccessDeniedError(), event)).toEqual(toProblem(new TenantAccessDeniedError(), event));
    expect(toProblem(new TenantAccessDeniedError(), event).detail).toBe('You do not have access to this customer.');
  });

  it('turns unparsable JSON from the middy parser into a 400 and a wrong content type into a 415', () => {
    const badJson = createError(415, 'Invalid or malformed JSON was provided', {
      cause: { package: '@middy/http-json-body-parser', data: '{', message: 'Unexpected end of JSON input' },
    });
    const wrongType = createError(415, 'Unsupported Media Type', { cause: { package: '@middy/http-json-body-parser', data: 'text/plain' } });

    expect(toProblem(badJson, event)).toMatchObject({ status: 400, detail: 'The request body is not valid JSON: Unexpected end of JSON input' });
    expect(toProblem(wrongType, event)).toMatchObject({ status: 415, detail: 'Send the request body as application/json.' });
  });

  it('never shows the internals of an unexpected error', () => {
    const problem = toProblem(new Error('ECONNREFUSED 10.0.0.12:8000 table portico-customers'), event);

    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The request could not be completed. Quote the request_id when reporting it.',
      instance: '/customers',
      request_id: 'req-1',
    });
    expect(JSON.stringify(problem)).not.toContain('ECONNREFUSED');
  });

  it('keeps extensions such as the current status of a conflict', () => {
    expect(toProblem(new ConflictError('no', { current_status: 'ACTIVE' }), event)).toMatchObject({ status: 409, current_status: 'ACTIVE' });
  });
});

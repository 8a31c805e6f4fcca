import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, countCustomersLike, createTestUser, customerBody, type ApiResponse } from '../../support/local-stack.ts';

function expectProblem(response: ApiResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({ type: 'about:blank', status, title: expect.any(String), detail: expect.any(String) });
}

/** Each case: one field made wrong, and the message that must name it. */
const badFields: [field: string, value: unknown, message: RegExp][] = [
  ['customer_name', '', /must not be empty/],
  ['customer_name', '   ', /must not be empty/],
  ['customer_name', 'x'.repeat(101), /at most 100 characters/],
  ['customer_name', 'tab\there', /control characters/],
  ['customer_name', 42, /expected string/],
  ['email', 'not-an-email', /email address/],
  ['email', `${'a'.repeat(250)}@x.io`, /at most 254|email address/],
  ['max_concurrent_worksets', 0, /at least 1/],
  ['max_concurrent_worksets', 1001, /at most 1,000/],
  ['max_concurrent_worksets', 2.5, /whole number/],
  ['max_concurrent_worksets', '10', /whole number/],
  ['max_storage_gb', 0, /at least 1/],
  ['max_storage_gb', 1_000_001, /at most 1,000,000/],
  ['max_storage_gb', null, /whole number/],
  ['billing_account_id', '', /letters, digits/],
  ['billing_account_id', 'BA 123', /letters, digits/],
  ['billing_account_id', 'x'.repeat(65), /letters, digits/],
  ['cost_center', '-CC', /letters, digits/],
  ['cost_center', 'CC<script>', /letters, digits/],
  ['display_name', '', /must not be empty/],
  ['description', 'd'.repeat(1001), /at most 1000/],
  ['contact_phone', 'call me', /phone number/],
  ['address', 'a'.repeat(501), /at most 500/],
  ['logo_url', 'http://acme.example/logo.png', /https URL/],
  ['logo_url', 'not a url', /https URL/],
  ['settings', 'flat', /must be a JSON object/],
  ['settings', { big: 'x'.repeat(9000) }, /8192/],
  ['settings', { huge: 1e300 }, /must be 0 or a number whose magnitude/],
  ['settings', { unsafe: 2 ** 60 }, /must be 0 or a number whose magnitude/],
  ['settings', { tiny: 1e-200 }, /must be 0 or a number whose magnitude/],
  ['settings', { denormal: 5e-324 }, /must be 0 or a number whose magnitude/],
  ['settings', { '': 1 }, /must not have an empty key/],
  ['settings', JSON.parse('{"__proto__": {"admin": true}}'), /must not have the key '__proto__'/],
  ['settings', JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`), /must nest at most 8 levels/],
  ['customer_name', 'Acme \ud800 Genomics', /valid Unicode text/],
  ['plan', 'platinum', /must be one of: free, standard, premium, enterprise/],
  ['max_runs_per_month', 0, /at least 1/],
  ['max_samples_per_workset', 1001, /at most 1,000/],
  ['burst', 5001, /at most 5,000/],
  ['max_monthly_runs', 10, /not a known field/],
];

// Quota fields are optional: they override the plan's limits.
const requiredFields = ['customer_name', 'email', 'billing_account_id', 'cost_center'];

describe('POST /customers refuses bad input with problem+json and writes nothing', () => {
  let token: string;

  beforeAll(async () => {
    token = await adminToken();
  });

  /**
   * Sends the request and checks no customer with the body's name or email exists after it
   * (other test files onboard customers meanwhile, so a global count would not do).
   * A body with nothing to find it by (not an object) is checked by its answer alone.
   */
  async function expectNothingWritten(body: Record<string, unknown> | undefined, run: (body?: Record<string, unknown>) => Promise<ApiResponse>): Promise<ApiResponse> {
    const response = await run(body);
    if (body) expect(await countCustomersLike(body)).toBe(0);
    return response;
  }

  const preview = (value: unknown) => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  };

  it.each(badFields.map(([field, value, message]) => [field, preview(value), value, message] as const))(
    '%s = %s',
    async (field, _preview, value, message) => {
    const response = await expectNothingWritten(customerBody({ [field]: value }), (body) => api('POST', '/customers', { token, body }));

    expectProblem(response, 400);
    const error = response.body.errors.find((e: { field: string }) => e.field === field || e.field.startsWith(`${field}.`));
    expect(error?.message).toMatch(message);
    },
  );

  it.each(requiredFields)('missing %s', async (field) => {
    const body = customerBody();
    delete body[field];

    const response = await expectNothingWritten(body, () => api('POST', '/customers', { token, body }));

    expectProblem(response, 400);
    expect(response.body.errors).toContainEqual({ field, message: 'is required' });
  });

  it('an unknown field, named in the answer', async () => {
    const response = await expectNothingWritten(customerBody({ customer_id: 'chosen-by-me-00000000' }), (body) => api('POST', '/customers', { token, body }));

    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'customer_id', message: 'is not a known field' }]);
  });

  it('every wrong field at once is reported at once', async () => {
    const response = await expectNothingWritten({ customer_name: '', email: 'x', max_concurrent_worksets: 0 }, (body) => api('POST', '/customers', { token, body }));

    expectProblem(response, 400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['billing_account_id', 'cost_center', 'customer_name', 'email', 'max_concurrent_worksets'].sort(),
    );
  });

  it('a body over 64 KB', async () => {
    const response = await expectNothingWritten(customerBody({ description: 'x'.repeat(70 * 1024) }), (body) => api('POST', '/customers', { token, body }));

    expectProblem(response, 413);
    expect(response.body.limit_bytes).toBe(65536);
  });

  it('invalid JSON', async () => {
    const name = `Acme ${Date.now()}`;
    const response = await expectNothingWritten({ customer_name: name }, () =>
      api('POST', '/customers', { token, rawBody: `{"customer_name": "${name}",`, headers: { 'Content-Type': 'application/json' } }),
    );

    expectProblem(response, 400);
    expect(response.body.detail).toMatch(/not valid JSON/);
  });

  it.each([['[]'], ['"a string"'], ['null'], ['42']])('a JSON body that is not an object: %s', async (raw) => {
    const response = await expectNothingWritten(undefined, () => api('POST', '/customers', { token, rawBody: raw, headers: { 'Content-Type': 'application/json' } }));

    expectProblem(response, 400);
    expect(response.body.errors[0].field).toBe('');
  });

  it('a wrong content type', async () => {
    const response = await expectNothingWritten(customerBody(), (body) =>
      api('POST', '/customers', { token, rawBody: JSON.stringify(body), headers: { 'Content-Type': 'text/plain' } }),
    );

    expectProblem(response, 415);
    expect(response.body.detail).toBe('Send the request body as application/json.');
  });

  it('no content type and no body', async () => {
    const response = await expectNothingWritten(undefined, () => api('POST', '/customers', { token }));

    expectProblem(response, 415);
  });

  it('no token', async () => {
    const response = await expectNothingWritten(customerBody(), (body) => api('POST', '/customers', { body }));

    expectProblem(response, 401);
  });

  it.each([['Bearer not.a.jwt'], ['Basic dXNlcjpwYXNz'], ['Bearer']])('a bad Authorization header: %s', async (header) => {
    const response = await expectNothingWritten(customerBody(), (body) => api('POST', '/customers', { body, headers: { Authorization: header } }));

    expectProblem(response, 401);
  });

  it('a signed-in user who is not a platform admin', async () => {
    const user = await createTestUser();

    const response = await expectNothingWritten(customerBody(), (body) => api('POST', '/customers', { token: user.token, body }));

    expectProblem(response, 403);
    expect(response.body.detail).toBe('This action requires a platform administrator.');
  });
});

describe('routes the gateway does not serve', () => {
  it('answers 404 problem+json for an unknown path, and 405 with Allow for a method a known path does not serve', async () => {
    const token = await adminToken();

    expectProblem(await api('GET', '/nothing-here', { token }), 404);
    const wrongMethod = await api('PUT', '/customers', { token, body: {} });
    expectProblem(wrongMethod, 405);
    expect(wrongMethod.headers.get('allow')?.split(',').map((m) => m.trim()).sort()).toEqual(expect.arrayContaining(['GET', 'POST']));
  });
});

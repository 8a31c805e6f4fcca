import { describe, expect, it } from 'vitest';
import { declaredGrants, integrationTestFiles, ONLY_REACHABLE_IN_AWS, unusedGrants } from '../../setup/grant-coverage.ts';

describe('the grant-coverage check', () => {
  it('lists every grant of every function, tables as dynamodb:<Action> <table>', () => {
    const declared = declaredGrants();

    expect(declared).toContain('audit.list dynamodb:Query audit');
    expect(declared).toContain('memberships.remove cognito-idp:AdminDeleteUserAttributes');
    // The access guard's own calls are part of what a customer route is granted.
    expect(declared).toContain('customers.get dynamodb:GetItem memberships');
    expect(declared).toContain('authorizer cognito-idp:AdminGetUser');
  });

  it('reports a grant nobody used, and forgives only the ones named as reachable only in AWS', () => {
    const declared = ['a.read dynamodb:GetItem t', 'a.read dynamodb:Query t', 'uploads.complete s3:DeleteObjectVersion'];

    const unused = unusedGrants(declared, { 'a.read': ['dynamodb:GetItem t'] });

    expect(unused).toEqual(['a.read dynamodb:Query t']);
    expect(Object.values(ONLY_REACHABLE_IN_AWS).every((reason) => reason.length > 40)).toBe(true);
  });

  it('knows the integration files, so a partial run does not report what it never tried', () => {
    expect(integrationTestFiles()).toContain('test/integration/parity.test.ts');
    expect(integrationTestFiles().every((f) => f.startsWith('test/integration/') && f.endsWith('.test.ts'))).toBe(true);
  });
});

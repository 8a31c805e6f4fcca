import { AdminDeleteUserAttributesCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { installPermissionChecks, runAs, type FunctionGrants } from '#local/permissions.ts';
import { activeCustomer, addMember, cognitoUser, createTestUser, localStack } from '../../support/local-stack.ts';

/**
 * The defect that made the per-action check necessary: removing a user's last
 * membership calls AdminDeleteUserAttributes, which no function was granted;
 * locally every test passed, in AWS every such removal would be denied. A real
 * SDK client with the local check installed, calling the real local Cognito.
 */
describe('the local stand-in for IAM', () => {
  const removal: FunctionGrants = {
    id: 'memberships.remove (as before the fix)',
    tables: {},
    actions: ['cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut', 'cognito-idp:AdminUpdateUserAttributes'],
  };

  function checkedCognito(): CognitoIdentityProviderClient {
    const client = new CognitoIdentityProviderClient({
      endpoint: localStack().cognito.endpoint,
      region: localStack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    installPermissionChecks([[client, 'cognito-idp']], {
      logicalTableName: () => undefined,
      bucketPrefix: localStack().bucket_prefix,
      stackNamePrefix: 'portico-customer-',
      userPoolId: localStack().cognito.user_pool_id,
      platformBuckets: localStack().platform_buckets,
    });
    return client;
  }

  it('refuses a call whose action the function lacks, before it reaches Cognito, as IAM would', async () => {
    const customer = await activeCustomer();
    const user = await createTestUser();
    await addMember(customer.customer_id, user.email, 'member');
    const command = new AdminDeleteUserAttributesCommand({
      UserPoolId: localStack().cognito.user_pool_id,
      Username: user.userId,
      UserAttributeNames: ['custom:customer_id'],
    });

    const refused = runAs(removal, () => checkedCognito().send(command));

    await expect(refused).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(refused).rejects.toThrow('is not allowed to call cognito-idp:AdminDeleteUserAttributes');
    expect((await cognitoUser(user.userId))?.attributes['custom:customer_id']).toBe(customer.customer_id);

    const granted = { ...removal, actions: [...removal.actions, 'cognito-idp:AdminDeleteUserAttributes' as const] };
    await runAs(granted, () => checkedCognito().send(command));
    expect((await cognitoUser(user.userId))?.attributes['custom:customer_id']).toBeUndefined();
  });
});

import { AdminDisableUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { activeCustomer, addMember, api, createTestUser, localStack, signIn } from '../../support/local-stack.ts';

/** Access tokens are the OAuth token for APIs: the CLI and machine clients send them. */
describe('a Cognito access token', () => {
  it('is accepted, and the caller gets the email and default customer the token does not carry, from the directory', async () => {
    const customer = await activeCustomer();
    const user = await createTestUser();
    await addMember(customer.customer_id, user.email, 'member');
    const { accessToken } = await signIn(user.email, user.password);

    const me = await api('GET', '/me', { token: accessToken });
    const read = await api('GET', `/customers/${customer.customer_id}`, { token: accessToken });

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user_id: user.userId, email: user.email, default_customer_id: customer.customer_id });
    expect(read.status).toBe(200);
  });

  it('of an account disabled since it was issued is refused, saying so', async () => {
    const user = await createTestUser();
    const { accessToken } = await signIn(user.email, user.password);
    const cognito = new CognitoIdentityProviderClient({
      endpoint: localStack().cognito.endpoint,
      region: localStack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: user.userId }));

    const me = await api('GET', '/me', { token: accessToken });

    expect(me.status).toBe(401);
    expect(me.body.detail).toBe('The account is disabled or no longer exists.');
  });
});

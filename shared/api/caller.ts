import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuthorizerContext } from '../auth/authorizer-context.ts';
import type { Caller } from '../identity/caller.ts';

export type { Caller } from '../identity/caller.ts';

/** The caller the authorizer established, from the context API Gateway passes to the handler. */
export function callerFromEvent(event: APIGatewayProxyEvent): Caller | undefined {
  const context = event.requestContext?.authorizer as Partial<AuthorizerContext> | null | undefined;
  if (!context?.user_id) return undefined;
  return {
    userId: context.user_id,
    email: context.email ?? '',
    claimedGroups: (context.groups ?? '').split(',').filter(Boolean),
    ...(context.customer_id ? { defaultCustomerId: context.customer_id } : {}),
  };
}

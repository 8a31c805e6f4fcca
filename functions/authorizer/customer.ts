import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import { authorizeCustomerRequest } from '#shared/auth/authorize-customer-request.ts';
import { inFunction } from '#shared/runtime/invocation.ts';

/** API Gateway REQUEST authorizer of customer-scoped routes; the local gateway calls this same function. */
export async function handler(event: APIGatewayRequestAuthorizerEvent, context: Context): Promise<APIGatewayAuthorizerResult> {
  // Header names arrive as the client sent them; the identity source matches any case.
  const authorization = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  return inFunction(context.functionName, () =>
    authorizeCustomerRequest(authorization ?? undefined, event.pathParameters?.customer_id ?? '', event.methodArn),
  );
}

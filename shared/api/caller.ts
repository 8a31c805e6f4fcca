import type { APIGatewayProxyEvent } from 'aws-lambda';

export const PLATFORM_ADMIN_GROUP = 'platform-admin';
export const PLATFORM_SERVICE_GROUP = 'platform-service';

/** Who is calling, as the authorizer established from a verified token. */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly groups: readonly string[];
  /** The default customer recorded in the token (`custom:customer_id`), if any. */
  readonly defaultCustomerId?: string;
}

/**
 * The context the authorizer returns, flattened to strings because API
 * Gateway only passes strings, numbers and booleans through.
 */
export interface AuthorizerContext {
  readonly user_id: string;
  readonly email: string;
  readonly groups: string;
  readonly customer_id: string;
}

export function callerFromEvent(event: APIGatewayProxyEvent): Caller | undefined {
  const context = event.requestContext?.authorizer as Partial<AuthorizerContext> | null | undefined;
  if (!context?.user_id) return undefined;
  return {
    userId: context.user_id,
    email: context.email ?? '',
    groups: (context.groups ?? '').split(',').filter(Boolean),
    ...(context.customer_id ? { defaultCustomerId: context.customer_id } : {}),
  };
}

export function isPlatformAdmin(caller: Caller | undefined): boolean {
  return caller?.groups.includes(PLATFORM_ADMIN_GROUP) ?? false;
}

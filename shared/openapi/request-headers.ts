import type { RouteId } from '../routes/table.ts';

export interface RequestHeader {
  readonly name: string;
  readonly description: string;
  readonly schema: Record<string, unknown>;
}

const IDEMPOTENCY_KEY: RequestHeader = {
  name: 'Idempotency-Key',
  description:
    'Makes a retry safe: a request with a key already used within a day answers what the first one created, and takes nothing a second time. The same key with a different body is refused (422).',
  schema: { type: 'string', pattern: '^[!-~]{1,255}$' },
};

/** The request headers a route reads besides `Authorization` and `Content-Type`. */
export const requestHeaders: Partial<Record<RouteId, readonly RequestHeader[]>> = {
  'customers.create': [IDEMPOTENCY_KEY],
  'worksets.submit': [IDEMPOTENCY_KEY],
};

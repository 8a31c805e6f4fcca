import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { PayloadTooLargeError } from './errors.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** Refuses bodies over `limit` bytes before anything parses them. */
export function bodyLimit(limit = MAX_BODY_BYTES): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: async ({ event }) => {
      if (!event.body) return;
      const bytes = event.isBase64Encoded
        ? Math.floor((event.body.length * 3) / 4)
        : Buffer.byteLength(event.body, 'utf8');
      if (bytes > limit) throw new PayloadTooLargeError(limit);
    },
  };
}

import { DynamoDBClient, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InitializeMiddleware } from '@smithy/types';
import { isTransactionConflict } from '../dynamo/errors.ts';
import { DYNAMODB_CLIENT_TIMEOUTS } from './timeouts.ts';

/**
 * One document client per container. The endpoint comes from the standard
 * AWS_ENDPOINT_URL_DYNAMODB variable, which the local stack sets to DynamoDB Local.
 */
export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ ...DYNAMODB_CLIENT_TIMEOUTS }), {
  marshallOptions: { removeUndefinedValues: true },
});

const CONFLICT_ATTEMPTS = 4;

/**
 * The SDK does not retry a transaction cancelled by a concurrent one
 * (TransactionConflict); this does, a few times with jitter. If it still
 * conflicts, the request answers 503 with Retry-After (dependency-failure.ts).
 */
export const retryTransactionConflicts: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await next(args);
    } catch (error) {
      if (attempt >= CONFLICT_ATTEMPTS || !isTransactionConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 40));
    }
  }
};
dynamo.middlewareStack.add(retryTransactionConflicts, { step: 'initialize', name: 'portico-retry-transaction-conflicts' });

import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { HttpResponse } from '@smithy/core/transport';
import { describe, expect, it } from 'vitest';
import { retryTransactionConflicts } from '#shared/clients/dynamodb.ts';
import { isTransactionConflict } from '#shared/dynamo/errors.ts';
import { isDependencyFailure } from '#shared/http/dependency-failure.ts';

/**
 * DynamoDB cancels a transaction that races another on the same item
 * (`TransactionConflict`); DynamoDB Local serializes transactions and never
 * does, so this answer is played by a fake HTTP handler, byte for byte as
 * DynamoDB sends it.
 */
function cancelled(codes: string[]): HttpResponse {
  return new HttpResponse({
    statusCode: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: Buffer.from(
      JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
        CancellationReasons: codes.map((Code) => ({ Code })),
      }),
    ),
  });
}

function clientAnswering(answers: HttpResponse[]): { client: DynamoDBClient; calls: () => number } {
  let calls = 0;
  const client = new DynamoDBClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({ response: answers[Math.min(calls++, answers.length - 1)] as HttpResponse }),
    },
  });
  client.middlewareStack.add(retryTransactionConflicts, { step: 'initialize', name: 'retry-conflicts' });
  return { client, calls: () => calls };
}

const ok = () => new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Buffer.from('{}') });
const transaction = () => new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 't', Item: { k: { S: '1' } } } }] });

describe('transactions cancelled by a concurrent one', () => {
  it('are retried until they go through', async () => {
    const { client, calls } = clientAnswering([cancelled(['None', 'TransactionConflict']), cancelled(['TransactionConflict']), ok()]);

    await expect(client.send(transaction())).resolves.toBeDefined();
    expect(calls()).toBe(3);
  });

  it('answer 503 (a dependency failure) when they keep conflicting, after a bounded number of tries', async () => {
    const { client, calls } = clientAnswering([cancelled(['TransactionConflict'])]);

    const error = await client.send(transaction()).catch((e: unknown) => e);

    expect(isTransactionConflict(error)).toBe(true);
    expect(isDependencyFailure(error)).toBe(true);
    expect(calls()).toBe(4);
  });

  it('are not retried when a condition failed: that is an answer, not a race', async () => {
    const { client, calls } = clientAnswering([cancelled(['ConditionalCheckFailed', 'TransactionConflict'])]);

    const error = await client.send(transaction()).catch((e: unknown) => e);

    expect(isTransactionConflict(error)).toBe(false);
    expect(isDependencyFailure(error)).toBe(false);
    expect(calls()).toBe(1);
  });
});

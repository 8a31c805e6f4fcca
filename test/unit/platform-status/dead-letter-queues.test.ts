import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { sqs } from '#shared/clients/sqs.ts';
import { deadLetterQueueDepths, deadLetterQueuesFrom } from '#shared/platform-status/dead-letter-queues.ts';

/** SQS has no local engine: the request the status sends is asserted against a mocked client. */
describe('dead-letter queue depth', () => {
  it('asks each queue for its visible and in-flight messages', async () => {
    const mock = mockClient(sqs);
    mock.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '3', ApproximateNumberOfMessagesNotVisible: '1' } });
    const depths = await deadLetterQueueDepths({ 'Portico/Usage/DeadLetterQueue': 'https://sqs.eu-west-1.amazonaws.com/111122223333/usage-dlq' });
    expect(depths).toEqual([{ name: 'Portico/Usage/DeadLetterQueue', messages: 3, in_flight: 1 }]);
    expect(mock.commandCalls(GetQueueAttributesCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111122223333/usage-dlq', AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] },
    ]);
    mock.restore();
  });

  it('reads the queue map from the environment, none when unset, and refuses a malformed one', () => {
    expect(deadLetterQueuesFrom(undefined)).toEqual({});
    expect(deadLetterQueuesFrom('{"a":"https://q"}')).toEqual({ a: 'https://q' });
    expect(() => deadLetterQueuesFrom('{"a":1}')).toThrow(/DEAD_LETTER_QUEUES/);
  });
});

import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { sqs } from '../clients/sqs.ts';
import { ENV } from '../config/env-vars.ts';

export interface QueueDepth {
  readonly name: string;
  /** Messages waiting for an operator (visible) and being looked at (not visible). */
  readonly messages: number;
  readonly in_flight: number;
}

/** `DEAD_LETTER_QUEUES`: `{ "<name>": "<queue url>" }`, set by the stack; none locally (no SQS engine). */
export function deadLetterQueuesFrom(json: string | undefined): Record<string, string> {
  if (!json) return {};
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((url) => typeof url !== 'string')) {
    throw new Error(`${ENV.deadLetterQueues} must map queue names to URLs`);
  }
  return parsed as Record<string, string>;
}

/** The depth of each dead-letter queue: what events the platform could not process. */
export async function deadLetterQueueDepths(queues: Readonly<Record<string, string>>): Promise<QueueDepth[]> {
  return Promise.all(
    Object.entries(queues).map(async ([name, url]) => {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      return { name, messages: Number(Attributes?.ApproximateNumberOfMessages ?? 0), in_flight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) };
    }),
  );
}

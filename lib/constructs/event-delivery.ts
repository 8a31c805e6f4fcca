import { Duration, Validations } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { PorticoFunction } from './portico-function.ts';

/**
 * The terminal dead-letter queue of an EventBridge rule and its function:
 * encrypted, TLS-only, kept 14 days for an operator to inspect and replay.
 */
export function terminalDeadLetterQueue(scope: Construct, id: string, what: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'Serverless-SQSRedrivePolicy',
    reason: `This queue is itself the terminal dead-letter queue of ${what}; an operator inspects and replays it, there is nothing further to redrive to.`,
  });
  return queue;
}

/**
 * Delivers a rule's events to a function, retrying for up to `maxEventAge` (6 hours
 * unless a schedule's next run makes older retries pointless), then to the queue.
 */
export function deliverToFunction(rule: events.Rule, fn: PorticoFunction, deadLetterQueue: sqs.IQueue, maxEventAge = Duration.hours(6)): void {
  rule.addTarget(
    new targets.LambdaFunction(fn.function, {
      deadLetterQueue,
      retryAttempts: 8,
      maxEventAge,
    }),
  );
}

import * as events from 'aws-cdk-lib/aws-events';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deliverToFunction, terminalDeadLetterQueue } from './event-delivery.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface UsageTrackingProps {
  /** Customer bucket name prefix (literal, or `portico-${AWS::AccountId}`). */
  readonly bucketPrefix: string;
  /** Builds the usage function; it receives the dead-letter queue of its failed invocations. */
  readonly usageFunction: (scope: Construct, id: string, deadLetterQueue: sqs.IQueue) => PorticoFunction;
}

/**
 * Storage counted as it happens (DESIGN decision 5): customer buckets send
 * Object Created / Object Deleted to EventBridge; this rule hands them to the
 * usage function, and what it cannot process lands in a dead-letter queue.
 */
export class UsageTracking extends Construct {
  readonly usageFunction: PorticoFunction;
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: UsageTrackingProps) {
    super(scope, id);
    this.deadLetterQueue = terminalDeadLetterQueue(this, 'DeadLetterQueue', 'the S3 object-event rule and the usage function');
    this.usageFunction = props.usageFunction(this, 'UsageFunction', this.deadLetterQueue);
    this.rule = new events.Rule(this, 'CustomerObjectEvents', {
      description: 'Object Created / Object Deleted in customer buckets, for storage usage',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created', 'Object Deleted'],
        detail: { bucket: { name: events.Match.prefix(`${props.bucketPrefix}-`) } },
      },
    });
    deliverToFunction(this.rule, this.usageFunction, this.deadLetterQueue);
  }
}

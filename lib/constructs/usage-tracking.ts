import { Duration, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
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
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the terminal dead-letter queue of the S3 object-event rule and the usage function; an operator inspects and replays it, there is nothing further to redrive to.',
    });
    this.usageFunction = props.usageFunction(this, 'UsageFunction', this.deadLetterQueue);
    this.rule = new events.Rule(this, 'CustomerObjectEvents', {
      description: 'Object Created / Object Deleted in customer buckets, for storage usage',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created', 'Object Deleted'],
        detail: { bucket: { name: events.Match.prefix(`${props.bucketPrefix}-`) } },
      },
    });
    this.rule.addTarget(
      new targets.LambdaFunction(this.usageFunction.function, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 8,
        maxEventAge: Duration.hours(6),
      }),
    );
  }
}

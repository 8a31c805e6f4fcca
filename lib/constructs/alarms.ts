import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, STALE_PROVISIONING_METRIC } from '#shared/observability/metrics.ts';
import type { PorticoFunction } from './portico-function.ts';

/** CloudWatch lets one metric math alarm read at most ten metrics. */
const FUNCTIONS_PER_ALARM = 10;

export interface AlarmsProps {
  readonly restApi: apigw.RestApi;
  /** Every function of the platform, by a readable name. */
  readonly functions: Readonly<Record<string, PorticoFunction>>;
  /** Every dead-letter queue, by a readable name. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Who gets the alarms by email. @default nobody (subscribe to the topic) */
  readonly email?: string;
  /** API 5xx answers in five minutes that raise the alarm (503s of a dependency outage included). @default 5 */
  readonly api5xxThreshold?: number;
}

/**
 * What an operator must hear about, on one topic: anything in a dead-letter
 * queue (an event the platform gave up on), any function error, API 5xx
 * answers, and customers stuck in PROVISIONING for three sweeps in a row.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Portico alarms',
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const notify = new actions.SnsAction(this.topic);
    const add = (alarmId: string, alarmProps: cloudwatch.AlarmProps) => {
      const alarm = new cloudwatch.Alarm(this, alarmId, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...alarmProps });
      alarm.addAlarmAction(notify);
      this.alarms.push(alarm);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      add(`${name}DeadLetters`, {
        alarmDescription: `Events in the dead-letter queue ${name}: the platform gave up on them; inspect and replay.`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    // One alarm per ten functions (the most metrics one alarm may read): an alarm per function would cost
    // a resource each, and the platform stack is close to CloudFormation's 500.
    const functions = Object.entries(props.functions);
    for (let start = 0; start < functions.length; start += FUNCTIONS_PER_ALARM) {
      const group = functions.slice(start, start + FUNCTIONS_PER_ALARM);
      add(`FunctionErrors${start / FUNCTIONS_PER_ALARM + 1}`, {
        alarmDescription: `A function failed (an unhandled error or a timeout) in the last five minutes; one of: ${group.map(([name]) => name).join(', ')}.`,
        metric: new cloudwatch.MathExpression({
          expression: 'SUM(METRICS())',
          usingMetrics: Object.fromEntries(group.map(([, fn], i) => [`m${i + 1}`, fn.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' })])),
          period: Duration.minutes(5),
          label: 'Errors',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    add('Api5xx', {
      alarmDescription: 'The API answered 5xx several times in five minutes.',
      metric: props.restApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: props.api5xxThreshold ?? 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    add('CustomersStuckProvisioning', {
      alarmDescription: 'Customers have stayed PROVISIONING through three of four reconciliation sweeps: their stacks need an operator.',
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: STALE_PROVISIONING_METRIC,
        dimensionsMap: { service: 'customers' },
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      // Three of four: a sweep that lands in the next five-minute period must not reset the count.
      evaluationPeriods: 4,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }
}

import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EventFunctionDefinition } from '#shared/routes/event-functions.ts';
import { deliverToFunction, terminalDeadLetterQueue } from './event-delivery.ts';
import { pascalCase } from './naming.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface ScheduledFunctionsProps {
  /** Event functions with `everyMinutes`. */
  readonly definitions: readonly EventFunctionDefinition[];
  /** Builds one function; it receives the dead-letter queue of its failed invocations. */
  readonly createFunction: (scope: Construct, id: string, definition: EventFunctionDefinition, deadLetterQueue: sqs.IQueue) => PorticoFunction;
}

/**
 * The sweeps that make state converge by itself (customers stuck in a
 * provisioning step, upload reservations nobody finished): one EventBridge
 * schedule per function, retried, failures to a dead-letter queue. A missed
 * run only delays convergence to the next one.
 */
export class ScheduledFunctions extends Construct {
  readonly functions: Readonly<Record<string, PorticoFunction>>;
  readonly rules: Readonly<Record<string, events.Rule>>;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ScheduledFunctionsProps) {
    super(scope, id);
    this.deadLetterQueue = terminalDeadLetterQueue(this, 'DeadLetterQueue', 'the scheduled sweeps');
    const functions: Record<string, PorticoFunction> = {};
    const rules: Record<string, events.Rule> = {};
    for (const definition of props.definitions) {
      if (!definition.everyMinutes) throw new Error(`${definition.id} has no schedule (everyMinutes)`);
      const name = pascalCase(definition.id);
      const fn = props.createFunction(this, `${name}Function`, definition, this.deadLetterQueue);
      const rule = new events.Rule(this, `${name}Schedule`, {
        description: definition.summary,
        schedule: definition.cron
          ? events.Schedule.cron({ minute: definition.cron.minute, hour: definition.cron.hour, ...(definition.cron.day ? { day: definition.cron.day } : {}) })
          : events.Schedule.rate(Duration.minutes(definition.everyMinutes)),
      });
      // A run that could not be delivered is worth nothing once the next one is due (EventBridge retries for at most a day).
      deliverToFunction(rule, fn, this.deadLetterQueue, Duration.minutes(Math.min(definition.everyMinutes, 1440)));
      functions[definition.id] = fn;
      rules[definition.id] = rule;
    }
    this.functions = functions;
    this.rules = rules;
  }
}

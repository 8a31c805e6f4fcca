import { ENV } from '../config/env-vars.ts';
import { customerPages } from '../customers/all-customers.ts';
import { readCounterBatch } from '../usage/storage-samples.ts';
import { deadLetterQueueDepths, deadLetterQueuesFrom } from './dead-letter-queues.ts';
import { addToFleet, emptyFleet } from './fleet.ts';

const queues = deadLetterQueuesFrom(process.env[ENV.deadLetterQueues]);

/**
 * `GET /admin/status`: the fleet in one answer, read a page of customers (and
 * one batch of their counter items) at a time, and the dead-letter queues.
 */
export async function platformStatus(now = new Date()) {
  const fleet = emptyFleet();
  for await (const page of customerPages()) {
    const counters = await readCounterBatch(page.map((customer) => customer.customer_id));
    for (const customer of page) addToFleet(fleet, customer, counters.get(customer.customer_id), now);
  }
  const deadLetters = await deadLetterQueueDepths(queues);
  return {
    as_of: now.toISOString(),
    ...fleet,
    current_template_version: process.env[ENV.customerTemplateVersion] ?? null,
    dead_letter_queues: deadLetters,
    dead_letter_messages: deadLetters.reduce((sum, queue) => sum + queue.messages, 0),
  };
}

import type { Command } from 'commander';
import { platformStatus, type PlatformStatus } from '../api/reports.ts';
import type { Context } from '../context.ts';
import { bytes, details, table } from '../output/render.ts';

export function registerStatus(program: Command, contexts: (command: Command) => Context): void {
  program
    .command('status')
    .description('the fleet: customers by status and plan, storage, active worksets, failures (platform admins)')
    .action(async (_options: unknown, command: Command) => {
      const context = contexts(command);
      context.printer.result(await platformStatus(context.client()), describeStatus);
    });
}

const counts = (record: Readonly<Record<string, number>>) =>
  Object.entries(record)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ') || '-';

function describeStatus(s: PlatformStatus): string {
  const summary = details([
    ['as of', s.as_of],
    ['customers', s.customers],
    ['by status', counts(s.by_status)],
    ['by plan', counts(s.by_plan)],
    ['template versions', counts(s.template_versions)],
    ['current template', s.current_template_version],
    ['stored', bytes(s.storage_bytes)],
    ['active worksets', s.active_worksets],
    ['provisioning failures', s.provisioning_failures.count],
    ['stuck', s.stuck.count],
    ['dead-letter messages', s.dead_letter_messages],
  ]);
  const problems = [
    ...s.provisioning_failures.customers.map((c) => [c.customer_id, 'PROVISION_FAILED', c.since, c.reason] as const),
    ...s.stuck.customers.map((c) => [c.customer_id, `stuck ${c.status}`, c.since, null] as const),
  ];
  return problems.length === 0 ? summary : `${summary}\n${table(['CUSTOMER', 'PROBLEM', 'SINCE', 'REASON'], problems)}`;
}

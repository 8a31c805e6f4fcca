import type { Command } from 'commander';
import { getUsage } from '../api/reports.ts';
import type { Context } from '../context.ts';
import { bytes, details } from '../output/render.ts';
import { CUSTOMER_OPTION } from './options.ts';

export function registerUsage(program: Command, contexts: (command: Command) => Context): void {
  program
    .command('usage')
    .description("a customer's usage")
    .command('show')
    .description('storage, objects, active worksets and runs this month against their limits')
    .option(...CUSTOMER_OPTION)
    .action(async (options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      context.printer.result(await getUsage(context.client(), await context.customerId(options.customer)), (u) =>
        details([
          ['customer_id', u.customer_id],
          ['storage', `${u.storage_gb} of ${u.max_storage_gb} GiB (${u.storage_utilization_percent}%)`],
          ['stored bytes', `${bytes(u.storage_bytes)} in ${u.object_count} objects`],
          ['reserved by uploads', bytes(u.reserved_bytes)],
          ['active worksets', `${u.active_worksets} of ${u.max_concurrent_worksets}`],
          [`runs in ${u.month}`, `${u.runs_this_month} of ${u.max_runs_per_month}`],
          ['as of', u.as_of],
        ]),
      );
    });
}

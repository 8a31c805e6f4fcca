import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { getQuotas, listPlans, putPlan, updateQuotas, type PlanQuotas, type QuotaReport } from '../api/quotas.ts';
import type { Context } from '../context.ts';
import { CliError, UsageError } from '../output/errors.ts';
import { table } from '../output/render.ts';
import { CUSTOMER_OPTION } from './options.ts';

const QUOTAS = ['max_concurrent_worksets', 'max_runs_per_month', 'max_storage_gb', 'max_samples_per_workset', 'requests_per_second', 'burst'] as const;
type QuotaName = (typeof QUOTAS)[number];

/** `quota=limit`, repeatable. */
function quotaAssignment(value: string, previous: Partial<Record<QuotaName, number>> = {}): Partial<Record<QuotaName, number>> {
  const [name, limit] = value.split('=');
  if (!name || !(QUOTAS as readonly string[]).includes(name)) throw new InvalidArgumentError(`the quota must be one of ${QUOTAS.join(', ')}`);
  if (limit === undefined || !/^\d+$/.test(limit)) throw new InvalidArgumentError('must be quota=whole number');
  return { ...previous, [name]: Number(limit) };
}

export function registerPlans(program: Command, contexts: (command: Command) => Context): void {
  const plans = program.command('plans').description('plans and the limits each gives');

  plans
    .command('list')
    .description('every plan and its limits')
    .action(async (_options: unknown, command: Command) => {
      const context = contexts(command);
      context.printer.result(await listPlans(context.client()), ({ plans: items }) =>
        table(
          ['PLAN', ...QUOTAS, 'SOURCE'],
          items.map((p) => [p.plan_id, ...QUOTAS.map((q) => p.quotas[q]), p.source]),
        ),
      );
    });

  plans
    .command('set')
    .description("set a plan's limits (every customer on it without an override follows); platform admins")
    .argument('<plan>')
    .argument('<quota=limit...>', `one or more of ${QUOTAS.join(', ')}`)
    .action(async (planId: string, assignments: string[], _options: unknown, command: Command) => {
      const context = contexts(command);
      const changes = assignments.reduce<Partial<Record<QuotaName, number>>>((all, a) => {
        try {
          return quotaAssignment(a, all);
        } catch (error) {
          throw new UsageError(`'${a}' ${(error as Error).message}`);
        }
      }, {});
      const current = (await listPlans(context.client())).plans.find((p) => p.plan_id === planId);
      if (!current) throw new CliError(`No plan '${planId}': see portico plans list`);
      const quotas: PlanQuotas = { ...current.quotas, ...changes };
      const plan = await putPlan(context.client(), planId, quotas);
      context.printer.result(plan, (p) => table(['PLAN', ...QUOTAS], [[p.plan_id, ...QUOTAS.map((q) => p.quotas[q])]]));
    });
}

export function registerQuotas(program: Command, contexts: (command: Command) => Context): void {
  const quotas = program.command('quotas').description("a customer's quotas: limits, use, overrides");

  quotas
    .command('show')
    .description('each quota: limit, used, remaining, source (plan or override), mode')
    .option(...CUSTOMER_OPTION)
    .action(async (options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      context.printer.result(await getQuotas(context.client(), await context.customerId(options.customer)), quotaTable);
    });

  quotas
    .command('set')
    .description("override one quota for a customer (or 'plan' to follow the plan again); platform admins")
    .addArgument(new Argument('<quota>').choices(QUOTAS))
    .argument('[limit]', "a whole number, or 'plan' to clear the override")
    .addOption(new Option('--mode <mode>', 'enforce (refuse beyond the limit) or warn (admit and report)').choices(['enforce', 'warn']))
    .option(...CUSTOMER_OPTION)
    .action(async (quota: QuotaName, limit: string | undefined, options: { mode?: 'enforce' | 'warn'; customer?: string }, command: Command) => {
      if (limit === undefined && options.mode === undefined) throw new UsageError('Give a limit, plan, or --mode');
      if (limit !== undefined && limit !== 'plan' && !/^\d+$/.test(limit)) throw new UsageError(`The limit must be a whole number or 'plan', not '${limit}'`);
      const context = contexts(command);
      const change = {
        ...(limit !== undefined ? { limit: limit === 'plan' ? null : Number(limit) } : {}),
        ...(options.mode ? { mode: options.mode } : {}),
      };
      const report = await updateQuotas(context.client(), await context.customerId(options.customer), { [quota]: change });
      context.printer.result(report, quotaTable);
    });
}

function quotaTable(report: QuotaReport): string {
  return `${report.customer_id} (plan ${report.plan})\n${table(
    ['QUOTA', 'LIMIT', 'USED', 'REMAINING', 'UNIT', 'SOURCE', 'MODE'],
    report.quotas.map((q) => [q.quota, q.limit, q.used, q.remaining, q.unit, q.source, q.mode]),
  )}`;
}

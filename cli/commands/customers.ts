import { Option, type Command } from 'commander';
import { PorticoProblem } from '#client/index.ts';
import {
  activateCustomer,
  createCustomer,
  deactivateCustomer,
  getCustomer,
  listCustomers,
  offboardCustomer,
  updateCustomer,
  type Customer,
  type CustomerPatch,
  type CustomerStatus,
  type NewCustomer,
} from '../api/customers.ts';
import type { Context } from '../context.ts';
import { CliError, UsageError } from '../output/errors.ts';
import { StatusLine } from '../output/progress.ts';
import { details, table } from '../output/render.ts';
import { collectAssignments, positiveInteger, positiveNumber } from './options.ts';

const STATUSES = ['PROVISIONING', 'PROVISION_FAILED', 'ACTIVE', 'INACTIVE', 'OFFBOARDING', 'OFFBOARDED'] as const;
const PLANS = ['free', 'standard', 'premium', 'enterprise'] as const;
const POLL_MS = 500;

interface ProfileOptions {
  readonly name?: string;
  readonly email?: string;
  readonly plan?: NewCustomer['plan'];
  readonly billingAccount?: string;
  readonly costCenter?: string;
  readonly displayName?: string;
  readonly billingEmail?: string;
  readonly budgetUsd?: number;
  readonly set?: Record<string, unknown>;
}

interface CreateOptions extends ProfileOptions {
  readonly wait?: boolean;
  readonly timeout: number;
}

export function registerCustomers(program: Command, contexts: (command: Command) => Context): void {
  const customers = program.command('customers').description('onboard and manage customers (platform admins)');

  customers
    .command('list')
    .description('list customers, newest first')
    .addOption(new Option('--status <status>', 'only customers in this status').choices(STATUSES))
    .option('--limit <n>', 'at most this many', positiveInteger, 100)
    .action(async (options: { status?: CustomerStatus; limit: number }, command: Command) => {
      const context = contexts(command);
      const page = await collectCustomers(context, options.status, options.limit);
      context.printer.result(page, ({ customers: items }) =>
        items.length === 0
          ? 'No customers.'
          : table(
              ['ID', 'NAME', 'STATUS', 'PLAN', 'EMAIL', 'CREATED'],
              items.map((c) => [c.customer_id, c.customer_name, c.status, c.plan, c.email, c.created_at.slice(0, 10)]),
            ),
      );
    });

  customers
    .command('show')
    .description('show one customer')
    .argument('<customer-id>')
    .action(async (customerId: string, _options: unknown, command: Command) => {
      const context = contexts(command);
      context.printer.result(await getCustomer(context.client(), customerId), describeCustomer);
    });

  const create = customers
    .command('create')
    .description('onboard a customer: its stack and bucket are provisioned (PROVISIONING, then ACTIVE)')
    .requiredOption('--name <name>', 'the customer name')
    .requiredOption('--email <email>', "the customer's contact email")
    .option('--billing-account <id>', 'billing account id (the BillingAccount tag; prompted for when omitted)')
    .option('--cost-center <code>', 'cost center (the CostCenter tag; prompted for when omitted)')
    .option('--wait', 'wait until the customer is ACTIVE, with a status line on stderr')
    .option('--timeout <seconds>', 'with --wait: give up after this long (exit 3: it may still become ACTIVE)', positiveNumber, 600);
  addProfileOptions(create).action(async (options: CreateOptions, command: Command) => {
    const context = contexts(command);
    const body: NewCustomer = {
      customer_name: options.name as string,
      email: options.email as string,
      billing_account_id: options.billingAccount ?? (await askFor(context, 'Billing account id', '--billing-account')),
      cost_center: options.costCenter ?? (await askFor(context, 'Cost center', '--cost-center')),
      ...profileFields(options),
    };
    let customer = await createCustomer(context.client(), body);
    context.note(`Customer ${customer.customer_id} created: ${customer.status}.`);
    if (options.wait) customer = await waitUntilActive(context, customer, options.timeout);
    context.printer.result(customer, describeCustomer);
  });

  const update = customers
    .command('update')
    .description('change a customer (JSON merge patch): profile, plan, billing fields, quota overrides')
    .argument('<customer-id>')
    .option('--name <name>', 'the customer name')
    .option('--email <email>', "the customer's contact email")
    .option('--billing-account <id>', 'billing account id')
    .option('--cost-center <code>', 'cost center')
    .option('--set <field=value>', 'any other field of the PATCH body (value as JSON, null clears); repeatable', collectAssignments);
  addProfileOptions(update).action(async (customerId: string, options: ProfileOptions, command: Command) => {
    const context = contexts(command);
    const patch: CustomerPatch = {
      ...(options.name !== undefined ? { customer_name: options.name } : {}),
      ...(options.email !== undefined ? { email: options.email } : {}),
      ...(options.billingAccount !== undefined ? { billing_account_id: options.billingAccount } : {}),
      ...(options.costCenter !== undefined ? { cost_center: options.costCenter } : {}),
      ...profileFields(options),
      // --set fields are the operator's own; the API validates every one.
      ...(options.set as CustomerPatch | undefined),
    };
    if (Object.keys(patch).length === 0) throw new UsageError('Nothing to change: pass at least one field flag or --set field=value');
    context.printer.result(await updateCustomer(context.client(), customerId, patch), describeCustomer);
  });

  for (const [name, description, call] of [
    ['activate', 're-activate a suspended (INACTIVE) customer', activateCustomer],
    ['deactivate', 'suspend a customer: members keep read access, writes are refused', deactivateCustomer],
  ] as const) {
    customers
      .command(name)
      .description(description)
      .argument('<customer-id>')
      .action(async (customerId: string, _options: unknown, command: Command) => {
        const context = contexts(command);
        const customer = await call(context.client(), customerId);
        context.printer.result(customer, (c) => `${c.customer_id} is ${c.status}.`);
      });
  }

  customers
    .command('offboard')
    .description('offboard a customer: its stack is deleted, the bucket and the record are kept')
    .argument('<customer-id>')
    .option('--confirm <customer-id>', 'the same customer id again (prompted for when omitted)')
    .action(async (customerId: string, options: { confirm?: string }, command: Command) => {
      const context = contexts(command);
      const confirm = options.confirm ?? (await askFor(context, `Type ${customerId} to offboard it`, '--confirm <customer-id>'));
      if (confirm !== customerId) throw new UsageError(`The confirmation '${confirm}' is not the customer id ${customerId}: nothing was done`);
      const customer = await offboardCustomer(context.client(), customerId, confirm);
      context.printer.result(customer, (c) => `${c.customer_id} is ${c.status}.`);
    });
}

function addProfileOptions(command: Command): Command {
  return command
    .addOption(new Option('--plan <plan>', 'the plan').choices(PLANS))
    .option('--display-name <name>', 'a display name')
    .option('--billing-email <email>', 'where budget alerts go')
    .option('--budget-usd <amount>', 'a monthly AWS Budget in USD', positiveNumber);
}

function profileFields(options: ProfileOptions): Partial<Pick<NewCustomer, 'plan' | 'display_name' | 'billing_email' | 'monthly_budget_usd'>> {
  return {
    ...(options.plan !== undefined ? { plan: options.plan } : {}),
    ...(options.displayName !== undefined ? { display_name: options.displayName } : {}),
    ...(options.billingEmail !== undefined ? { billing_email: options.billingEmail } : {}),
    ...(options.budgetUsd !== undefined ? { monthly_budget_usd: options.budgetUsd } : {}),
  };
}

async function askFor(context: Context, question: string, flag: string): Promise<string> {
  const prompter = context.prompter();
  if (!prompter) throw new UsageError(`Missing ${flag} (stdin is not a terminal, so portico cannot ask)`);
  return prompter.text(question);
}

async function collectCustomers(context: Context, status: CustomerStatus | undefined, limit: number) {
  const customers: Customer[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listCustomers(context.client(), {
      ...(status ? { status } : {}),
      ...(nextToken ? { next_token: nextToken } : {}),
      limit: Math.min(100, limit - customers.length),
    });
    customers.push(...page.customers);
    nextToken = page.next_token;
  } while (nextToken && customers.length < limit);
  return { customers, count: customers.length, ...(nextToken ? { next_token: nextToken } : {}) };
}

/** `customers create --wait` gave up waiting: the customer may still become ACTIVE. */
export const WAIT_TIMED_OUT_EXIT_CODE = 3;

/**
 * One read of the customer while waiting: a throttle, an unavailable
 * dependency or a network error is a reason to wait and read again (as told
 * by Retry-After), not to give up on a customer that is still provisioning.
 */
async function pollOnce(context: Context, customerId: string): Promise<Customer | undefined> {
  try {
    return await getCustomer(context.client(), customerId);
  } catch (error) {
    const transient = error instanceof PorticoProblem ? error.status === 429 || error.status >= 500 : error instanceof TypeError;
    if (!transient) throw error;
    const seconds = error instanceof PorticoProblem ? (error.retryAfterSeconds ?? 1) : 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 10) * 1000));
    return undefined;
  }
}

/** Polls the customer until ACTIVE (exit 0), PROVISION_FAILED (exit 1 with the reason) or the timeout (exit 3). */
async function waitUntilActive(context: Context, created: Customer, timeoutSeconds: number): Promise<Customer> {
  const line = new StatusLine(context.io.stderr);
  const started = Date.now();
  const label = (c: Customer) => `${c.customer_name} (${c.customer_id}): ${c.status} ${Math.round((Date.now() - started) / 1000)}s`;
  let customer = created;
  try {
    for (;;) {
      if (customer.status === 'ACTIVE') {
        line.done(`${customer.customer_name} (${customer.customer_id}) is ACTIVE: bucket ${customer.s3_bucket}`, true);
        return customer;
      }
      if (customer.status !== 'PROVISIONING') {
        line.done(label(customer), false);
        const reason = customer.status_reason ? `: ${customer.status_reason}` : '';
        throw new CliError(`Customer ${customer.customer_id} is ${customer.status}${reason}`);
      }
      if (Date.now() - started > timeoutSeconds * 1000) {
        line.done(label(customer), false);
        throw new CliError(
          `Customer ${customer.customer_id} is still PROVISIONING after ${timeoutSeconds} s: check it with portico customers show ${customer.customer_id}`,
          WAIT_TIMED_OUT_EXIT_CODE,
        );
      }
      line.update(`${customer.customer_name} (${customer.customer_id}): ${customer.status}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      customer = (await pollOnce(context, customer.customer_id)) ?? customer;
    }
  } catch (error) {
    if (!(error instanceof CliError)) line.done(label(customer), false);
    throw error;
  }
}

function describeCustomer(c: Customer): string {
  return details([
    ['customer_id', c.customer_id],
    ['name', c.customer_name],
    ['status', c.status_reason ? `${c.status} (${c.status_reason})` : c.status],
    ['email', c.email],
    ['plan', c.plan],
    ['bucket', c.s3_bucket],
    ['billing account', c.billing_account_id],
    ['cost center', c.cost_center],
    ['max concurrent worksets', c.max_concurrent_worksets],
    ['max runs per month', c.max_runs_per_month],
    ['max storage (GiB)', c.max_storage_gb],
    ['created', c.created_at],
  ]);
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { InitializeMiddleware, MiddlewareStack } from '@smithy/types';
import type { Capability, TableAccess } from '#shared/routes/types.ts';
import type { TableName } from '#shared/tables/definitions.ts';

/**
 * A local stand-in for the IAM policies the CDK stack writes. In AWS a
 * function may touch only the tables and services its route (or event
 * function) declares: the grant helper gives it the table's variable and the
 * permission together. Locally every handler shares one process and every
 * variable, so nothing would notice an undeclared use until a deploy. These
 * checks refuse such a call, naming the function and what it forgot to
 * declare, so every integration test proves the declarations are complete.
 */
export interface FunctionGrants {
  readonly id: string;
  readonly tables: Partial<Record<TableName, TableAccess>>;
  readonly capabilities: readonly Capability[];
}

const running = new AsyncLocalStorage<FunctionGrants>();

/** Runs a handler as the named function; SDK calls made inside are checked against its grants. */
export function runAs<T>(grants: FunctionGrants, handler: () => Promise<T>): Promise<T> {
  return running.run(grants, handler);
}

export class LocalAccessDenied extends Error {
  override readonly name = 'AccessDeniedException';
}

/** Read commands, by the names both the document client and the low-level client give them. */
const READS = new Set([
  'GetCommand',
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetCommand',
  'BatchGetItemCommand',
  'TransactGetCommand',
  'TransactGetItemsCommand',
]);

interface CommandInput {
  readonly TableName?: unknown;
  readonly RequestItems?: Record<string, unknown>;
  readonly TransactItems?: readonly Record<string, { readonly TableName: string }>[];
}

interface TableUse {
  readonly table: string;
  readonly access: TableAccess;
}

/** The tables a document-client command touches, and how. */
export function tableUses(commandName: string, input: CommandInput): TableUse[] {
  const access: TableAccess = READS.has(commandName) ? 'read' : 'readwrite';
  if (typeof input.TableName === 'string') return [{ table: input.TableName, access }];
  if (input.RequestItems) return Object.keys(input.RequestItems).map((table) => ({ table, access }));
  if (input.TransactItems) {
    return input.TransactItems.flatMap((item) =>
      Object.entries(item).map(([kind, op]): TableUse => ({ table: op.TableName, access: kind === 'ConditionCheck' || kind === 'Get' ? 'read' : 'readwrite' })),
    );
  }
  return [];
}

export function checkTableUse(grants: FunctionGrants, uses: readonly TableUse[], logicalName: (physical: string) => TableName | undefined): void {
  for (const use of uses) {
    const table = logicalName(use.table);
    const granted = table ? grants.tables[table] : undefined;
    if (granted === 'readwrite' || (granted === 'read' && use.access === 'read')) continue;
    throw new LocalAccessDenied(
      `portico-local: function '${grants.id}' may not ${use.access === 'read' ? 'read' : 'write'} table '${table ?? use.table}'. ` +
        `Declare it in its tables (shared/routes/table.ts or event-functions.ts); in AWS this call would be denied.`,
    );
  }
}

/** Any SDK v3 client: each has a middleware stack. */
interface Client {
  readonly middlewareStack: Pick<MiddlewareStack<object, object>, 'add'>;
}

/** Installs the checks on the clients handlers share (module singletons, so handlers get them too). */
export function installPermissionChecks(clients: {
  dynamo: Client;
  byCapability: readonly (readonly [Client, Capability])[];
  logicalTableName: (physical: string) => TableName | undefined;
}): void {
  const checkTables: InitializeMiddleware<object, object> = (next, context) => async (args) => {
    const grants = running.getStore();
    if (grants) checkTableUse(grants, tableUses(context.commandName ?? '', args.input), clients.logicalTableName);
    return next(args);
  };
  clients.dynamo.middlewareStack.add(
    checkTables,
    { step: 'initialize', name: 'portico-local-table-permissions' },
  );
  for (const [client, capability] of clients.byCapability) {
    const checkCapability: InitializeMiddleware<object, object> = (next, context) => async (args) => {
      const grants = running.getStore();
      if (grants && !grants.capabilities.includes(capability)) {
        throw new LocalAccessDenied(
          `portico-local: function '${grants.id}' called ${context.commandName ?? 'an AWS API'} without the '${capability}' capability. ` +
            'Declare it in its capabilities; in AWS this call would be denied.',
        );
      }
      return next(args);
    };
    client.middlewareStack.add(checkCapability, { step: 'initialize', name: `portico-local-${capability}-permission` });
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { InitializeMiddleware, MiddlewareStack } from '@smithy/types';
import type { Grants, PlatformBucket, ServiceAction } from '#shared/permissions/actions.ts';
import type { TableName } from '#shared/tables/definitions.ts';
import { iamUses, type IamUse, type SdkService } from './iam-actions.ts';

/**
 * A local stand-in for the IAM policies the CDK stack writes. In AWS a
 * function may call only the actions its route (or event function) declares,
 * on the resources `lib/` scopes them to. Locally every handler shares one
 * process and every variable, so nothing would notice an undeclared call
 * until a deploy. This check maps every SDK call to its IAM action and
 * resource and refuses what the running function was not granted, naming the
 * function and the missing action, so every integration test proves the
 * declarations are complete.
 */
export interface FunctionGrants extends Grants {
  readonly id: string;
}

/** Where each service's grants apply, as `lib/` scopes them. */
export interface GrantScopes {
  readonly logicalTableName: (physical: string) => TableName | undefined;
  /** Customer buckets are `<bucketPrefix>-<customer_id>`. */
  readonly bucketPrefix: string;
  readonly stackNamePrefix: string;
  readonly userPoolId: string;
  /** The platform's own buckets by name; reached only through `buckets` grants, never through customer-bucket ones. */
  readonly platformBuckets: Readonly<Record<PlatformBucket, string>>;
}

const running = new AsyncLocalStorage<FunctionGrants>();

/** Every action a function was seen to use, for the grant-coverage report. */
const used = new Map<string, Set<string>>();

/** Runs a handler as the named function; SDK calls made inside are checked against its grants. */
export function runAs<T>(grants: FunctionGrants, handler: () => Promise<T>): Promise<T> {
  return running.run(grants, handler);
}

export function usedActions(): Record<string, string[]> {
  return Object.fromEntries([...used].map(([id, actions]) => [id, [...actions].sort()]));
}

export class LocalAccessDenied extends Error {
  override readonly name = 'AccessDeniedException';
}

function deny(grants: FunctionGrants, what: string): never {
  throw new LocalAccessDenied(
    `portico-local: function '${grants.id}' is not allowed to ${what}. ` +
      'Declare it in its grants (shared/routes/table.ts or event-functions.ts); in AWS this call would be denied.',
  );
}

/** Throws LocalAccessDenied unless every use is granted on a resource in scope; records what was used. */
export function checkUses(grants: FunctionGrants, uses: readonly IamUse[], scopes: GrantScopes): void {
  for (const use of uses) {
    if (use.kind === 'table') {
      const table = scopes.logicalTableName(use.table);
      const granted = table ? (grants.tables[table] ?? []) : [];
      if (!(granted as readonly string[]).includes(use.action)) deny(grants, `call dynamodb:${use.action} on table '${table ?? use.table}'`);
      record(grants.id, `dynamodb:${use.action} ${table}`);
      continue;
    }
    const platformBucket = use.action.startsWith('s3:') ? platformBucketOf(use.resource, scopes) : undefined;
    if (platformBucket) {
      // As in AWS, where customer-bucket grants carry an explicit deny on the platform's buckets.
      const granted: readonly string[] = grants.buckets?.[platformBucket] ?? [];
      if (!granted.includes(use.action)) deny(grants, `call ${use.action} on ${use.resource ?? platformBucket} (the ${platformBucket} bucket)`);
      record(grants.id, `${use.action} bucket:${platformBucket}`);
      continue;
    }
    if (!grants.actions.includes(use.action as ServiceAction)) deny(grants, `call ${use.action}${use.resource ? ` on ${use.resource}` : ''}`);
    if (use.resource !== undefined && !inScope(use.action, use.resource, scopes)) {
      deny(grants, `call ${use.action} on ${use.resource}, outside what its grant covers`);
    }
    record(grants.id, use.action);
  }
}

function platformBucketOf(resource: string | undefined, scopes: GrantScopes): PlatformBucket | undefined {
  const bucket = resource?.split('/')[0];
  return (Object.keys(scopes.platformBuckets) as PlatformBucket[]).find((name) => scopes.platformBuckets[name] === bucket);
}

function inScope(action: string, resource: string, scopes: GrantScopes): boolean {
  if (action.startsWith('s3:')) return resource.startsWith(`${scopes.bucketPrefix}-`);
  if (action.startsWith('cloudformation:')) return resource.startsWith(scopes.stackNamePrefix);
  if (action.startsWith('cognito-idp:')) return resource === scopes.userPoolId;
  return false;
}

function record(functionId: string, action: string): void {
  let actions = used.get(functionId);
  if (!actions) used.set(functionId, (actions = new Set()));
  actions.add(action);
}

/** Any SDK v3 client: each has a middleware stack. */
interface Client {
  readonly middlewareStack: Pick<MiddlewareStack<object, object>, 'add'>;
}

/** Installs the check on the clients handlers share (module singletons, so every handler gets it). */
export function installPermissionChecks(clients: readonly (readonly [Client, SdkService])[], scopes: GrantScopes): void {
  for (const [client, service] of clients) {
    const check: InitializeMiddleware<object, object> = (next, context) => async (args) => {
      const grants = running.getStore();
      if (grants) checkUses(grants, iamUses(service, context.commandName ?? '', args.input), scopes);
      return next(args);
    };
    client.middlewareStack.add(check, { step: 'initialize', name: `portico-local-${service}-permissions` });
  }
}

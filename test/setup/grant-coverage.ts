import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { eventFunctions, type EventFunctionDefinition } from '#shared/routes/event-functions.ts';
import { grantsFor, routeTable } from '#shared/routes/index.ts';
import type { Grants } from '#shared/permissions/actions.ts';

/**
 * "Each function's IAM actions are exactly what its code calls": the local
 * permission check proves every call is granted; this proves every grant is
 * called. At the end of a run of the whole integration suite, every action a
 * function is granted must have been used by it at least once, or named here
 * as reachable only in AWS, with the reason.
 */
export const ONLY_REACHABLE_IN_AWS: Readonly<Record<string, string>> = {
  ...awsOnlyFunctionGrants(),
  'admin.status sqs:GetQueueAttributes':
    "SQS has no local engine: the local stack's event deliveries give up with a log line where AWS uses a dead-letter queue, so DEAD_LETTER_QUEUES is empty locally; test/unit/platform-status/dead-letter-queues.test.ts asserts the exact GetQueueAttributes request against a mocked client.",
  'uploads.complete s3:DeleteObjectVersion':
    'Customer buckets are versioned in AWS, so a rejected object is deleted by version; s3rver has no versioning, so locally the same code path calls s3:DeleteObject.',
  'uploads.complete s3:GetObjectVersion':
    "Customer buckets are versioned in AWS, so the completed object's size is read from its version (HeadObject with VersionId); s3rver returns no version id, so locally the same code path calls s3:GetObject.",
};

/** Every grant of an event function the local stack never runs (`awsOnly`), with its reason. */
function awsOnlyFunctionGrants(): Record<string, string> {
  return Object.fromEntries(
    Object.values(eventFunctions as Record<string, EventFunctionDefinition>).flatMap((f) =>
      f.awsOnly
        ? [
            ...Object.entries(f.tables).flatMap(([table, actions]) => actions.map((action) => [`${f.id} dynamodb:${action} ${table}`, f.awsOnly ?? ''])),
            ...f.actions.map((action) => [`${f.id} ${action}`, f.awsOnly ?? '']),
            ...Object.entries(f.buckets ?? {}).flatMap(([bucket, actions]) => actions.map((action) => [`${f.id} ${action} bucket:${bucket}`, f.awsOnly ?? ''])),
          ]
        : [],
    ),
  );
}

/** `<function id> <action>` for every action every function is granted (tables as `dynamodb:<Action> <table>`). */
export function declaredGrants(): string[] {
  const functions: [string, Grants][] = [
    ...routeTable.map((route): [string, Grants] => [route.id, grantsFor(route)]),
    ...Object.values(eventFunctions as Record<string, EventFunctionDefinition>).map((f): [string, Grants] => [f.id, f]),
  ];
  return functions.flatMap(([id, grants]) => [
    ...Object.entries(grants.tables).flatMap(([table, actions]) => actions.map((action) => `${id} dynamodb:${action} ${table}`)),
    ...grants.actions.map((action) => `${id} ${action}`),
    ...Object.entries(grants.buckets ?? {}).flatMap(([bucket, actions]) => actions.map((action) => `${id} ${action} bucket:${bucket}`)),
  ]);
}

/** Grants nobody used, but those only AWS can exercise. */
export function unusedGrants(declared: readonly string[], used: Readonly<Record<string, readonly string[]>>): string[] {
  const seen = new Set(Object.entries(used).flatMap(([id, actions]) => actions.map((action) => `${id} ${action}`)));
  return declared.filter((grant) => !seen.has(grant) && !(grant in ONLY_REACHABLE_IN_AWS));
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every integration test file, relative to the repository. */
export function integrationTestFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
    );
  return walk(join(ROOT, 'test', 'integration')).map((file) => relative(ROOT, file)).sort();
}

export function relativeToRoot(file: string): string {
  return relative(ROOT, file);
}

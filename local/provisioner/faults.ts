/**
 * Failures tests ask the local provisioner for (`POST /__local/faults`), each
 * for the stacks whose name starts with `stack_name_prefix` and used once:
 *
 * - `create`: the bucket fails to create; the stack rolls back.
 * - `create-after-bucket`: the bucket is created, then its policy fails; the
 *   rollback deletes the bucket only if the create asked for RetainExceptOnCreate.
 * - `delete`: the stack deletion fails (DELETE_FAILED with `reason`).
 * - `update`: the next stack update fails with `reason` and rolls back
 *   (UPDATE_ROLLBACK_IN_PROGRESS with the reason, then UPDATE_ROLLBACK_COMPLETE).
 * - `drop-event`: the next `status` event is lost: never delivered.
 * - `fail-delivery`: the next `status` event's first `attempts` deliveries fail,
 *   as if the target function had thrown; later attempts go through.
 * - `unavailable`: the next `times` calls of `action` on the stack answer 503
 *   ServiceUnavailable, as CloudFormation does when it cannot serve a call.
 * - `refuse`: the next call of `action` on the stack answers 400 ValidationError
 *   with `reason`, as CloudFormation does for a request it will not take.
 *
 * `rollback_ms` makes a rollback last that long, so a test can act during it.
 */
export type Fault =
  | { readonly stack_name_prefix: string; readonly operation: 'create' | 'create-after-bucket'; readonly reason?: string; readonly rollback_ms?: number }
  | { readonly stack_name_prefix: string; readonly operation: 'delete'; readonly reason: string }
  | { readonly stack_name_prefix: string; readonly operation: 'update'; readonly reason: string }
  | { readonly stack_name_prefix: string; readonly operation: 'drop-event'; readonly status: string }
  | { readonly stack_name_prefix: string; readonly operation: 'fail-delivery'; readonly status: string; readonly attempts: number }
  | { readonly stack_name_prefix: string; readonly operation: 'unavailable'; readonly action: string; readonly times: number }
  | { readonly stack_name_prefix: string; readonly operation: 'refuse'; readonly action: string; readonly reason: string };

export type FaultOperation = Fault['operation'];

export class Faults {
  private faults: Fault[] = [];

  /** Adds a fault from a request body; answers what is wrong with it, if anything. */
  add(body: unknown): string | undefined {
    const problem = faultProblem(body);
    if (!problem) this.faults.push(body as Fault);
    return problem;
  }

  /** Removes and returns the first fault for this stack that `matches`. */
  take<O extends FaultOperation>(
    stackName: string,
    operations: readonly O[],
    matches: (fault: Extract<Fault, { operation: O }>) => boolean = () => true,
  ): Extract<Fault, { operation: O }> | undefined {
    const fault = this.faults.find(
      (f): f is Extract<Fault, { operation: O }> =>
        stackName.startsWith(f.stack_name_prefix) && (operations as readonly string[]).includes(f.operation) && matches(f as Extract<Fault, { operation: O }>),
    );
    if (!fault) return undefined;
    this.faults = this.faults.filter((f) => f !== fault);
    // An `unavailable` fault lasts `times` calls.
    const taken: Fault = fault;
    if (taken.operation === 'unavailable' && taken.times > 1) this.faults.push({ ...taken, times: taken.times - 1 });
    return fault;
  }
}

function faultProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'the body must be a JSON object';
  const fault = body as Record<string, unknown>;
  if (typeof fault.stack_name_prefix !== 'string' || fault.stack_name_prefix === '') return 'stack_name_prefix must be a non-empty string';
  switch (fault.operation) {
    case 'create':
    case 'create-after-bucket':
      return fault.rollback_ms === undefined || typeof fault.rollback_ms === 'number' ? undefined : 'rollback_ms must be a number';
    case 'delete':
    case 'update':
      return typeof fault.reason === 'string' ? undefined : `a ${fault.operation} fault needs a reason`;
    case 'drop-event':
      return typeof fault.status === 'string' ? undefined : 'a drop-event fault needs the status of the event to drop';
    case 'fail-delivery':
      return typeof fault.status === 'string' && Number.isInteger(fault.attempts) ? undefined : 'a fail-delivery fault needs a status and a number of attempts';
    case 'unavailable':
      return typeof fault.action === 'string' && Number.isInteger(fault.times) && (fault.times as number) > 0
        ? undefined
        : 'an unavailable fault needs an action and how many times (at least 1)';
    case 'refuse':
      return typeof fault.action === 'string' && typeof fault.reason === 'string' ? undefined : 'a refuse fault needs an action and a reason';
    default:
      return 'operation must be create, create-after-bucket, delete, update, drop-event, fail-delivery, unavailable or refuse';
  }
}

import { SLOT_HOLDING, type WorksetState } from '#shared/workset-lifecycle/states.ts';

/** What one tenant's tables, bucket and usage route hold once the load stopped. */
export interface TenantObservation {
  /** The counter item (usage table, record `counters`). */
  readonly counters: {
    readonly holders: readonly string[];
    readonly storage_bytes: number;
    readonly object_count: number;
    readonly reserved_bytes: number;
    /** Every `runs#YYYY-MM` attribute added up: the tenant is new, so all its runs are the load's. */
    readonly runs: number;
  };
  /** Workset id → state, from the worksets table. */
  readonly worksets: ReadonlyMap<string, WorksetState>;
  /** The bucket listed: every object's key and size. */
  readonly objects: readonly { readonly key: string; readonly size: number }[];
  /** `GET /customers/{id}/usage`, as the customer reads it. */
  readonly usage: { readonly storage_bytes: number; readonly object_count: number; readonly active_worksets: number };
}

/** What the load did to the tenant, from the answers it got. */
export interface TenantModel {
  readonly slots: number;
  /** Admitted (201) and neither canceled nor finished by the load. */
  readonly held: readonly string[];
  readonly admitted: ReadonlySet<string>;
  readonly canceled: ReadonlySet<string>;
  /** Given a `daylily.complete` by the load, as the runner would. */
  readonly finished: ReadonlySet<string>;
  /** Bytes the load put through presigned upload URLs. */
  readonly uploadedBytes: number;
  /** Writes of the tenant answered unexpectedly (counted as errors already): what they changed is unknown. */
  readonly uncertainWrites: number;
}

const UPLOADS_PREFIX = 'uploads/';

/**
 * Every invariant one tenant breaks, each as a sentence; none when all hold.
 * The two the platform promises (quota counters equal the worksets that hold
 * slots; usage equals the bytes stored) are read from the platform's own
 * records, then held against what the load knows it did.
 */
export function tenantViolations(observed: TenantObservation, model: TenantModel): string[] {
  const violations: string[] = [];
  const holders = new Set(observed.counters.holders);
  const slotHolding = new Set([...observed.worksets].filter(([, state]) => SLOT_HOLDING.has(state)).map(([id]) => id));
  const storedBytes = observed.objects.reduce((sum, object) => sum + object.size, 0);
  const uploadBytes = observed.objects.filter((object) => object.key.startsWith(UPLOADS_PREFIX)).reduce((sum, object) => sum + object.size, 0);

  const notHolding = difference(holders, slotHolding);
  const missing = difference(slotHolding, holders);
  if (notHolding.length > 0 || missing.length > 0) {
    violations.push(`counter holders ≠ worksets in slot-holding states: holders without a slot-holding workset [${notHolding.join(', ')}], slot-holding worksets not in holders [${missing.join(', ')}]`);
  }
  if (holders.size > model.slots) violations.push(`${holders.size} worksets hold slots, above max_concurrent_worksets ${model.slots}`);
  if (observed.counters.storage_bytes !== storedBytes) violations.push(`storage_bytes ${observed.counters.storage_bytes} ≠ ${storedBytes} bytes in the bucket`);
  if (observed.counters.object_count !== observed.objects.length) violations.push(`object_count ${observed.counters.object_count} ≠ ${observed.objects.length} objects in the bucket`);
  const usage = observed.usage;
  if (usage.storage_bytes !== storedBytes || usage.object_count !== observed.objects.length || usage.active_worksets !== slotHolding.size) {
    violations.push(
      `GET usage says ${usage.storage_bytes} bytes, ${usage.object_count} objects, ${usage.active_worksets} active worksets; the bucket holds ${storedBytes} bytes in ${observed.objects.length} objects and ${slotHolding.size} worksets hold slots`,
    );
  }
  if (model.uncertainWrites > 0) return violations;

  const expectedHolders = new Set(model.held);
  if (!sameSet(holders, expectedHolders)) {
    violations.push(`counter holders [${[...holders].sort().join(', ')}] ≠ the worksets admitted and not canceled or finished [${[...expectedHolders].sort().join(', ')}]`);
  }
  if (observed.counters.runs !== model.admitted.size) violations.push(`runs counted ${observed.counters.runs} ≠ ${model.admitted.size} admitted submissions`);
  const unknown = difference(new Set(observed.worksets.keys()), model.admitted);
  const lost = difference(model.admitted, new Set(observed.worksets.keys()));
  if (unknown.length > 0) violations.push(`worksets recorded that no 201 answered: [${unknown.join(', ')}]`);
  if (lost.length > 0) violations.push(`admitted worksets not recorded: [${lost.join(', ')}]`);
  for (const [ids, state] of [
    [model.canceled, 'canceled'],
    [model.finished, 'complete'],
  ] as const) {
    const wrong = [...ids].filter((id) => observed.worksets.has(id) && observed.worksets.get(id) !== state);
    if (wrong.length > 0) violations.push(`worksets the load moved to ${state} are not: ${wrong.map((id) => `${id}=${observed.worksets.get(id)}`).join(', ')}`);
  }
  if (observed.counters.reserved_bytes !== 0) violations.push(`reserved_bytes ${observed.counters.reserved_bytes} ≠ 0 though every upload's bytes arrived`);
  if (uploadBytes !== model.uploadedBytes) violations.push(`${uploadBytes} bytes under ${UPLOADS_PREFIX} ≠ ${model.uploadedBytes} bytes the load uploaded`);
  return violations;
}

function difference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((item) => !b.has(item));
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && difference(a, b).length === 0;
}

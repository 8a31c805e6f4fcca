import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { ENV } from '../config/env-vars.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { quotasOf } from '../customers/views.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import { ForbiddenError, UnprocessableError } from '../http/errors.ts';
import { findIdempotencyRecord, idempotencyKey, idempotencyPut, requestHash } from '../idempotency/idempotency.ts';
import type { Caller } from '../identity/caller.ts';
import { logger } from '../observability/logger.ts';
import { locationsOutside, resolveS3Uri, type WorksetConfig } from '../worksets/index.ts';
import { parseReferenceDataPrefixes } from '../worksets/reference-data.ts';
import { admitWorkset } from './admission.ts';
import { handOver } from './handoff.ts';
import { refusalProblem, tooManySamples, warningText } from './refusals.ts';
import { getWorkset, insertWorkset, type WorksetRecord } from './repository.ts';
import { newWorksetId } from './workset-id.ts';

/** Prefixes of reference data every customer may read from, read at cold start (a malformed one fails it). */
const REFERENCE_DATA_PREFIXES: readonly string[] = parseReferenceDataPrefixes(process.env[ENV.referenceDataPrefixes]);

export interface Submission {
  readonly customer: CustomerItem;
  readonly config: WorksetConfig;
  readonly rawBody: unknown;
  readonly caller: Caller;
  readonly idempotencyHeader: string | undefined;
}

export interface SubmissionResult {
  readonly workset: WorksetRecord;
  /** True when an earlier request with the same Idempotency-Key submitted it. */
  readonly replayed: boolean;
}

/**
 * Submits a workset: checks what only the request decides (sample count,
 * where its files are), admits it in one conditional write on the customer's
 * counter item, records it, and hands it to the runner. A retry with the same
 * Idempotency-Key gets the same workset and takes no second slot (admission
 * of an id already holding a slot changes nothing).
 */
export async function submitWorkset(submission: Submission, now = new Date()): Promise<SubmissionResult> {
  const { customer, config } = submission;
  const quotas = await quotasOf(customer);
  // A sample sequenced on several lanes is several units but one sample.
  const samples = sampleCount(config);
  if (samples > quotas.max_samples_per_workset.limit) throw tooManySamples(quotas.max_samples_per_workset.limit, samples);
  const outside = locationsOutside(config, customer.s3_bucket, REFERENCE_DATA_PREFIXES);
  if (outside.length > 0) {
    throw new ForbiddenError(`Every read and the export URI must be in the customer's bucket: ${outside[0]?.location} is not.`, {
      errors: outside.map((o) => ({ field: o.field, message: o.message })),
    });
  }

  const { worksetId, replay } = await worksetIdFor(submission, now);
  if (replay) return { workset: replay, replayed: true };

  const admission = await admitWorkset(
    customer.customer_id,
    worksetId,
    {
      maxConcurrentWorksets: quotas.max_concurrent_worksets,
      maxRunsPerMonth: quotas.max_runs_per_month,
      maxStorageGb: quotas.max_storage_gb,
    },
    now,
  );
  if (!admission.admitted) throw refusalProblem(customer.customer_id, admission.refusal, now);
  const warnings = admission.warnings.map(warningText);
  for (const warning of warnings) logger.warn('quota in warn mode exceeded; workset admitted', { quota: warning.quota, limit: warning.limit, used: warning.used });

  const record = newRecord(submission, worksetId, warnings, now);
  const inserted = await insertWorkset(record);
  const current = inserted ? record : ((await getWorkset(customer.customer_id, worksetId)) ?? record);
  if (current.state !== 'pending') return { workset: current, replayed: !inserted };
  return { workset: await handOver(current, config, now), replayed: !inserted };
}

/** The id this submission's workset has: a new one, or the one an earlier request with the same key chose. */
async function worksetIdFor(submission: Submission, now: Date): Promise<{ worksetId: string; replay?: WorksetRecord }> {
  const key = idempotencyKey(`worksets.submit#${submission.customer.customer_id}`, submission.caller.userId, submission.idempotencyHeader);
  if (!key) return { worksetId: newWorksetId(now) };
  const hash = requestHash(submission.rawBody);
  const claimed = await claimKey(key, hash, newWorksetId(now), now);
  const existing = await getWorkset(submission.customer.customer_id, claimed);
  // A record past `pending` is a finished submission: answer it as it is. Otherwise resume it.
  return existing && existing.state !== 'pending' ? { worksetId: claimed, replay: existing } : { worksetId: claimed };
}

/** Records key → workset id unless the key exists; answers the id the key names. */
async function claimKey(key: string, hash: string, worksetId: string, now: Date): Promise<string> {
  try {
    await dynamo.send(new PutCommand(idempotencyPut(key, hash, worksetId, now).Put));
    return worksetId;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const record = await findIdempotencyRecord(key);
    if (!record) throw error;
    if (record.request_hash !== hash) throw new UnprocessableError('This Idempotency-Key was already used with a different request body.');
    return record.resource_id;
  }
}

function newRecord(submission: Submission, worksetId: string, warnings: WorksetRecord['quota_warnings'], now: Date): WorksetRecord {
  const { customer, config } = submission;
  const stamp = now.toISOString();
  const prefix = `worksets/${worksetId}/`;
  return {
    customer_id: customer.customer_id,
    workset_id: worksetId,
    state: 'pending',
    customer_state: `${customer.customer_id}#pending`,
    ...(config.workset_name ? { workset_name: config.workset_name } : {}),
    pipeline: config.pipeline,
    reference_genome: config.reference_genome,
    priority: config.priority,
    sample_count: sampleCount(config),
    bucket: customer.s3_bucket,
    prefix,
    export_uri: config.export_uri ?? resolveS3Uri(`${prefix}results/`, customer.s3_bucket),
    files: [],
    submitted_at: stamp,
    submitted_by: submission.caller.userId,
    updated_at: stamp,
    attempt_started_at: stamp,
    history: [{ state: 'pending', at: stamp, by: submission.caller.userId }],
    pending: 'pending',
    ...(warnings && warnings.length > 0 ? { quota_warnings: warnings } : {}),
  };
}

function sampleCount(config: WorksetConfig): number {
  return new Set(config.samples.map((sample) => sample.sample_id)).size;
}

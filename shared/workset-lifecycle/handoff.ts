import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../clients/s3.ts';
import { logger } from '../observability/logger.ts';
import { runnerFiles, type WorksetConfig } from '../worksets/index.ts';
import { getWorkset, transitionWorkset, type WorksetRecord } from './repository.ts';

/**
 * Hands an admitted workset to the Daylily runner: writes its five files in
 * the customer's bucket under `worksets/<id>/`, `daylily.ready` last (the
 * runner picks the folder up as soon as that exists), then marks it ready.
 * Every put is idempotent, so a retry (the client's, or the sweep's) writes
 * the same files again. If the files cannot be written, the slot is released
 * and the workset ends `failed` with the reason: never a slot held by a
 * workset the runner cannot see. The error is thrown on, so the request
 * answers it (a retry with the same Idempotency-Key finds the failed workset).
 */
export async function handOver(record: WorksetRecord, config: WorksetConfig, now: Date): Promise<WorksetRecord> {
  const files = runnerFiles({
    config,
    worksetId: record.workset_id,
    ...(record.workset_name ? { worksetName: record.workset_name } : {}),
    customerId: record.customer_id,
    bucket: record.bucket,
    submittedAt: new Date(record.submitted_at),
  });
  // ContentLength explicitly: the SDK computes none for an empty body (sample_data/.hold).
  const put = (file: (typeof files)[number]) =>
    s3.send(new PutObjectCommand({ Bucket: record.bucket, Key: file.key, Body: file.body, ContentLength: Buffer.byteLength(file.body), ContentType: file.contentType }));
  const ready = files.filter((file) => file.key.endsWith('/daylily.ready'));
  try {
    // The runner looks only for daylily.ready: the other files go together, then it alone (the load test
    // found five puts in a row the slowest part of a submission).
    await Promise.all(files.filter((file) => !ready.includes(file)).map(put));
    for (const file of ready) await put(file);
  } catch (error) {
    logger.warn('workset files could not be written; the workset fails and its slot is released', { workset_id: record.workset_id, error: error as Error });
    const failed = await transitionWorkset(record, {
      to: 'failed',
      by: 'system:handoff',
      reason: `The workset's files could not be written to its folder (${(error as Error).name}); nothing was handed to the runner.`,
      now,
    });
    // The caller learns it failed (503 with Retry-After when S3 was unavailable); the workset says why.
    if (!failed.applied) logger.warn('the failed hand-over was moved meanwhile', { workset_id: record.workset_id });
    throw error;
  }
  const handedOver = await transitionWorkset(record, { to: 'ready', by: 'system:handoff', now });
  if (handedOver.applied) return handedOver.record;
  // The event for daylily.ready (or a later sentinel) moved it first: answer it as it is now.
  return (await getWorkset(record.customer_id, record.workset_id)) ?? record;
}

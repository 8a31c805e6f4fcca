import type { WorksetRecord } from './repository.ts';

/** A workset as the API shows it. */
export function toWorksetView(record: WorksetRecord) {
  return {
    workset_id: record.workset_id,
    customer_id: record.customer_id,
    state: record.state,
    ...(record.workset_name ? { workset_name: record.workset_name } : {}),
    pipeline: record.pipeline,
    reference_genome: record.reference_genome,
    priority: record.priority,
    sample_count: record.sample_count,
    bucket: record.bucket,
    prefix: record.prefix,
    export_uri: record.export_uri,
    submitted_at: record.submitted_at,
    submitted_by: record.submitted_by,
    updated_at: record.updated_at,
    ...(record.state_reason ? { state_reason: record.state_reason } : {}),
    ...(record.quota_warnings ? { quota_warnings: record.quota_warnings } : {}),
    history: record.history,
  };
}

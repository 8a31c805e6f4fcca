/**
 * Which answers each kind of request may get under load; anything else is an
 * error of the run. Judged per kind: a 429 naming `max_concurrent_worksets` is
 * the right answer to a submission over quota, and wrong for every other
 * request (the tenants' plan allows far more requests than the stack serves,
 * so a throttle would mean the gateway limits the wrong thing).
 */
export type RequestKind = 'read' | 'submit' | 'cancel' | 'yaml' | 'upload-ticket' | 'upload-put' | 'sentinel';

/** Why the answer is wrong for its kind, or undefined when it is right. */
export function unexpectedAnswer(kind: RequestKind, status: number, body: any, context: { readonly slots: number }): string | undefined {
  if (status === 0) return 'no answer';
  switch (kind) {
    case 'read':
      return status === 200 ? undefined : 'expected 200';
    case 'yaml':
      return status === 200 && typeof body?.yaml_content === 'string' ? undefined : 'expected 200 with yaml_content';
    case 'submit':
      if (status === 201) return typeof body?.workset_id === 'string' ? undefined : '201 without workset_id';
      if (status === 429) {
        return body?.quota === 'max_concurrent_worksets' && body?.limit === context.slots ? undefined : `429 not naming max_concurrent_worksets with limit ${context.slots}`;
      }
      return 'expected 201, or 429 over max_concurrent_worksets';
    case 'cancel':
      return status === 200 && body?.state === 'canceled' ? undefined : 'expected 200 canceled';
    case 'upload-ticket':
      return status === 201 && typeof body?.url === 'string' ? undefined : 'expected 201 with a presigned url';
    case 'upload-put':
    case 'sentinel':
      return status === 200 ? undefined : 'expected 200 from the bucket';
  }
}

import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse } from 'aws-lambda';

/** What a custom resource handler decided, before it is sent back to CloudFormation. */
export type CustomResourceResult =
  | { readonly status: 'SUCCESS'; readonly physicalResourceId: string; readonly data?: Readonly<Record<string, string>> }
  | { readonly status: 'FAILED'; readonly physicalResourceId: string; readonly reason: string };

/** CloudFormation keeps a response under 4,096 bytes: the reason is cut well before that. */
export const MAX_REASON_LENGTH = 1_000;

export function customResourceResponse(event: CloudFormationCustomResourceEvent, result: CustomResourceResult): CloudFormationCustomResourceResponse {
  const common = {
    PhysicalResourceId: result.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  return result.status === 'SUCCESS'
    ? { ...common, Status: 'SUCCESS', ...(result.data ? { Data: { ...result.data } } : {}) }
    : { ...common, Status: 'FAILED', Reason: result.reason.slice(0, MAX_REASON_LENGTH) };
}

/**
 * PUTs the response to the presigned S3 URL CloudFormation gave (ResponseURL). The URL
 * is signed without a content type, so none is sent. Throws when it cannot be delivered:
 * Lambda's asynchronous retries then run the handler again, which is idempotent.
 */
export async function sendCustomResourceResponse(responseUrl: string, response: CloudFormationCustomResourceResponse): Promise<void> {
  const answer = await fetch(responseUrl, {
    method: 'PUT',
    body: JSON.stringify(response),
    headers: { 'content-type': '' },
    signal: AbortSignal.timeout(5_000),
  });
  if (!answer.ok) throw new Error(`CloudFormation response not accepted: HTTP ${answer.status} ${await answer.text()}`);
}

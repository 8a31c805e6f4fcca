/**
 * Typed views of the upload routes (bodies typed by client/schema.ts).
 */
import { unwrap, type PorticoClient, type components } from '#client/index.ts';

type S = components['schemas'];
export type Upload = S['Upload'];
export type MultipartUpload = S['MultipartUpload'];
export type CreatedUpload = S['SinglePutUpload'] | MultipartUpload;

export async function createUpload(client: PorticoClient, customerId: string, body: { filename: string; size_bytes: number; content_type?: string }): Promise<CreatedUpload> {
  return unwrap(await client.POST('/customers/{customer_id}/uploads', { params: { path: { customer_id: customerId } }, body }));
}

export async function completeUpload(client: PorticoClient, customerId: string, uploadId: string, parts: { part_number: number; etag: string }[]): Promise<Upload> {
  return unwrap(
    await client.POST('/customers/{customer_id}/uploads/{upload_id}/complete', { params: { path: { customer_id: customerId, upload_id: uploadId } }, body: { parts } }),
  );
}

export async function abortUpload(client: PorticoClient, customerId: string, uploadId: string): Promise<Upload> {
  return unwrap(await client.POST('/customers/{customer_id}/uploads/{upload_id}/abort', { params: { path: { customer_id: customerId, upload_id: uploadId } } }));
}

/** Where an upload stands. COMPLETED: its object is in the bucket (a single PUT arrived, or a multipart upload was completed). */
export type UploadState = 'PENDING' | 'COMPLETED' | 'ABORTED' | 'EXPIRED' | 'REJECTED';

/** An upload Portico handed out, as stored in the uploads table. */
export interface UploadRecord {
  readonly customer_id: string;
  readonly upload_id: string;
  readonly bucket: string;
  readonly key: string;
  readonly filename: string;
  readonly size_bytes: number;
  readonly sha256?: string;
  readonly content_type?: string;
  readonly multipart: boolean;
  /** S3's id of the multipart upload. */
  readonly s3_upload_id?: string;
  readonly part_size_bytes?: number;
  readonly part_count?: number;
  readonly state: UploadState;
  /**
   * Storage this upload holds against the customer's quota until its object is
   * counted (or it is aborted, rejected or expires); 0 once released.
   */
  readonly reserved_bytes: number;
  /** Present while `reserved_bytes` is held: the key of the sparse `pending` index the expiry sweep reads. */
  readonly pending?: 'pending';
  readonly created_at: string;
  readonly created_by: string;
  readonly url_expires_at: string;
  /** Epoch seconds when the record may be deleted (a week after the URLs expire). */
  readonly expires_at: number;
  readonly completed_at?: string;
  /** Why the upload was rejected (its object did not have the declared size). */
  readonly state_reason?: string;
}

/** `uploads/<yyyy>/<mm>/<dd>/<upload_id>/<filename>`: the object key names its upload. */
export function uploadObjectKey(uploadId: string, filename: string, now: Date): string {
  return `uploads/${now.toISOString().slice(0, 10).split('-').join('/')}/${uploadId}/${filename}`;
}

const KEY_UPLOAD_ID = /^uploads\/\d{4}\/\d{2}\/\d{2}\/(up-[0-9a-f]{24})\/[^/]+$/;

/** The upload an object key belongs to, if it is an upload's key. */
export function uploadIdOfKey(key: string): string | undefined {
  return KEY_UPLOAD_ID.exec(key)?.[1];
}

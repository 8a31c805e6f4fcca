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
  readonly state: 'PENDING' | 'COMPLETED' | 'ABORTED';
  readonly created_at: string;
  readonly created_by: string;
  readonly url_expires_at: string;
  /** Epoch seconds when the record may be deleted (a week after the URLs expire). */
  readonly expires_at: number;
  readonly completed_at?: string;
}

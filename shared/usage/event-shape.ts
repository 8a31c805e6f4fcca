/**
 * What an S3 object event must look like before it may move a counter. S3
 * never sends anything else, so an event that fails here is forged, corrupted
 * or replayed by hand: it is ignored (and logged), never retried, since no
 * retry would make it right; the daily reconciliation corrects what a lost
 * event leaves. Pure: tested on its own.
 */

/** S3 keys are at most 1,024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;
/** S3 version ids are 32 characters; anything much longer is not one. */
const MAX_VERSION_ID_LENGTH = 256;
/** S3 sequencers are hex, 16 to 18 digits today; normalizeSequencer pads them to 32. */
const SEQUENCER = /^[0-9A-Fa-f]{1,32}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why the event cannot be applied, or undefined when it can. A missing sequencer counts as the oldest (it can never override a real one). */
export function malformedReason(event: unknown): string | undefined {
  if (!isRecord(event) || !isRecord(event.detail)) return 'no detail';
  const type = event['detail-type'];
  if (type !== 'Object Created' && type !== 'Object Deleted') return `detail-type ${JSON.stringify(type)?.slice(0, 40)}`;
  const { bucket, object } = event.detail;
  if (!isRecord(bucket) || typeof bucket.name !== 'string') return 'no bucket name';
  if (!isRecord(object) || typeof object.key !== 'string' || object.key === '') return 'no object key';
  if (!object.key.isWellFormed() || Buffer.byteLength(object.key) > MAX_KEY_BYTES) return 'object key is not a key S3 allows';
  const version = object['version-id'];
  if (version !== undefined && (typeof version !== 'string' || version === '' || version.length > MAX_VERSION_ID_LENGTH || !version.isWellFormed())) {
    return 'version-id is not an S3 version id';
  }
  if (object.sequencer !== undefined && (typeof object.sequencer !== 'string' || !SEQUENCER.test(object.sequencer))) return 'sequencer is not S3 hex';
  if (type === 'Object Created' && !(typeof object.size === 'number' && Number.isSafeInteger(object.size) && object.size >= 0)) {
    return 'size is not a whole number of bytes';
  }
  return undefined;
}

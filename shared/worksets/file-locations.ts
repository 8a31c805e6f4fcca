/**
 * Checks for the places a workset points at: FASTQ files (a bare file name, an
 * object key in the customer bucket, or an `s3://bucket/key` URI) and the
 * `s3://bucket/prefix` results are exported to. Each check returns predicates
 * ("must …") that the schema reports under the field's path.
 */

/** S3 keys are at most 1024 bytes; `s3://` plus a 63-character bucket and `/` fit in the rest. */
export const MAX_LOCATION_LENGTH = 1100;

export const FASTQ_EXTENSION = /\.(?:fastq|fq)(?:\.gz)?$/;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function fastqLocationProblems(value: string): string[] {
  if (value === '') return ['must not be empty'];
  const early = characterProblems(value);
  if (early) return [early];
  if (OTHER_SCHEME.test(value) && !value.startsWith('s3://')) {
    return ['must be a file name, an object key or an s3:// URI'];
  }
  const problems: string[] = [];
  let path = value;
  if (value.startsWith('s3://')) {
    const { bucketProblem, key } = splitS3Uri(value);
    if (bucketProblem) problems.push(bucketProblem);
    if (key === '') return [...problems, 'must name an object key after the bucket'];
    path = key;
  }
  problems.push(...segmentProblems(path));
  // Tested on the whole path, which ends with the final segment: the extension holds no '/'.
  if (!FASTQ_EXTENSION.test(path)) problems.push('must end in .fastq, .fq, .fastq.gz or .fq.gz');
  return problems;
}

export function exportUriProblems(value: string): string[] {
  if (value === '') return ['must not be empty'];
  const early = characterProblems(value);
  if (early) return [early];
  if (!value.startsWith('s3://')) return ['must be an s3://bucket/prefix URI'];
  const { bucketProblem, key } = splitS3Uri(value);
  const problems = bucketProblem ? [bucketProblem] : [];
  // A trailing slash is the usual way to write a prefix; only the one.
  const prefix = key.endsWith('/') ? key.slice(0, -1) : key;
  if (prefix === '') return [...problems, 'must name a prefix after the bucket'];
  return [...problems, ...segmentProblems(prefix)];
}

function characterProblems(value: string): string | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'must not contain control characters';
  if (value.includes('\\')) return 'must separate path segments with /, not \\';
  return undefined;
}

function splitS3Uri(uri: string): { bucketProblem?: string; key: string } {
  const rest = uri.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  return S3_BUCKET.test(bucket)
    ? { key }
    : { key, bucketProblem: 'must name a valid S3 bucket after s3:// (3-63 lowercase letters, digits, dots, hyphens)' };
}

function segmentProblems(path: string): string[] {
  const segments = path.split('/');
  const problems: string[] = [];
  if (segments.includes('')) problems.push('must not contain empty path segments (leading, trailing or doubled /)');
  if (segments.includes('..') || segments.includes('.')) problems.push("must not contain '.' or '..' path segments");
  return problems;
}

import type { WorksetConfig } from './schema.ts';

/**
 * Where a workset's files are: every FASTQ location resolves to an `s3://`
 * URI (a bare file name or key is an object in the customer's bucket), and
 * every one must lie in the customer's bucket or under a registered
 * reference-data prefix; the export URI in the customer's bucket only.
 */

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** A location as the schema accepts it, as a full `s3://bucket/key` URI. */
export function resolveS3Uri(location: string, bucket: string): string {
  return location.startsWith('s3://') ? location : `s3://${bucket}/${location}`;
}

export function splitS3Uri(uri: string): S3Location | undefined {
  if (!uri.startsWith('s3://')) return undefined;
  const rest = uri.slice('s3://'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

export interface OutsideLocation {
  /** `samples.3.fastq_r1` or `export_uri`. */
  readonly field: string;
  /** The location resolved to a full URI. */
  readonly location: string;
  readonly message: string;
}

/**
 * Every sample read and the export URI that fall outside the customer's
 * bucket (reads may also be under one of `referencePrefixes`, each
 * `s3://bucket/prefix/`; results may not). A key with `.`, `..` or empty segments is outside
 * whatever its bucket: tools that copy it may read it as a path. The caller
 * answers 403 naming them; an empty list means all are inside.
 */
export function locationsOutside(
  config: WorksetConfig,
  customerBucket: string,
  referencePrefixes: readonly string[],
): OutsideLocation[] {
  const prefixes = referencePrefixes.flatMap((prefix) => {
    const location = splitS3Uri(prefix);
    return location ? [{ bucket: location.bucket, key: location.key.endsWith('/') ? location.key : `${location.key}/` }] : [];
  });
  const outside: OutsideLocation[] = [];
  config.samples.forEach((sample, index) => {
    for (const field of ['fastq_r1', 'fastq_r2'] as const) {
      const value = sample[field];
      if (value === undefined) continue;
      const uri = resolveS3Uri(value, customerBucket);
      const location = splitS3Uri(uri);
      const inside =
        location !== undefined &&
        isPlainKey(location.key) &&
        (location.bucket === customerBucket ||
          prefixes.some((prefix) => prefix.bucket === location.bucket && location.key.startsWith(prefix.key)));
      if (!inside) {
        outside.push({
          field: `samples.${index}.${field}`,
          location: uri,
          message: `${uri} is outside the customer's bucket and the registered reference data`,
        });
      }
    }
  });
  // Without an export URI, results go to the workset's own folder.
  const exportUri = config.export_uri;
  const exportLocation = exportUri === undefined ? undefined : splitS3Uri(exportUri);
  if (
    exportUri !== undefined &&
    (exportLocation?.bucket !== customerBucket || !isPlainKey(exportLocation.key.replace(/\/$/, '')))
  ) {
    outside.push({ field: 'export_uri', location: exportUri, message: `${exportUri} is outside the customer's bucket` });
  }
  return outside;
}

function isPlainKey(key: string): boolean {
  return key !== '' && key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export interface NamedLocation {
  /** `samples.3.fastq_r1` or `export_uri`. */
  readonly field: string;
  readonly location: string;
  readonly bucket: string;
}

/** Every location the config names with a bucket (full `s3://` URIs; a bare key names none yet). */
export function namedBuckets(config: WorksetConfig): NamedLocation[] {
  const named: NamedLocation[] = [];
  const add = (field: string, value: string | undefined) => {
    const location = value === undefined ? undefined : splitS3Uri(value);
    if (value !== undefined && location) named.push({ field, location: value, bucket: location.bucket });
  };
  config.samples.forEach((sample, index) => {
    add(`samples.${index}.fastq_r1`, sample.fastq_r1);
    add(`samples.${index}.fastq_r2`, sample.fastq_r2);
  });
  add('export_uri', config.export_uri);
  return named;
}

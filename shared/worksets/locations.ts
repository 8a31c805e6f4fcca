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
  // Sheet columns reach the runner verbatim (a concordance directory, a stage target, a
  // platform's own read columns): any location in them is held to the same rule, and a
  // destination (STAGE_TARGET) may not be shared reference data either.
  config.samples.forEach((sample, index) => {
    for (const [column, value] of Object.entries(sample.sheet_columns ?? {})) {
      if (!URI_SCHEME.test(value)) continue;
      const location = splitS3Uri(value);
      const readable = column !== 'STAGE_TARGET';
      const inside =
        location !== undefined &&
        isPlainKey(location.key.replace(/\/$/, '')) &&
        (location.bucket === customerBucket ||
          (readable && prefixes.some((prefix) => prefix.bucket === location.bucket && `${location.key}/`.startsWith(prefix.key))));
      if (!inside) {
        outside.push({ field: `samples.${index}.sheet_columns.${column}`, location: value, message: `${value} is outside the customer's bucket` });
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

/** A value that names a location by URI (`s3://…`, `S3://…`, `https://…`): sheet cells holding one are checked. */
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

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
  config.samples.forEach((sample, index) => {
    for (const [column, value] of Object.entries(sample.sheet_columns ?? {})) add(`samples.${index}.sheet_columns.${column}`, value);
  });
  return named;
}

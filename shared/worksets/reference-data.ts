/**
 * Reference data every customer's worksets may read besides their own bucket
 * (a shared genome bundle, public controls): `s3://bucket/prefix/` entries,
 * comma-separated, from `REFERENCE_DATA_PREFIXES` (set from the
 * `portico:referenceDataPrefixes` context at deploy). A prefix must name a
 * bucket and a folder, so one entry can never open a whole bucket by accident.
 */
const PREFIX = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[A-Za-z0-9!_.*'()-]+\/)+$/;

export function referenceDataPrefixProblems(prefix: string): string[] {
  if (!PREFIX.test(prefix)) return [`${JSON.stringify(prefix)} is not s3://<bucket>/<folder>/ (a bucket and at least one folder, ending in /)`];
  if (prefix.split('/').some((segment) => segment === '.' || segment === '..')) return [`${JSON.stringify(prefix)} has a . or .. segment`];
  return [];
}

/** The prefixes a comma-separated value lists; throws naming every malformed one. */
export function parseReferenceDataPrefixes(value: string | undefined): string[] {
  const prefixes = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const problems = prefixes.flatMap(referenceDataPrefixProblems);
  if (problems.length > 0) throw new Error(`Reference data prefixes: ${problems.join('; ')}`);
  return prefixes;
}

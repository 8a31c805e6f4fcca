import { describe, expect, it } from 'vitest';
import { parseReferenceDataPrefixes } from '#shared/worksets/reference-data.ts';

describe('parseReferenceDataPrefixes', () => {
  it('reads comma-separated s3://bucket/folder/ prefixes, none when unset', () => {
    expect(parseReferenceDataPrefixes(undefined)).toEqual([]);
    expect(parseReferenceDataPrefixes(' s3://refs-1/hg38/ ,s3://refs-1/giab/v4.2/ ')).toEqual(['s3://refs-1/hg38/', 's3://refs-1/giab/v4.2/']);
  });

  it.each(['s3://refs-1', 's3://refs-1/', 's3://refs-1/hg38', 'https://refs-1/hg38/', 's3://Refs/hg38/', 's3://refs-1/../other/'])(
    'refuses %s: a prefix names a bucket and a folder',
    (value) => {
      expect(() => parseReferenceDataPrefixes(value)).toThrow(/Reference data prefixes/);
    },
  );
});

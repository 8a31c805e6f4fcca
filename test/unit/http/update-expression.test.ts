import { describe, expect, it } from 'vitest';
import { buildUpdateExpression } from '#shared/dynamo/update-expression.ts';

describe('buildUpdateExpression', () => {
  it('sets values, removes nulls and skips undefined, with placeholders for every name', () => {
    const parts = buildUpdateExpression({ status: 'ACTIVE', display_name: null, description: undefined, max_storage_gb: 10 });

    expect(parts).toEqual({
      UpdateExpression: 'SET #f0 = :v0, #f2 = :v2 REMOVE #f1',
      ExpressionAttributeNames: { '#f0': 'status', '#f1': 'display_name', '#f2': 'max_storage_gb' },
      ExpressionAttributeValues: { ':v0': 'ACTIVE', ':v2': 10 },
    });
  });

  it('builds only a REMOVE clause when everything is cleared', () => {
    expect(buildUpdateExpression({ a: null }).UpdateExpression).toBe('REMOVE #f0');
  });
});

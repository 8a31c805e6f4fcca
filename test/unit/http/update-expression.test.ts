import { describe, expect, it } from 'vitest';
import { buildUpdateExpression } from '#shared/dynamo/update-expression.ts';

describe('buildUpdateExpression', () => {
  it('sets values, removes nulls and skips undefined, with placeholders for every name', () => {
    const parts = buildUpdateExpression({ status: 'ACTIVE', display_name: null, description: undefined, plan: 'free' });

    expect(parts).toEqual({
      UpdateExpression: 'SET #f0_0 = :v0, #f2_0 = :v2 REMOVE #f1_0',
      ExpressionAttributeNames: { '#f0_0': 'status', '#f1_0': 'display_name', '#f2_0': 'plan' },
      ExpressionAttributeValues: { ':v0': 'ACTIVE', ':v2': 'free' },
    });
  });

  it('builds only a REMOVE clause when everything is cleared', () => {
    expect(buildUpdateExpression({ a: null }).UpdateExpression).toBe('REMOVE #f0_0');
  });

  it('writes a dotted key as a path into a map, each part its own placeholder', () => {
    const parts = buildUpdateExpression({ 'quota_overrides.max_storage_gb': 10, 'quota_overrides.burst': null });

    expect(parts).toEqual({
      UpdateExpression: 'SET #f0_0.#f0_1 = :v0 REMOVE #f1_0.#f1_1',
      ExpressionAttributeNames: { '#f0_0': 'quota_overrides', '#f0_1': 'max_storage_gb', '#f1_0': 'quota_overrides', '#f1_1': 'burst' },
      ExpressionAttributeValues: { ':v0': 10 },
    });
  });
});

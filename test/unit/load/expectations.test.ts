import { describe, expect, it } from 'vitest';
import { unexpectedAnswer } from '#test/load/expectations.ts';

const slots = { slots: 3 };
const overQuota = { status: 429, quota: 'max_concurrent_worksets', limit: 3, used: 3 };

describe('unexpectedAnswer', () => {
  it('accepts a submission admitted with its id, or refused over max_concurrent_worksets at the tenant limit', () => {
    expect(unexpectedAnswer('submit', 201, { workset_id: 'ws-1' }, slots)).toBeUndefined();
    expect(unexpectedAnswer('submit', 429, overQuota, slots)).toBeUndefined();
  });

  it('refuses a 429 for any other reason: a throttle, another quota, another limit, or on another kind of request', () => {
    expect(unexpectedAnswer('submit', 429, { status: 429, title: 'Too Many Requests' }, slots)).toBe('429 not naming max_concurrent_worksets with limit 3');
    expect(unexpectedAnswer('submit', 429, { ...overQuota, quota: 'max_runs_per_month' }, slots)).toBe('429 not naming max_concurrent_worksets with limit 3');
    expect(unexpectedAnswer('submit', 429, { ...overQuota, limit: 5 }, slots)).toBe('429 not naming max_concurrent_worksets with limit 3');
    expect(unexpectedAnswer('read', 429, overQuota, slots)).toBe('expected 200');
    expect(unexpectedAnswer('upload-ticket', 429, { quota: 'max_storage_gb' }, slots)).toBe('expected 201 with a presigned url');
  });

  it('refuses server errors, missing answers and answers without what the next step needs', () => {
    expect(unexpectedAnswer('submit', 503, {}, slots)).toBe('expected 201, or 429 over max_concurrent_worksets');
    expect(unexpectedAnswer('submit', 201, {}, slots)).toBe('201 without workset_id');
    expect(unexpectedAnswer('read', 0, undefined, slots)).toBe('no answer');
    expect(unexpectedAnswer('yaml', 200, {}, slots)).toBe('expected 200 with yaml_content');
    expect(unexpectedAnswer('cancel', 200, { state: 'ready' }, slots)).toBe('expected 200 canceled');
    expect(unexpectedAnswer('upload-put', 403, undefined, slots)).toBe('expected 200 from the bucket');
  });

  it('accepts the answers each other kind expects', () => {
    expect(unexpectedAnswer('read', 200, {}, slots)).toBeUndefined();
    expect(unexpectedAnswer('yaml', 200, { yaml_content: 'samples: []\n' }, slots)).toBeUndefined();
    expect(unexpectedAnswer('cancel', 200, { state: 'canceled' }, slots)).toBeUndefined();
    expect(unexpectedAnswer('upload-ticket', 201, { url: 'http://127.0.0.1/b/k' }, slots)).toBeUndefined();
    expect(unexpectedAnswer('sentinel', 200, undefined, slots)).toBeUndefined();
  });
});

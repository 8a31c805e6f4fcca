import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '#local/gateway/request-target.ts';

describe('parseRequestTarget', () => {
  it.each(['/customers/%E0%A4%A', '/customers/%ZZ', '/customers/%', '/customers?confirm=%', '/customers?x=%E0%A4', 'http://['])(
    'refuses %s, whose encoding does not decode',
    (target) => {
      expect(parseRequestTarget(target)).toBeUndefined();
    },
  );

  it('keeps the path encoded as sent and reads the query', () => {
    const target = parseRequestTarget('/customers/acme%2Dco?confirm=acme-co&x=a+b');
    expect(target?.path).toBe('/customers/acme%2Dco');
    expect(target?.search).toBe('?confirm=acme-co&x=a+b');
    expect(target?.query.get('confirm')).toBe('acme-co');
    expect(target?.query.get('x')).toBe('a b');
  });

  it('reads a leading // as a path, not as a host', () => {
    expect(parseRequestTarget('//customers')?.path).toBe('//customers');
  });

  it('reads the absolute form', () => {
    expect(parseRequestTarget('http://127.0.0.1:3000/customers?limit=2')).toMatchObject({ path: '/customers', search: '?limit=2' });
  });
});

import fc from 'fast-check';

/** One request as the fuzzer sends it; every part may be mutated. */
export interface FuzzRequest {
  /** What was done to the valid request, for the failure report. */
  readonly mutation: string;
  /** Path parameter values, percent-encoded as they go into the path. */
  readonly params: Readonly<Record<string, string>>;
  /** Query pairs in order (encoded when sent); `rawQuery` is appended as is. */
  readonly query: readonly (readonly [string, string])[];
  readonly rawQuery?: string;
  /** A JSON value to send, or `raw` text; none for a request without body. */
  readonly body?: { readonly json: unknown } | { readonly raw: string };
  readonly headers: Readonly<Record<string, string>>;
  /** Set by mutations whose answer does not follow from the schemas: the status or class expected. */
  readonly expect?: { readonly status?: number; readonly reject?: true; readonly why: string };
}

const KB = 1024;

/** Text no API should choke on: lone surrogates, RTL and zero-width marks, NUL, BOM, noncharacters, combining marks, emoji. */
export const oddText = fc.constantFrom(
  '\ud800',
  'ok\udfffok',
  '\u202egnp.exe',
  'a\u200bb\u200d\u2060',
  'nul\u0000byte',
  '\ufeffbom',
  '\uffff\ufffe',
  'e\u0301\u0301\u0301',
  '👩‍🔬🧬',
  '\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  ' ',
  '',
);

/** A value of another JSON type than `value`'s. */
function otherType(value: unknown): fc.Arbitrary<unknown> {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return fc
    .oneof(
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.string({ maxLength: 8 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    )
    .filter((other) => kind(other) !== kind(value));
}

/** Every place in a JSON value, as a list of keys from the root (the root itself is []). */
export function pathsOf(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.slice(0, 3).flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

function setAt(value: unknown, path: readonly PropertyKey[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<PropertyKey, unknown>;
  const parent = path.slice(0, -1).reduce<Record<PropertyKey, unknown>>((node, key) => node[key] as Record<PropertyKey, unknown>, copy);
  // defineProperty: a key such as `__proto__` stays an own, serialized key.
  Object.defineProperty(parent, path[path.length - 1] as PropertyKey, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

function removeAt(value: unknown, path: readonly PropertyKey[]): unknown {
  const copy = structuredClone(value) as Record<PropertyKey, unknown>;
  const parent = path.slice(0, -1).reduce<Record<PropertyKey, unknown>>((node, key) => node[key] as Record<PropertyKey, unknown>, copy);
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else delete parent[path[path.length - 1] as PropertyKey];
  return copy;
}

const label = (path: readonly PropertyKey[]) => (path.length === 0 ? '(root)' : path.map(String).join('.'));

const nested = (depth: number, leaf: 'array' | 'object'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = leaf === 'array' ? [value] : { a: value };
  return value;
};

/**
 * Mutations of a JSON body: a field of the wrong type, a field missing, an
 * unknown field (`__proto__` among them), huge text (over 64 KB), deep
 * nesting, odd unicode, a body that is not JSON or not an object.
 */
export function bodyMutations(base: FuzzRequest, value: unknown): fc.Arbitrary<FuzzRequest> {
  const paths = pathsOf(value);
  const inner = paths.filter((p) => p.length > 0);
  const objects = paths.filter((p) => {
    const node = p.reduce<unknown>((n, k) => (n as Record<PropertyKey, unknown>)[k], value);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const withBody = (mutation: string, json: unknown): FuzzRequest => ({ ...base, mutation, body: { json } });
  const withRaw = (mutation: string, raw: string): FuzzRequest => ({ ...base, mutation, body: { raw } });
  const mutations: fc.Arbitrary<FuzzRequest>[] = [
    fc
      .constantFrom(...paths)
      .chain((path) => otherType(path.reduce<unknown>((n, k) => (n as Record<PropertyKey, unknown>)?.[k], value)).map((v) => [path, v] as const))
      .map(([path, v]) => withBody(`wrong type at ${label(path)}: ${JSON.stringify(v)}`, setAt(value, path, v))),
    fc.constantFrom(...paths).map((path) => withBody(`nested ${label(path)} 3,000 deep`, setAt(value, path, nested(3000, path.length % 2 ? 'array' : 'object')))),
    fc.constantFrom(...paths).map((path) => withBody(`70 KB of text at ${label(path)}`, setAt(value, path, 'x'.repeat(70 * KB)))),
    fc.tuple(fc.constantFrom(...paths), oddText).map(([path, text]) => withBody(`odd text at ${label(path)}: ${JSON.stringify(text)}`, setAt(value, path, text))),
    fc
      .tuple(fc.constantFrom(...paths), oddText, fc.string({ maxLength: 6 }))
      .map(([path, text, s]) => withBody(`odd text in ${label(path)}: ${JSON.stringify(s + text)}`, setAt(value, path, `${s}${text}${s}`))),
    fc
      .constantFrom('{', '{"a":', '[1,]', "{'a':1}", 'nul', '\u0000', '{"a":1}}', '1e999999', '"\\ud800"', 'x'.repeat(70 * KB))
      .map((raw) => withRaw(`not JSON: ${JSON.stringify(raw.slice(0, 20))}`, raw)),
    fc.constantFrom<unknown>(null, [], 'text', 42, true, [value]).map((json) => withBody(`body ${JSON.stringify(json).slice(0, 30)}`, json)),
    fc.constant(withRaw('empty body', '')),
    fc.constant(withRaw('an array of 20,000 elements', JSON.stringify(Array.from({ length: 20_000 }, (_, i) => i)))),
  ];
  if (inner.length > 0) {
    mutations.push(fc.constantFrom(...inner).map((path) => withBody(`missing ${label(path)}`, removeAt(value, path))));
  }
  if (objects.length > 0) {
    mutations.push(
      fc
        .tuple(fc.constantFrom(...objects), fc.oneof(fc.constantFrom('__proto__', 'constructor', 'customer_id', 'is_admin', 'Role', ''), fc.string({ minLength: 1, maxLength: 8 })), fc.jsonValue({ maxDepth: 1 }))
        .map(([path, key, v]) => withBody(`extra field ${label([...path, key])}: ${JSON.stringify(v)}`, setAt(value, [...path, key], v))),
    );
  }
  return fc.oneof(...mutations);
}

/** Text for a query value: too long, negative, not a number, odd unicode. */
const queryValue = fc.oneof(
  fc.constantFrom('-1', '0', '1e9', '999999999999999999999', '1.5', 'NaN', 'Infinity', '0x10', ' 5', 'null', '', 'x'.repeat(5 * KB)),
  oddText,
  fc.string({ maxLength: 12 }),
);

/**
 * Mutations of the query string: unknown and repeated parameters, limits out of
 * range, values too long, odd text, percent-encoding that does not decode.
 */
export function queryMutations(base: FuzzRequest, known: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const names = known.length > 0 ? fc.constantFrom(...known) : fc.constantFrom('limit', 'next_token');
  const mutations = [
    fc.tuple(fc.constantFrom('fuzz', 'LIMIT', 'limit[]', '__proto__', 'x'.repeat(300)), queryValue).map(([name, v]) => ({
      ...base,
      mutation: `unknown query parameter ${name.slice(0, 20)}=${JSON.stringify(v.slice(0, 20))}`,
      query: [...base.query, [name, v] as const],
    })),
    fc.tuple(names, queryValue).map(([name, v]) => ({
      ...base,
      mutation: `query ${name}=${JSON.stringify(v.slice(0, 20))}`,
      query: [...base.query.filter(([n]) => n !== name), [name, v] as const],
    })),
    fc.tuple(names, queryValue, queryValue).map(([name, v1, v2]) => ({
      ...base,
      mutation: `query ${name} repeated: ${JSON.stringify(v1.slice(0, 20))}, ${JSON.stringify(v2.slice(0, 20))}`,
      query: [...base.query, [name, v1] as const, [name, v2] as const],
    })),
    fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%FF%FE', 'a=%', '%C0%AF').map((raw) => ({
      ...base,
      mutation: `query that does not decode: ${raw}`,
      rawQuery: raw,
      expect: { status: 400, why: 'percent-encoding that does not decode is refused before routing' },
    })),
  ];
  return fc.oneof(...mutations);
}

/** Page tokens no listing of this caller returned: garbage, other shapes, other customers' real keys. */
export function forgedTokenMutations(base: FuzzRequest, foreignTokens: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const fromForeign = foreignTokens.flatMap((token) => {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
    const [first] = Object.keys(key);
    return [
      token,
      b64({ ...key, extra: 'x' }),
      ...(first ? [b64({ ...key, [first]: 42 }), b64({ ...key, [first]: '' }), b64({ ...key, [first]: '\ud800' }), b64(Object.fromEntries(Object.entries(key).slice(1)))] : []),
    ];
  });
  const tokens = fc.oneof(
    fc.constantFrom('', 'garbage', '%%%', 'e30', b64([]), b64(null), b64('x'), b64({ customer_id: { S: 'x' } }), ...fromForeign),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }).map(b64),
  );
  return tokens.map((token) => ({
    ...base,
    mutation: `forged next_token ${JSON.stringify(token.slice(0, 40))}`,
    query: [...base.query.filter(([n]) => n !== 'next_token'), ['next_token', token] as const],
    expect: { status: 400, why: 'a page token this listing did not return is a 400 naming next_token' },
  }));
}

/** Headers: another content type, a huge header, an Accept nothing here produces, odd idempotency keys. */
export function headerMutations(base: FuzzRequest, takesBody: boolean): fc.Arbitrary<FuzzRequest> {
  const mutations: fc.Arbitrary<FuzzRequest>[] = [
    fc.constantFrom('image/png', 'application/xml', 'text/html;q=1, */*;q=0', 'x'.repeat(2 * KB), '').map((accept) => ({
      ...base,
      mutation: `Accept: ${accept.slice(0, 30)}`,
      headers: { ...base.headers, accept },
    })),
    fc.constantFrom(4, 7).map((kb) => ({
      ...base,
      mutation: `a ${kb} KB header`,
      headers: { ...base.headers, 'x-fuzz-padding': 'p'.repeat(kb * KB) },
    })),
    // Valid keys are new ones: a key sent again with another body is a 422 by design.
    fc.oneof(fc.constantFrom('x'.repeat(300), '\u00e9t\u00e9', ' ', 'a b', ''), fc.uuid().map((id) => `fuzz,${id}`)).map((key) => ({
      ...base,
      mutation: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`,
      headers: { ...base.headers, 'idempotency-key': key },
    })),
  ];
  if (takesBody) {
    mutations.push(
      fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx').map((type) => ({
        ...base,
        mutation: `Content-Type: ${type}`,
        headers: { ...base.headers, 'content-type': type },
      })),
    );
  }
  return fc.oneof(...mutations);
}

/**
 * Path parameters outside their shape: `../`, encoded slashes, very long,
 * odd unicode, NUL; `others` adds values the caller may not use (another
 * tenant's ids), each with the status it must answer.
 */
export function pathMutations(
  base: FuzzRequest,
  names: readonly string[],
  others: readonly { readonly param: string; readonly value: string; readonly status: number; readonly why: string }[],
): fc.Arbitrary<FuzzRequest> {
  const malformed = fc.constantFrom(
    '..%2F..%2Fcustomers',
    '..%2F',
    'a%2Fb',
    '%2F',
    '%5C..%5C',
    'x'.repeat(3000),
    '%00',
    '%ED%A0%80',
    encodeURIComponent('\u202eabc\u200b'),
    encodeURIComponent('ü'),
    '%20',
    '*',
  );
  const mutations: fc.Arbitrary<FuzzRequest>[] = [
    fc.tuple(fc.constantFrom(...names), malformed).map(([name, value]) => ({
      ...base,
      mutation: `path ${name}=${value.slice(0, 30)}`,
      params: { ...base.params, [name]: value },
      expect: { reject: true as const, why: 'a path parameter outside its shape names nothing' },
    })),
  ];
  if (others.length > 0) {
    mutations.push(
      fc.constantFrom(...others).map((other) => ({
        ...base,
        mutation: `path ${other.param}=${other.value} (${other.why})`,
        params: { ...base.params, [other.param]: encodeURIComponent(other.value) },
        expect: { status: other.status, why: other.why },
      })),
    );
  }
  return fc.oneof(...mutations);
}

import type * as z from 'zod';

type RequiredKeys<T> = { [K in keyof T]-?: Pick<T, K> extends Required<Pick<T, K>> ? K : never }[keyof T];
type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Literal types widened (`'GB' | 'runs'` → string): a view built from `as const` declarations still says string, number, boolean. */
type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer Item)[]
        ? readonly Widen<Item>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;

/**
 * `true` when a response schema describes what a producer returns: the same
 * fields, the same ones required, the same ones nullable, and every value the
 * schema admits is one the producer's type allows, literal types widened (a
 * schema's enum may be narrower than a producer's `string`, and a schema's
 * `string` wider than a declaration's literal: the unit tests run the
 * producer and validate its output). Used as `const _link: Describes<typeof schema, View> = true;`,
 * so a field added to a view, or made optional, breaks the type-check until
 * its schema follows.
 */
export type Describes<Schema extends z.ZodType, View> =
  Same<keyof z.output<Schema>, keyof View> extends true
    ? Same<RequiredKeys<z.output<Schema>>, RequiredKeys<View>> extends true
      ? Same<NullableKeys<z.output<Schema>>, NullableKeys<View>> extends true
        ? [z.output<Schema>] extends [Widen<View>]
          ? true
          : false
        : false
      : false
    : false;

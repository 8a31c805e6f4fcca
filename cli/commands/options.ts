import { InvalidArgumentError } from 'commander';

/** Parses a whole number flag, or tells commander the value is wrong (exit code 2). */
export function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

/** A count (`--limit`, `--concurrency`): 1 or more, whole. */
export function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number of at least 1');
  return Number(value);
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

/** `--set field=value`, repeatable: the value as JSON when it parses (numbers, null, objects), else as text. */
export function collectAssignments(value: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('must be field=value');
  const raw = value.slice(at + 1);
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = raw;
  }
  return { ...previous, [value.slice(0, at)]: parsed };
}

/** `YYYY-MM`. */
export function month(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('must be a month as YYYY-MM');
  return value;
}

export const CUSTOMER_OPTION = ['--customer <id>', "the customer (default: your default customer, from GET /me)"] as const;

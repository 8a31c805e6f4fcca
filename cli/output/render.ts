import Table from 'cli-table3';
import type { OutputStream } from '../io.ts';

export type Cell = string | number | boolean | null | undefined;

/** A table for people: headings, one row per item, no colours (they are noise in a pipe). */
export function table(headings: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const t = new Table({ head: [...headings], style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map(cellText));
  return t.toString();
}

/** Label / value pairs of one item, as a two-column table. */
export function details(pairs: readonly (readonly [string, Cell])[]): string {
  const t = new Table({ style: { head: [], border: [] } });
  for (const [label, value] of pairs) t.push({ [label]: cellText(value) });
  return t.toString();
}

export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '-';
  return String(value);
}

/** Bytes for people: 20971520 -> 20.0 MiB. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Where results go: the API's JSON for scripts, or the text for people. */
export class Printer {
  constructor(
    private readonly stdout: OutputStream,
    readonly json: boolean,
  ) {}

  /** Prints `data` as JSON with `--json`, else what `human` makes of it. */
  result<T>(data: T, human: (data: T) => string): void {
    this.stdout.write(this.json ? `${JSON.stringify(data, null, 2)}\n` : `${human(data)}\n`);
  }
}

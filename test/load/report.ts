import type { InvariantResult } from './invariants.ts';
import type { LoadOptions } from './options.ts';
import type { Recorder } from './recorder.ts';

const ms = (value: number) => value.toFixed(1).padStart(8);

/** One concurrency level's run. */
export interface LevelResult {
  readonly connections: number;
  readonly measured: Recorder;
  /** The warm-up's answers: not in the figures, but its errors count. */
  readonly warmup: Recorder;
  readonly elapsedSeconds: number;
  readonly invariants: InvariantResult;
  readonly passed: boolean;
}

/** A level's figures as text: throughput, per-route latency and statuses, errors with sample bodies, invariants. */
export function levelReport(options: LoadOptions, { connections, measured, warmup, elapsedSeconds, invariants }: LevelResult): string {
  const lines: string[] = [];
  const overall = measured.overall();
  lines.push(
    `Load: ${options.tenants} tenants (max_concurrent_worksets ${options.slots}), ${connections} connections, ${elapsedSeconds.toFixed(1)} s measured after ${options.warmupSeconds} s of warm-up`,
    `requests ${measured.requests}  throughput ${(measured.requests / elapsedSeconds).toFixed(1)} req/s  p50 ${overall.p50Ms.toFixed(1)} ms  p99 ${overall.p99Ms.toFixed(1)} ms  errors ${measured.errors + warmup.errors}${warmup.errors ? ` (${warmup.errors} in warm-up)` : ''}`,
    '',
    `${'route'.padEnd(24)}${'count'.padStart(7)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}  statuses`,
  );
  for (const route of measured.routes()) {
    const statuses = Object.entries(route.statuses)
      .map(([status, count]) => `${status}:${count}`)
      .join(' ');
    lines.push(`${route.route.padEnd(24)}${String(route.count).padStart(7)} ${ms(route.p50Ms)} ${ms(route.p99Ms)} ${ms(route.maxMs)}  ${statuses}`);
  }
  const errorKinds = [...warmup.errorKinds(), ...measured.errorKinds()];
  if (errorKinds.length > 0) {
    lines.push('', 'Errors (unexpected answers):');
    for (const { kind, count, samples } of errorKinds) {
      lines.push(`- ${kind}: ${count}`);
      for (const sample of samples) lines.push(`    ${sample.body.replace(/\s+/g, ' ')}`);
    }
  }
  lines.push('');
  if (invariants.violations.size === 0) {
    lines.push(`Invariants: hold for all ${options.tenants} tenants (settled ${invariants.settledAfterSeconds.toFixed(1)} s after the load)`);
    lines.push('  counter holders = worksets in slot-holding states = admitted minus canceled and finished; runs = admissions');
    lines.push('  storage_bytes and object_count = the bucket listed = GET usage; upload bytes = bytes put; nothing left reserved');
  } else {
    lines.push(`Invariants: ${invariants.violations.size} of ${options.tenants} tenants break them ${invariants.settledAfterSeconds.toFixed(1)} s after the load:`);
    for (const [tenant, broken] of invariants.violations) for (const violation of broken) lines.push(`- ${tenant}: ${violation}`);
    if (invariants.afterSweeps) {
      lines.push(
        invariants.afterSweeps.size === 0
          ? 'After running the sweeps (worksets.reconcile, uploads.expire) they hold: something was left for the sweeps to repair.'
          : `After running the sweeps, ${invariants.afterSweeps.size} tenants still break them.`,
      );
    }
  }
  return lines.join('\n');
}

/** One line per level, to read off the highest load with no error. */
export function summary(results: readonly LevelResult[]): string {
  const lines = [`${'connections'.padEnd(12)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}  invariants`];
  for (const result of results) {
    const overall = result.measured.overall();
    const errors = result.measured.errors + result.warmup.errors;
    const invariants = result.invariants.violations.size === 0 ? 'hold' : `${result.invariants.violations.size} tenants break them`;
    lines.push(
      `${String(result.connections).padEnd(12)}${(result.measured.requests / result.elapsedSeconds).toFixed(1).padStart(8)} ${ms(overall.p50Ms)} ${ms(overall.p99Ms)}${String(errors).padStart(8)}  ${invariants}`,
    );
  }
  return lines.join('\n');
}

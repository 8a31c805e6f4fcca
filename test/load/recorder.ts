import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/** One answer, as the workload judged it. */
export interface Outcome {
  /** A route id from shared/routes/table.ts, or `s3.*` for requests to the customer's bucket. */
  readonly route: string;
  /** The HTTP status, or 0 when no answer came (connection refused, reset, timeout). */
  readonly status: number;
  readonly latencyMs: number;
  /** Why this answer is not one the request kind may get; undefined when it is. */
  readonly unexpected?: string;
  /** The body, kept for the error samples. */
  readonly body?: string;
}

export interface RouteFigures {
  readonly route: string;
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Answers by status: `{ 201: 120, 429: 340 }`. */
  readonly statuses: Readonly<Record<number, number>>;
}

export interface ErrorSample {
  readonly route: string;
  readonly status: number;
  readonly reason: string;
  readonly body: string;
}

const SAMPLES_PER_KIND = 3;
const SAMPLE_BODY_CHARS = 400;

/**
 * Per-route latency histograms (Node's own HDR histogram, `perf_hooks.createHistogram`,
 * so no dependency), counts by status, and unexpected answers with a few sample bodies.
 */
export class Recorder {
  private readonly histograms = new Map<string, RecordableHistogram>();
  private readonly statuses = new Map<string, Map<number, number>>();
  private readonly samples = new Map<string, ErrorSample[]>();
  private readonly kindCounts = new Map<string, number>();
  private errorCount = 0;

  record(outcome: Outcome): void {
    let histogram = this.histograms.get(outcome.route);
    if (!histogram) this.histograms.set(outcome.route, (histogram = createHistogram()));
    // Microseconds: the histogram holds integers of at least 1.
    histogram.record(Math.max(1, Math.round(outcome.latencyMs * 1000)));
    let statuses = this.statuses.get(outcome.route);
    if (!statuses) this.statuses.set(outcome.route, (statuses = new Map()));
    statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
    if (outcome.unexpected !== undefined) this.error(outcome.route, outcome.status, outcome.unexpected, outcome.body ?? '');
  }

  /** An error that is not one answer (a failed step of the workload itself). */
  error(route: string, status: number, reason: string, body: string): void {
    this.errorCount++;
    const kind = `${route} ${status} ${reason}`;
    this.kindCounts.set(kind, (this.kindCounts.get(kind) ?? 0) + 1);
    const kept = this.samples.get(kind) ?? [];
    if (kept.length < SAMPLES_PER_KIND) kept.push({ route, status, reason, body: body.slice(0, SAMPLE_BODY_CHARS) });
    this.samples.set(kind, kept);
  }

  get errors(): number {
    return this.errorCount;
  }

  get requests(): number {
    let total = 0;
    for (const statuses of this.statuses.values()) for (const count of statuses.values()) total += count;
    return total;
  }

  /** Errors by kind (route, status, reason), with their first sample bodies. */
  errorKinds(): { kind: string; count: number; samples: readonly ErrorSample[] }[] {
    return [...this.samples.entries()].map(([kind, samples]) => ({ kind, count: this.kindCounts.get(kind) ?? 0, samples }));
  }

  routes(): RouteFigures[] {
    return [...this.histograms.entries()]
      .map(([route, histogram]) => ({
        route,
        count: histogram.count,
        p50Ms: histogram.percentile(50) / 1000,
        p99Ms: histogram.percentile(99) / 1000,
        maxMs: histogram.max / 1000,
        statuses: Object.fromEntries(this.statuses.get(route) ?? []),
      }))
      .sort((a, b) => a.route.localeCompare(b.route));
  }

  /** All routes together. */
  overall(): { p50Ms: number; p99Ms: number } {
    const all = createHistogram();
    for (const histogram of this.histograms.values()) all.add(histogram);
    return { p50Ms: all.count ? all.percentile(50) / 1000 : 0, p99Ms: all.count ? all.percentile(99) / 1000 : 0 };
  }
}

/**
 * How far the counters are from S3's own figures, now. Pure: the storage
 * reconciliation's rule, tested on its own.
 *
 * CloudWatch's figures of day D are compared with the counters' sample of D
 * (taken at 00:05 on D), but they are published during D+1: by the time they
 * are read, the correction made from day D-1 (at 12:00 on D) has already moved
 * the counters, after the sample of D was taken. Applying `CloudWatch − sample`
 * again would count that correction twice, and the counters would swing by the
 * drift for ever instead of converging. So each sample records the corrections
 * made up to it (`corrected_*`, running sums on the counter item), and the
 * corrections made since are subtracted.
 */
export interface Figures {
  readonly bytes: number;
  /** Absent when CloudWatch had no NumberOfObjects point of that day. */
  readonly objects: number | undefined;
}

export interface DaySample {
  readonly bytes: number;
  readonly objects: number;
  /** The counter's running sum of corrections when the sample was taken (absent on samples taken before it was recorded). */
  readonly corrected_bytes?: number;
  readonly corrected_objects?: number;
}

export interface Corrections {
  readonly bytes: number;
  readonly objects: number;
}

/** What to add to the counters now so they agree with S3's figures of the sample's day (events since then stay counted). */
export function counterDrift(figures: Figures, sample: DaySample, correctedNow: Corrections): { readonly bytes: number; readonly objects: number } {
  const since = {
    // A sample without the record cannot say: assume nothing was corrected since (the rule before it was recorded).
    bytes: sample.corrected_bytes === undefined ? 0 : correctedNow.bytes - sample.corrected_bytes,
    objects: sample.corrected_objects === undefined ? 0 : correctedNow.objects - sample.corrected_objects,
  };
  return {
    bytes: figures.bytes - sample.bytes - since.bytes,
    objects: figures.objects === undefined ? 0 : figures.objects - sample.objects - since.objects,
  };
}

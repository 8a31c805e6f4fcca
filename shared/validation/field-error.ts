/** One reason a request was refused, naming the field by its JSON path. */
export interface FieldError {
  /** Dotted path into the request: `samples.0.fastq_r2`; `''` for the whole body. */
  readonly field: string;
  readonly message: string;
  /** The values that would have been accepted, when there is a closed list. */
  readonly accepted?: readonly string[];
}

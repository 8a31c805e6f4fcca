/** S3 sequencers are hex numbers of varying length; left-padded, string order is numeric order. */
export function normalizeSequencer(sequencer: string): string {
  return sequencer.toUpperCase().padStart(32, '0');
}

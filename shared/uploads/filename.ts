import { FASTQ_EXTENSION } from '../worksets/file-locations.ts';

export const MAX_FILENAME_LENGTH = 200;
const FASTQ_ANY_CASE = /\.(?:fastq|fq)(?:\.gz)?$/i;
export const ACCEPTED_EXTENSIONS = ['.fastq', '.fq', '.fastq.gz', '.fq.gz'] as const;

/**
 * The name the object gets: the last path segment only, every character
 * outside A-Z a-z 0-9 . _ - replaced by `_` (runs of `_` folded), no leading dots, the FASTQ
 * extension lowercased, at most 200 characters with the extension kept.
 * Undefined when what is left is not a FASTQ name.
 */
export function sanitizeFastqFilename(name: string): string | undefined {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const extension = FASTQ_ANY_CASE.exec(base)?.[0];
  if (!extension) return undefined;
  const stem = base
    .slice(0, -extension.length)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, MAX_FILENAME_LENGTH - extension.length);
  if (stem === '') return undefined;
  const filename = `${stem}${extension.toLowerCase()}`;
  return FASTQ_EXTENSION.test(filename) ? filename : undefined;
}

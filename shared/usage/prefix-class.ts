/**
 * What part of a customer's bucket an object lives in, by its first folder:
 * uploads (FASTQ files sent by the customer), worksets (the folders handed to
 * the runner), results (what the pipeline wrote back), anything else.
 */
export const PREFIX_CLASSES = ['uploads', 'worksets', 'results', 'other'] as const;
export type PrefixClass = (typeof PREFIX_CLASSES)[number];

export function prefixClassOf(key: string): PrefixClass {
  const folder = key.slice(0, key.indexOf('/'));
  return (PREFIX_CLASSES as readonly string[]).includes(folder) && folder !== 'other' ? (folder as PrefixClass) : 'other';
}

/** The counter attributes of one class: `storage_bytes#results`, `object_count#results`. */
export function classAttributes(prefixClass: PrefixClass): { readonly bytes: string; readonly objects: string } {
  return { bytes: `storage_bytes#${prefixClass}`, objects: `object_count#${prefixClass}` };
}

/** Most samples (sheet rows, units) one workset may list. */
export const MAX_SAMPLES = 1000;
/** Largest daylily_work.yaml or sample sheet read, in bytes. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

import { WORKSETS_PREFIX } from './workset-folder.ts';

/**
 * Sentinel files in a workset folder: `daylily.ready` from Portico, the rest
 * from the runner or an operator (daylily-runner.md). A body is a timestamp or
 * free text.
 */
export const SENTINELS = [
  'daylily.ready',
  'daylily.lock',
  'daylily.in_progress',
  'daylily.complete',
  'daylily.error',
  'daylily.ignore',
] as const;

export type Sentinel = (typeof SENTINELS)[number];

/** The body of `daylily.ready`: the submission time. */
export function readyBody(submittedAt: Date): string {
  return `${submittedAt.toISOString()}\n`;
}

export interface SentinelBody {
  readonly text: string;
  /** When the body is a timestamp. */
  readonly at?: Date;
}

export function readSentinelBody(body: string): SentinelBody {
  const text = body.trim();
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : undefined;
  return at && !Number.isNaN(at.getTime()) ? { text, at } : { text };
}

/** The workset and sentinel an object key names (`worksets/<id>/daylily.complete`), or undefined. */
export function sentinelAt(key: string): { worksetId: string; sentinel: Sentinel } | undefined {
  if (!key.startsWith(WORKSETS_PREFIX)) return undefined;
  const [worksetId, name, ...rest] = key.slice(WORKSETS_PREFIX.length).split('/');
  const sentinel = SENTINELS.find((s) => s === name);
  return worksetId && sentinel && rest.length === 0 ? { worksetId, sentinel } : undefined;
}


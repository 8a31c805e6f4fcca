import { randomBytes } from 'node:crypto';

/**
 * `ws-<time>-<random>`: the time part (milliseconds, base 36, fixed width)
 * makes ids sort by submission, so a customer's partition lists newest first;
 * the id is also the runner's work directory name (`day-clone -d <id>`), so it
 * stays lowercase letters, digits and `-` (a narrower shape than the
 * folder's WORKSET_ID_PATTERN, which any id Portico issues matches).
 */
export const ISSUED_WORKSET_ID = /^ws-[0-9a-z]{9}-[0-9a-f]{8}$/;

export function newWorksetId(now: Date, random: () => string = () => randomBytes(4).toString('hex')): string {
  return `ws-${now.getTime().toString(36).padStart(9, '0')}-${random()}`;
}

export function isWorksetId(value: string): boolean {
  return ISSUED_WORKSET_ID.test(value);
}

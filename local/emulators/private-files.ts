import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Writes a file only its owner can read (0600), also when it existed before
 * with wider permissions: the content goes to a new 0600 file that then
 * replaces the old one, so no reader ever sees the secret in a wider file.
 */
export function writePrivateFile(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

/** Creates the folder if needed and makes it owner-only (0700). */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

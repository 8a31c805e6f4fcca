import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** `PORTICO_CONFIG_DIR` > `$XDG_CONFIG_HOME/portico` > `~/.config/portico`. */
export function configDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (env.PORTICO_CONFIG_DIR) return resolve(cwd, env.PORTICO_CONFIG_DIR);
  if (env.XDG_CONFIG_HOME) return join(resolve(cwd, env.XDG_CONFIG_HOME), 'portico');
  return join(env.HOME ?? homedir(), '.config', 'portico');
}

/** Makes `dir` (and its parents) and leaves it owner-only: it holds tokens and presigned URLs. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Writes `file` with mode 0600 through a rename, so a reader never sees half a file. */
export function writePrivateFile(file: string, text: string): void {
  ensurePrivateDir(dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

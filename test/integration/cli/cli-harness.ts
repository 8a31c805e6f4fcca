import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '#cli/main.ts';
import type { OutputStream } from '#cli/io.ts';
import { localStack } from '../../support/local-stack.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Piped to stdin (`--password-stdin`). */
  readonly stdin?: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly env?: Record<string, string>;
}

class Capture implements OutputStream {
  text = '';
  readonly isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/**
 * Runs `portico` in-process against the local stack the global setup
 * booted: its own temporary folder with a stack.json (found through
 * PORTICO_STACK_FILE, as `npm start` users find theirs) and a config dir.
 */
export class CliHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'portico-cli-'));
  readonly configDir = join(this.dir, 'config');
  readonly stackFile = join(this.dir, 'stack.json');

  constructor() {
    writeFileSync(this.stackFile, JSON.stringify(localStack()), { mode: 0o600 });
  }

  get env(): Record<string, string> {
    return { PORTICO_STACK_FILE: this.stackFile, PORTICO_CONFIG_DIR: this.configDir, HOME: this.dir };
  }

  async run(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await run(argv, {
      stdout,
      stderr,
      stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
      env: { ...this.env, ...options.env },
      cwd: this.dir,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  /** `portico login` as the seeded platform admin, as a script would. */
  async loginAsAdmin(): Promise<CliResult> {
    return this.login(localStack().admin.email, localStack().admin.password);
  }

  /** As `loginAsAdmin`, for a `beforeAll`: throws what the CLI printed when it fails. */
  async signedInAsAdmin(): Promise<void> {
    const login = await this.loginAsAdmin();
    if (login.code !== 0) throw new Error(`portico login failed (${login.code}): ${login.stderr}`);
  }

  async login(email: string, password: string, ...flags: string[]): Promise<CliResult> {
    return this.run(['login', '--username', email, '--password-stdin', ...flags], { stdin: `${password}\n` });
  }

  file(name: string, content: string | Buffer): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  credentials(): { apis: Record<string, { id_token: string; refresh_token?: string; expires_at: string; username: string }> } {
    return JSON.parse(readFileSync(join(this.configDir, 'credentials.json'), 'utf8'));
  }

  writeCredentials(content: unknown): void {
    writeFileSync(join(this.configDir, 'credentials.json'), JSON.stringify(content), { mode: 0o600 });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

/** The temporary password Cognito mailed to `email` (the local stack writes mail to files). */
export function temporaryPassword(email: string): string {
  const dir = localStack().mail_dir;
  const file = readdirSync(dir).find((name) => name.startsWith(`${email}--`) && name.endsWith('--invitation.txt'));
  if (!file) throw new Error(`no invitation for ${email} in ${dir}`);
  const match = /^Temporary-Password: (.+)$/m.exec(readFileSync(join(dir, file), 'utf8'));
  if (!match?.[1]) throw new Error(`no temporary password in ${file}`);
  return match[1].trim();
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app computes it. */
export function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)?.map((byte) => parseInt(byte, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0xf;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../output/errors.ts';
import { writePrivateFile } from './paths.ts';

/** One sign-in, cached per API URL. */
export interface CachedTokens {
  readonly username: string;
  readonly id_token: string;
  readonly access_token: string;
  readonly refresh_token?: string;
  /** When the ID token expires (ISO 8601). */
  readonly expires_at: string;
  /** The user pool client the tokens came from, so a refresh asks the same one. */
  readonly client_id: string;
  readonly region: string;
  readonly cognito_endpoint?: string;
}

interface CredentialsFile {
  readonly version: 1;
  readonly apis: Readonly<Record<string, CachedTokens>>;
}

/** `<config dir>/credentials.json`, mode 0600 in a 0700 directory. */
export class CredentialStore {
  readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, 'credentials.json');
  }

  get(apiUrl: string): CachedTokens | undefined {
    return this.read().apis[apiUrl];
  }

  put(apiUrl: string, tokens: CachedTokens): void {
    const current = this.read();
    this.write({ ...current, apis: { ...current.apis, [apiUrl]: tokens } });
  }

  /** Forgets the sign-in for `apiUrl`; true if there was one. */
  delete(apiUrl: string): boolean {
    const current = this.read();
    if (!(apiUrl in current.apis)) return false;
    const { [apiUrl]: _removed, ...rest } = current.apis;
    this.write({ ...current, apis: rest });
    return true;
  }

  private read(): CredentialsFile {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return { version: 1, apis: {} };
    }
    try {
      const parsed = JSON.parse(text) as Partial<CredentialsFile>;
      return { version: 1, apis: parsed.apis && typeof parsed.apis === 'object' ? parsed.apis : {} };
    } catch {
      throw new CliError(`${this.file} is damaged: delete it and run portico login`);
    }
  }

  private write(content: CredentialsFile): void {
    writePrivateFile(this.file, `${JSON.stringify(content, null, 2)}\n`);
  }
}

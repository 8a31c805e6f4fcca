import { createPorticoClient, type PorticoClient } from '#client/index.ts';
import { terminalPrompter, type Prompter } from './auth/prompter.ts';
import { Session } from './auth/session.ts';
import { CredentialStore } from './config/credentials.ts';
import { resolveEndpoints, type Endpoints } from './config/endpoints.ts';
import { configDir } from './config/paths.ts';
import type { CliIo } from './io.ts';
import { Printer } from './output/render.ts';
import { myProfile } from './api/identity.ts';
import { CliError } from './output/errors.ts';

/** Options every command takes (see `portico --help`). */
export interface GlobalOptions {
  readonly apiUrl?: string;
  readonly clientId?: string;
  readonly region?: string;
  readonly json?: boolean;
}

/** What a command works with, made on first use: a command that needs no API never reads the stack file. */
export class Context {
  readonly printer: Printer;
  readonly configDir: string;
  private endpointsMemo: Endpoints | undefined;
  private clientMemo: PorticoClient | undefined;

  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
  ) {
    this.printer = new Printer(io.stdout, options.json === true);
    this.configDir = configDir(io.env, io.cwd);
  }

  get fetch(): typeof globalThis.fetch {
    return this.io.fetch ?? globalThis.fetch;
  }

  endpoints(): Endpoints {
    this.endpointsMemo ??= resolveEndpoints(this.options, this.io.env, this.io.cwd);
    return this.endpointsMemo;
  }

  credentials(): CredentialStore {
    return new CredentialStore(this.configDir);
  }

  /** The typed API client, with the cached (and, when due, refreshed) ID token. */
  client(): PorticoClient {
    if (!this.clientMemo) {
      const { apiUrl } = this.endpoints();
      const session = new Session(this.credentials(), apiUrl);
      const fetch = this.fetch;
      this.clientMemo = createPorticoClient({ baseUrl: apiUrl, token: () => session.idToken(), fetch: (request) => fetch(request) });
    }
    return this.clientMemo;
  }

  /** Prompts at the terminal; undefined in a script. */
  prompter(): Prompter | undefined {
    return terminalPrompter(this.io);
  }

  /** A line for the person (stderr), never mixed into results. */
  note(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /** `--customer`, else the caller's default customer from `GET /me`. */
  async customerId(flag: string | undefined): Promise<string> {
    if (flag) return flag;
    const me = await myProfile(this.client());
    if (me.default_customer_id) return me.default_customer_id;
    const [only, ...others] = me.memberships;
    if (only && others.length === 0) return only.customer_id;
    throw new CliError(
      me.memberships.length === 0
        ? `${me.email} belongs to no customer: pass --customer ID`
        : `${me.email} has no default customer: pass --customer with one of ${me.memberships.map((m) => m.customer_id).join(', ')}`,
    );
  }
}

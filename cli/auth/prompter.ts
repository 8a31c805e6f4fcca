import { input, password } from '@inquirer/prompts';
import type { CliIo } from '../io.ts';

/** Questions asked at the terminal, on stderr (stdout stays for results). */
export interface Prompter {
  text(message: string): Promise<string>;
  /** Masked as it is typed. */
  secret(message: string): Promise<string>;
}

/** A prompter when stdin is a terminal; undefined in a script (then flags must say everything). */
export function terminalPrompter(io: CliIo): Prompter | undefined {
  if (!io.stdin.isTTY) return undefined;
  const context = { input: io.stdin, output: io.stderr as NodeJS.WritableStream };
  return {
    text: (message) => input({ message, required: true }, context),
    secret: (message) => password({ message, mask: '*' }, context),
  };
}

/** Reads all of stdin (`--password-stdin`), without the final line break. */
export async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

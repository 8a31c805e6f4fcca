/**
 * `portico`: the operator CLI. `run(argv, io)` builds the command tree and
 * runs one command line; it never exits the process, it returns the exit
 * code (0 done, 1 failed, 2 bad usage), so tests call it in-process.
 */
import { Command, CommanderError, Option } from 'commander';
import { registerAuth } from './commands/auth.ts';
import { registerBilling } from './commands/billing.ts';
import { registerCompletion } from './commands/completion.ts';
import { registerCustomers } from './commands/customers.ts';
import { registerPlans, registerQuotas } from './commands/quotas.ts';
import { registerStatus } from './commands/status.ts';
import { registerUploads } from './commands/uploads.ts';
import { registerUsage } from './commands/usage.ts';
import { registerUsers } from './commands/users.ts';
import { registerWorksets } from './commands/worksets.ts';
import { Context, type GlobalOptions } from './context.ts';
import type { CliIo } from './io.ts';
import { reportFailure } from './output/errors.ts';

export { processIo, type CliIo } from './io.ts';

const ABOUT = `Operate a Portico platform: sign in, onboard customers, manage users, plans,
quotas and worksets, upload data, read usage and billing.`;

const WHERE = `
Where the API is:
  --api-url URL, else $PORTICO_API_URL, else api_url of the local stack's
  .local/stack.json ($PORTICO_STACK_FILE). For a deployment, use the stack's ApiUrl output.
Where its user pool is (for login):
  --client-id ID / $PORTICO_CLIENT_ID (a deployment's UserPoolClientId output),
  --region REGION / $PORTICO_REGION (default: from the API URL), $PORTICO_COGNITO_ENDPOINT;
  else the cognito block of the stack file.
Sign-ins are cached per API URL in $PORTICO_CONFIG_DIR, else $XDG_CONFIG_HOME/portico,
else ~/.config/portico (credentials.json, mode 0600).

Exit codes: 0 done, 1 failed (the API's problem title and detail on stderr), 2 bad usage.`;

/** The whole command tree; `completion` walks it. */
export function buildProgram(io: CliIo, contexts: (command: Command) => Context): Command {
  const program = new Command('portico')
    .description(ABOUT)
    .addHelpText('after', WHERE)
    .option('--api-url <url>', 'the Portico API base URL')
    .option('--client-id <id>', 'the Cognito user pool client id')
    .option('--region <region>', "the user pool's AWS region")
    .addOption(new Option('--json', 'print the API JSON on stdout (for scripts)'))
    .showHelpAfterError('(portico --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.startsWith('error:') ? `Error: ${text.slice('error: '.length)}` : text),
    });
  registerAuth(program, contexts);
  registerCustomers(program, contexts);
  registerUsers(program, contexts);
  registerPlans(program, contexts);
  registerQuotas(program, contexts);
  registerWorksets(program, contexts);
  registerUploads(program, contexts);
  registerUsage(program, contexts);
  registerBilling(program, contexts);
  registerStatus(program, contexts);
  registerCompletion(program, contexts);
  return program;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io, (command) => new Context(io, command.optsWithGlobals<GlobalOptions>()));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are successes; anything else commander refuses is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { message, exitCode } = reportFailure(error);
    io.stderr.write(`Error: ${message}\n`);
    return exitCode;
  }
}

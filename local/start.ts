/**
 * `npm start`: the whole platform on loopback, no AWS account needed.
 *   npm start                       keep data in .local/ between runs
 *   npm start -- --fresh            start empty
 *   npm start -- --port 0           pick a free API port (default 3000)
 *   npm start -- --state-dir DIR    keep data in DIR instead of .local/
 * It exits non-zero, leaving no process behind, when start-up fails or an
 * emulator stops under it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeExit } from './emulators/child-processes.ts';
import { PortInUseError, StateDirInUseError, startLocalStack, type RunningLocalStack } from './stack.ts';

const USAGE = 'usage: npm start -- [--fresh] [--port PORT] [--state-dir DIR] [--ephemeral] [--quiet]';

function parseArguments() {
  try {
    const { values } = parseArgs({
      options: {
        fresh: { type: 'boolean', default: false },
        ephemeral: { type: 'boolean', default: false },
        port: { type: 'string', default: '3000' },
        'state-dir': { type: 'string', default: '.local' },
        quiet: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port must be a port number from 0 to 65535 (0: any free port), not '${values.port}'`);
    return { ...values, port };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function startFailure(error: unknown): string {
  if (error instanceof PortInUseError) {
    const other = error.port < 65535 ? error.port + 1 : 3000;
    return (
      `Port ${error.port} is already in use (another \`npm start\`?), so the API cannot listen on it.\n` +
      `Choose another port:  npm start -- --port ${other}\n` +
      `or any free port:     npm start -- --port 0`
    );
  }
  if (error instanceof StateDirInUseError) {
    return (
      `Another local stack (pid ${error.pid}) is running with its data in ${error.stateDir}.\n` +
      `Stop it first (Ctrl-C where it runs, or kill ${error.pid}), or keep this one's data elsewhere: npm start -- --state-dir <folder>`
    );
  }
  return `The local stack could not start: ${(error as Error).message}`;
}

const values = parseArguments();
// Node 20 is what many laptops still run; the SDK's reminder about Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let stack: RunningLocalStack | undefined;
let stopAsked = false;
let stopping = false;

async function stopAndExit(code: number): Promise<never> {
  if (!stopping && stack) {
    stopping = true;
    console.log('\nStopping the local stack...');
    await stack.stop().catch((error: unknown) => {
      console.error(error);
      code = 1;
    });
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stack) {
      void stopAndExit(0);
      return;
    }
    // Still starting: stop as soon as start-up settles, so every child it
    // started is stopped too. A second signal does not wait.
    if (stopAsked) process.exit(1);
    stopAsked = true;
    console.log('\nStopping once start-up settles (again to stop now)...');
  });
}

const started = Date.now();
try {
  stack = await startLocalStack({
    fresh: values.fresh,
    ephemeral: values.ephemeral,
    apiPort: values.port,
    stateDir: values['state-dir'],
    log: values.quiet ? () => undefined : (line) => console.log(`[api] ${line}`),
  });
} catch (error) {
  console.error(`\n${startFailure(error)}`);
  process.exit(1);
}
if (stopAsked) await stopAndExit(0);

void stack.crashed.then(async (exit) => {
  if (stopping) return;
  console.error(`\n${exit.name} stopped unexpectedly (${describeExit(exit)}), so the local stack cannot run.${exit.output ? `\n${exit.output}` : ''}`);
  await stopAndExit(1);
});

const { info } = stack;
const tokenEnv = stack.stackFile === resolve('.local/stack.json') ? '' : `PORTICO_STACK_FILE=${stack.stackFile} `;
console.log(`
Portico local stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s  (${stack.stackFile})
  API          ${info.api_url}
  Cognito      ${info.cognito.endpoint}  pool ${info.cognito.user_pool_id}  client ${info.cognito.client_id}
  DynamoDB     ${info.dynamodb_endpoint}
  S3           ${info.s3_endpoint}
  Mail         ${info.mail_dir}/  (invitations and codes Cognito sends users, one file each)
  Admin        ${info.admin.email} / ${info.admin.password}

Try it:
  TOKEN=$(${tokenEnv}npm run -s token -- ${info.admin.email} '${info.admin.password}')
  curl -s -X POST ${info.api_url}/customers \\
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"customer_name":"Acme Genomics","email":"admin@acme.com","max_concurrent_worksets":10,"max_storage_gb":5000,"billing_account_id":"BA-12345","cost_center":"CC-GENOMICS"}'
  curl -s ${info.api_url}/customers -H "Authorization: Bearer $TOKEN"

Ctrl-C stops everything.
READY ${info.api_url} ${stack.stackFile}
`);

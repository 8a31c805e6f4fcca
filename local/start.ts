/**
 * `npm start`: the whole platform on loopback, no AWS account needed.
 *   npm start                 keep data in .local/ between runs
 *   npm start -- --fresh      start empty
 *   npm start -- --port 0     pick a free API port (default 3000)
 */
import { parseArgs } from 'node:util';
import { startLocalStack } from './stack.ts';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    ephemeral: { type: 'boolean', default: false },
    port: { type: 'string', default: '3000' },
    'state-dir': { type: 'string', default: '.local' },
    quiet: { type: 'boolean', default: false },
  },
});

// Node 20 is what many laptops still run; the SDK's reminder about Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const started = Date.now();
const stack = await startLocalStack({
  fresh: values.fresh,
  ephemeral: values.ephemeral,
  apiPort: Number(values.port),
  stateDir: values['state-dir'],
  log: values.quiet ? () => undefined : (line) => console.log(`[api] ${line}`),
}).catch((error: unknown) => {
  console.error(`\nThe local stack could not start: ${(error as Error).message}`);
  process.exit(1);
});

const { info } = stack;
const tokenEnv = values.ephemeral ? `PORTICO_STACK_FILE=${stack.stackFile} ` : '';
console.log(`
Portico local stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s  (${stack.stackFile})
  API          ${info.api_url}
  Cognito      ${info.cognito.endpoint}  pool ${info.cognito.user_pool_id}  client ${info.cognito.client_id}
  DynamoDB     ${info.dynamodb_endpoint}
  S3           ${info.s3_endpoint}
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

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the local stack...');
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

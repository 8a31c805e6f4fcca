/**
 * Every function bundled as CDK bundles it, and its floor: a function that
 * only builds the SDK clients its grants imply. Used by the bundle budget
 * (test/infra/bundle-size.test.ts) and by `npm run bench` (test/bench/cold-start.ts).
 */
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions } from '#lib/constructs/function-bundling.ts';
import { functionEntry } from '#lib/platform-stack.ts';
import { ENV } from '#shared/config/env-vars.ts';
import { PLATFORM_BUCKETS, serviceOf, type Grants } from '#shared/permissions/actions.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { grantsFor, routeTable } from '#shared/routes/index.ts';
import { tables } from '#shared/tables/definitions.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface FunctionSpec {
  /** Route id or event function id. */
  readonly id: string;
  /** Entry under `functions/`. */
  readonly handler: string;
  /** Everything it may call, as the stack grants it (a route's access guard included). */
  readonly grants: Grants;
}

/** Every function the stack deploys, read from the two tables that declare them. */
export function everyFunction(): FunctionSpec[] {
  return [
    ...routeTable.map((route) => ({ id: route.id, handler: route.handler, grants: grantsFor(route) })),
    ...Object.values(eventFunctions).map((fn: { id: string; handler: string } & Grants) => ({
      id: fn.id,
      handler: fn.handler,
      grants: { tables: fn.tables, actions: fn.actions, ...(fn.buckets ? { buckets: fn.buckets } : {}) },
    })),
  ];
}

interface ClientSpec {
  /** Module specifiers the floor imports and the statement that builds the client. */
  readonly imports: string;
  readonly build: string;
}

/** The SDK package of each IAM service prefix whose name differs from `@aws-sdk/client-<prefix>`. */
const SERVICE_PACKAGES: Readonly<Record<string, string>> = {
  'cognito-idp': '@aws-sdk/client-cognito-identity-provider',
  ce: '@aws-sdk/client-cost-explorer',
  apigateway: '@aws-sdk/client-api-gateway',
  events: '@aws-sdk/client-eventbridge',
  logs: '@aws-sdk/client-cloudwatch-logs',
  tag: '@aws-sdk/client-resource-groups-tagging-api',
};

const requireFromProject = createRequire(join(PROJECT_ROOT, 'package.json'));

/** The client class a `@aws-sdk/client-*` package exports (`S3Client`, `CostExplorerClient`, ...). */
function clientClassOf(pkg: string): string {
  let exported: Record<string, unknown>;
  try {
    exported = requireFromProject(pkg) as Record<string, unknown>;
  } catch {
    throw new Error(`No SDK package ${pkg} installed: map its IAM service prefix in SERVICE_PACKAGES (test/support/function-bundles.ts)`);
  }
  const name = Object.keys(exported).find((key) => /^[A-Z]\w*Client$/.test(key) && key !== '__Client' && typeof exported[key] === 'function');
  if (!name) throw new Error(`${pkg} exports no client class`);
  return name;
}

/** The SDK clients a function's grants imply: the document client for any table, S3 for platform buckets, one client per other service. */
export function floorClients(grants: Grants): string[] {
  const clients = Object.keys(grants.tables).length > 0 ? ['dynamodb'] : [];
  const services = new Set(grants.actions.map(serviceOf));
  if (Object.keys(grants.buckets ?? {}).length > 0) services.add('s3');
  return [...clients, ...[...services].sort()];
}

/** The SDK packages each of those clients comes from. */
export function clientPackages(services: readonly string[]): string[] {
  return services.flatMap((service) =>
    service === 'dynamodb' ? ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'] : [SERVICE_PACKAGES[service] ?? `@aws-sdk/client-${service}`],
  );
}

/** The SDK client packages a bundle contains, from its metafile inputs. */
export function bundledClientPackages(inputs: readonly string[]): string[] {
  const found = inputs.map((input) => /node_modules\/(@aws-sdk\/(?:client-[^/]+|lib-dynamodb))\//.exec(input)?.[1]).filter((p) => p !== undefined);
  return [...new Set(found)].sort();
}

function clientSpec(service: string, index: number): ClientSpec {
  if (service === 'dynamodb') {
    return {
      imports: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      build: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
    };
  }
  const pkg = SERVICE_PACKAGES[service] ?? `@aws-sdk/client-${service}`;
  const name = clientClassOf(pkg);
  return { imports: `import { ${name} as Client${index} } from '${pkg}';`, build: `new Client${index}({})` };
}

/** Source of a floor entry: builds exactly these clients at module scope, as a function does at cold start. */
export function floorSource(services: readonly string[]): string {
  const specs = services.map(clientSpec);
  return [
    ...specs.map((s) => s.imports),
    `const clients = [${specs.map((s) => s.build).join(', ')}];`,
    'export const handler = async () => ({ statusCode: 200, body: String(clients.length) });',
  ].join('\n');
}

/**
 * The smallest API function worth comparing with: middy with the HTTP
 * middlewares every route's chain uses (logger context, header normalizer,
 * CORS, JSON body parser) and the Powertools logger. A function that declares
 * no table and no service has an empty floor (no client at all), and a ratio
 * to an empty bundle would say nothing, so every floor is
 * max(clients floor, this baseline); functions with a client are never near it.
 */
export const BASELINE_SOURCE = [
  "import { Logger } from '@aws-lambda-powertools/logger';",
  "import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';",
  "import middy from '@middy/core';",
  "import httpCors from '@middy/http-cors';",
  "import httpHeaderNormalizer from '@middy/http-header-normalizer';",
  "import httpJsonBodyParser from '@middy/http-json-body-parser';",
  "const logger = new Logger({ serviceName: 'baseline' });",
  'export const handler = middy()',
  '  .use(injectLambdaContext(logger)).use(httpHeaderNormalizer()).use(httpCors()).use(httpJsonBodyParser())',
  "  .handler(async () => ({ statusCode: 200, body: '' }));",
].join('\n');

export interface BundleResult {
  /** Minified bundle size (the `.mjs`, without its source map). */
  readonly bytes: number;
  /** Every module inside the bundle, by path relative to the project. */
  readonly inputs: readonly string[];
  readonly metafile: Metafile;
  /** Where the bundle was written, when it was. */
  readonly file: string;
}

type Source = { readonly entry: string } | { readonly contents: string };

/** Bundles with the options CDK uses (`lib/constructs/function-bundling.ts`); writes the bundle only when `outdir` is given. */
export async function bundle(source: Source, outdir?: string): Promise<BundleResult> {
  const file = join(outdir ?? join(PROJECT_ROOT, 'cdk.out', 'bundle-check'), 'index.mjs');
  const options = esbuildOptions('entry' in source ? source.entry : '', file);
  const result = await build({
    ...options,
    ...('contents' in source ? { entryPoints: undefined, stdin: { contents: source.contents, resolveDir: PROJECT_ROOT, loader: 'ts' } } : {}),
    absWorkingDir: PROJECT_ROOT,
    write: outdir !== undefined,
    metafile: true,
    logLevel: 'silent',
  });
  const [, output] = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('.mjs')) ?? [];
  if (!output) throw new Error('esbuild produced no .mjs output');
  return { bytes: output.bytes, inputs: Object.keys(output.inputs), metafile: result.metafile, file };
}

/**
 * Bundles every function in one esbuild run (one output per entry, no
 * shared chunks: each is what CDK would deploy), so the modules they share
 * are parsed once; answers each function's result by handler.
 */
export async function bundleFunctions(fns: readonly FunctionSpec[]): Promise<Map<string, BundleResult>> {
  const outdir = join(PROJECT_ROOT, 'cdk.out', 'bundle-check-all');
  const { entryPoints: _entry, outfile: _outfile, ...options } = esbuildOptions('', join(outdir, 'index.mjs'));
  const result = await build({
    ...options,
    entryPoints: fns.map((fn) => ({ in: functionEntry(fn.handler), out: fn.handler })),
    outdir,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: PROJECT_ROOT,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const results = new Map<string, BundleResult>();
  for (const fn of fns) {
    const name = relative(PROJECT_ROOT, join(outdir, `${fn.handler}.mjs`));
    const output = result.metafile.outputs[name];
    if (!output) throw new Error(`esbuild produced no ${name}`);
    results.set(fn.handler, { bytes: output.bytes, inputs: Object.keys(output.inputs), metafile: result.metafile, file: name });
  }
  return results;
}

/** Bundles a function's own entry. */
export function bundleFunction(fn: FunctionSpec, outdir?: string): Promise<BundleResult> {
  return bundle({ entry: functionEntry(fn.handler) }, outdir);
}

/**
 * The environment a deployed function starts with (the stack's common
 * variables, every table's name, a region and credentials), so module-scope
 * code runs at import as it does in a cold start. No value is used to call anything.
 */
export function functionEnvironment(): Record<string, string> {
  const values: Record<string, string> = {
    [ENV.bucketPrefix]: 'portico-123456789012',
    [ENV.customerTemplateUrl]: 'https://example.com/customer.template.json',
    [ENV.customerStackRoleArn]: 'arn:aws:iam::123456789012:role/portico-customer-stack',
    [ENV.environment]: 'bench',
    [ENV.noncurrentVersionDays]: '30',
    [ENV.userPoolId]: 'us-east-1_bench0000',
    [ENV.userPoolClientId]: 'benchclientid000000000000',
    [ENV.corsAllowOrigin]: '*',
  };
  for (const table of Object.values(tables)) values[table.envVar] = `portico-bench-${table.name}`;
  for (const [name, bucket] of Object.entries(PLATFORM_BUCKETS)) values[bucket.envVar] = `portico-bench-${name}`;
  return {
    ...values,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: 'portico-bench',
    POWERTOOLS_SERVICE_NAME: 'portico',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  };
}

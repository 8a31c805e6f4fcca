import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * Creates `require` inside the ESM bundle so CommonJS dependencies that call
 * `require('node:…')` keep working after esbuild inlines them.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __porticoCreateRequire } from 'node:module'; const require = __porticoCreateRequire(import.meta.url);";

/** `NODE_OPTIONS` of every function: stack traces point into the TypeScript sources. */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/**
 * How every function is bundled: minified ESM for node22 with the AWS SDK
 * inside (no externals), so a cold start loads exactly what the code uses.
 * `PorticoFunction` hands this to `NodejsFunction`; the bundle-size test and
 * `npm run bench` bundle with the same options through `esbuildOptions`.
 */
export const FUNCTION_BUNDLING = Object.freeze({
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  target: 'node22',
  minify: true,
  sourceMap: true,
  externalModules: [],
} satisfies BundlingOptions);

/**
 * `FUNCTION_BUNDLING` as esbuild API options, translated the way
 * `NodejsFunction` turns it into esbuild's command line
 * (`--bundle --platform=node --format --target --minify --sourcemap --external --banner:js --main-fields`).
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: FUNCTION_BUNDLING.format,
    target: FUNCTION_BUNDLING.target,
    minify: FUNCTION_BUNDLING.minify,
    sourcemap: FUNCTION_BUNDLING.sourceMap,
    external: [...FUNCTION_BUNDLING.externalModules],
    banner: { js: FUNCTION_BUNDLING.banner },
    mainFields: [...FUNCTION_BUNDLING.mainFields],
  };
}

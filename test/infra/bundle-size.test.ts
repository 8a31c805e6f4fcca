import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functionEntry } from '#lib/platform-stack.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { routeTable } from '#shared/routes/index.ts';

/**
 * Lambda cold starts grow with bundle size. Every function is bundled as the
 * project function construct bundles it (minified ESM for node22, SDK
 * included) and must stay within the budget. The budget caught a 440 KB
 * regression once: `import { z } from 'zod'` pulls in every zod locale, where
 * `import * as z from 'zod'` lets esbuild keep only what is used.
 */
const BUDGET_BYTES = 700 * 1024;
/**
 * Functions allowed more, each for a reason: submission is the one route that
 * needs the S3 client (it writes the runner's files) and the yaml writer
 * besides DynamoDB and Cognito, which every customer route carries (~840 KB).
 */
const LARGER_BUDGETS: Readonly<Record<string, number>> = { 'worksets/submit': 900 * 1024 };

const entries = [...routeTable.map((r) => r.handler), ...Object.values(eventFunctions).map((f) => f.handler)];

async function bundle(handler: string) {
  const result = await build({
    entryPoints: [functionEntry(handler)],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return { bytes: output?.bytes ?? 0, inputs: Object.keys(output?.inputs ?? {}) };
}

describe('function bundles', () => {
  it.concurrent.each(entries)('%s fits the budget and carries no zod locale but English', async (handler) => {
    const { bytes, inputs } = await bundle(handler);

    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(LARGER_BUDGETS[handler] ?? BUDGET_BYTES);
    expect(inputs.filter((i) => i.includes('zod/v4/locales/') && !i.endsWith('/en.js'))).toEqual([]);
  });
});

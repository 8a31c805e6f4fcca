import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { requestBillingExport } from '../api/reports.ts';
import { assertSafeUrl } from '../config/endpoints.ts';
import type { Context } from '../context.ts';
import { CliError } from '../output/errors.ts';
import { month } from './options.ts';

export function registerBilling(program: Command, contexts: (command: Command) => Context): void {
  program
    .command('billing')
    .description('billing exports (platform admins)')
    .command('export')
    .description('one row per customer for a month: usage and estimated cost, written to the finance bucket and downloaded')
    .requiredOption('--period <YYYY-MM>', 'the month', month)
    .option('--output <file>', 'write the export here (default: stdout)')
    .addOption(new Option('--format <format>', 'csv or ndjson (JSON lines)').choices(['csv', 'ndjson']).default('csv'))
    .action(async (options: { period: string; output?: string; format: 'csv' | 'ndjson' }, command: Command) => {
      const context = contexts(command);
      const exported = await requestBillingExport(context.client(), options.period, options.format);
      // A presigned S3 link, not an API route: fetched as is, without the bearer token.
      const download = await context.fetch(assertSafeUrl(exported.download_url, 'The download link from the API').href);
      if (!download.ok) throw new CliError(`The export was written (${exported.key}) but its download failed: HTTP ${download.status}`);
      const content = await download.text();
      if (options.output) {
        writeFileSync(resolve(context.io.cwd, options.output), content);
        context.printer.result({ ...exported, output: options.output }, (e) => `${e.rows} rows for ${e.period} written to ${options.output} (finance bucket key ${e.key}).`);
      } else if (context.printer.json) {
        context.printer.result(exported, () => '');
      } else {
        context.io.stdout.write(content);
        context.note(`${exported.rows} rows for ${exported.period} (finance bucket key ${exported.key}).`);
      }
    });
}

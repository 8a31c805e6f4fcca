import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { cancelWorkset, getWorkset, listWorksets, submitWorkset, type Workset, type WorksetRequest, type WorksetState } from '../api/worksets.ts';
import type { Context } from '../context.ts';
import { UsageError } from '../output/errors.ts';
import { details, table } from '../output/render.ts';
import { readWorksetFile, submissionBody, type SubmissionFlags } from '../worksets/submission.ts';
import { CUSTOMER_OPTION, positiveInteger } from './options.ts';

const STATES = ['pending', 'ready', 'locked', 'in_progress', 'complete', 'error', 'retrying', 'failed', 'canceled', 'archived', 'ignored'] as const;

export function registerWorksets(program: Command, contexts: (command: Command) => Context): void {
  const worksets = program.command('worksets').description("a customer's worksets: submit, follow, cancel");

  worksets
    .command('list')
    .description('worksets, newest first')
    .addOption(new Option('--state <state>', 'only worksets in this state').choices(STATES))
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .option(...CUSTOMER_OPTION)
    .action(async (options: { state?: WorksetState; limit: number; customer?: string }, command: Command) => {
      const context = contexts(command);
      const customerId = await context.customerId(options.customer);
      const items: Workset[] = [];
      let nextToken: string | undefined;
      do {
        const page = await listWorksets(context.client(), customerId, {
          ...(options.state ? { state: options.state } : {}),
          ...(nextToken ? { next_token: nextToken } : {}),
          limit: Math.min(100, options.limit - items.length),
        });
        items.push(...page.worksets);
        nextToken = page.next_token;
      } while (nextToken && items.length < options.limit);
      context.printer.result({ worksets: items, count: items.length, ...(nextToken ? { next_token: nextToken } : {}) }, ({ worksets: list }) =>
        list.length === 0
          ? `No worksets in ${customerId}.`
          : table(
              ['WORKSET', 'NAME', 'STATE', 'PIPELINE', 'SAMPLES', 'SUBMITTED'],
              list.map((w) => [w.workset_id, w.workset_name, w.state, w.pipeline, w.sample_count, w.submitted_at.replace('T', ' ').slice(0, 16)]),
            ),
      );
    });

  worksets
    .command('show')
    .description('one workset with its state history')
    .argument('<workset-id>')
    .option(...CUSTOMER_OPTION)
    .action(async (worksetId: string, options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      context.printer.result(await getWorkset(context.client(), await context.customerId(options.customer), worksetId), describeWorkset);
    });

  worksets
    .command('submit')
    .description('submit a daylily_work.yaml or a sample sheet (TSV or CSV; told apart by content)')
    .argument('<file>')
    .option('--reference-genome <name>', 'reference genome (required with a sample sheet): hg38, GRCh38, b37, GRCh37, hg38_broad')
    .option('--pipeline <name>', 'pipeline (default germline_wgs_snv)')
    .option('--priority <priority>', 'urgent, high, normal or low')
    .option('--name <name>', 'a workset name for people')
    .option('--notes <text>', 'free text')
    .option('--export-uri <s3-uri>', 'where results are exported')
    .option('--idempotency-key <key>', 'retry-safe key (default: a new one per run)')
    .option(...CUSTOMER_OPTION)
    .action(async (file: string, options: SubmissionFlags & { customer?: string; idempotencyKey?: string }, command: Command) => {
      const context = contexts(command);
      let text: string;
      try {
        text = readFileSync(resolve(context.io.cwd, file), 'utf8');
      } catch (error) {
        throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const body = submissionBody(readWorksetFile(text, file), options) as WorksetRequest;
      const workset = await submitWorkset(context.client(), await context.customerId(options.customer), body, options.idempotencyKey);
      context.printer.result(workset, describeWorkset);
    });

  worksets
    .command('cancel')
    .description('cancel a workset: its slot is released and the runner skips it')
    .argument('<workset-id>')
    .option(...CUSTOMER_OPTION)
    .action(async (worksetId: string, options: { customer?: string }, command: Command) => {
      const context = contexts(command);
      const workset = await cancelWorkset(context.client(), await context.customerId(options.customer), worksetId);
      context.printer.result(workset, (w) => `${w.workset_id} is ${w.state}.`);
    });
}

function describeWorkset(w: Workset): string {
  return `${details([
    ['workset_id', w.workset_id],
    ['name', w.workset_name],
    ['state', w.state_reason ? `${w.state} (${w.state_reason})` : w.state],
    ['pipeline', w.pipeline],
    ['reference genome', w.reference_genome],
    ['priority', w.priority],
    ['samples', w.sample_count],
    ['folder', `s3://${w.bucket}/${w.prefix}`],
    ['export', w.export_uri],
    ['submitted', w.submitted_at],
  ])}\n${table(['STATE', 'AT', 'BY', 'REASON'], w.history.map((h) => [h.state, h.at, h.by, h.reason]))}`;
}

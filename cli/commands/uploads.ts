import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.ts';
import { UsageError } from '../output/errors.ts';
import { bytes, details } from '../output/render.ts';
import { putFile } from '../uploads/engine.ts';
import { ResumeStore } from '../uploads/resume-state.ts';
import { CUSTOMER_OPTION, positiveInteger } from './options.ts';

export function registerUploads(program: Command, contexts: (command: Command) => Context): void {
  const uploads = program.command('uploads').description("upload FASTQ files into a customer's bucket");

  uploads
    .command('put')
    .description('upload a file (multipart for large files, with a progress bar); an interrupted upload resumes when run again')
    .argument('<file>')
    .option('--key <name>', "the object's file name (default: the file's name); it lands under uploads/<date>/<upload id>/")
    .option('--concurrency <n>', 'parts sent at once', positiveInteger, 4)
    .option(...CUSTOMER_OPTION)
    .action(async (path: string, options: { key?: string; concurrency: number; customer?: string }, command: Command) => {
      const context = contexts(command);
      const absolute = resolve(context.io.cwd, path);
      let stat;
      try {
        stat = statSync(absolute);
      } catch (error) {
        throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
      }
      if (!stat.isFile()) throw new UsageError(`${path} is not a file`);
      if (stat.size === 0) throw new UsageError(`${path} is empty`);
      const customerId = await context.customerId(options.customer);
      const result = await putFile(
        {
          client: context.client(),
          fetch: context.fetch,
          store: new ResumeStore(join(context.configDir, 'uploads')),
          stderr: context.io.stderr,
          concurrency: Math.floor(options.concurrency),
        },
        { apiUrl: context.endpoints().apiUrl, customerId, path: absolute, size: stat.size, mtimeMs: stat.mtimeMs, filename: options.key ?? basename(absolute) },
      );
      context.printer.result(result.upload, (u) =>
        details([
          ['upload_id', u.upload_id],
          ['object', `s3://${u.bucket}/${u.key}`],
          ['size', `${bytes(u.size_bytes)} (${u.size_bytes} bytes)`],
          // A single PUT is done when S3 has the object; the platform records it when S3 reports it (seconds).
          ['state', u.state === 'PENDING' ? 'uploaded (the platform counts it once S3 reports the object)' : u.state],
          ['parts sent now', result.sentParts.length],
        ]),
      );
    });
}

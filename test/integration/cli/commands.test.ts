import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCustomer } from '../../support/local-stack.ts';
import { CliHarness } from './cli-harness.ts';

describe('portico commands against the local stack', () => {
  const cli = new CliHarness();
  let customerId = '';
  const json = async (argv: string[]) => {
    const result = await cli.run([...argv, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  beforeAll(async () => {
    customerId = (await activeCustomer()).customer_id;
    await cli.signedInAsAdmin();
  });
  afterAll(() => cli.remove());

  it('users add, list, role and remove', async () => {
    const email = `grace-${randomUUID().slice(0, 8)}@acme.example`;
    const other = `alan-${randomUUID().slice(0, 8)}@acme.example`;
    const c = ['--customer', customerId];

    const added = await json(['users', 'add', email, '--role', 'admin', ...c]);
    await json(['users', 'add', other, ...c]);
    const promoted = await json(['users', 'role', other, 'admin', ...c]);
    const table = await cli.run(['users', 'list', ...c]);
    const removed = await json(['users', 'remove', email, ...c]);
    const left = await json(['users', 'list', ...c]);

    expect(added).toMatchObject({ email, role: 'admin', customer_id: customerId });
    expect(promoted).toMatchObject({ email: other, role: 'admin' });
    expect(table.stdout).toMatch(new RegExp(`${email}\\s*│\\s*admin`));
    expect(removed).toMatchObject({ email, user_id: added.user_id, removed: true });
    expect(left.users.map((u: { email: string }) => u.email)).toEqual([other]);
  });

  it('plans list, quotas show and set, usage show', async () => {
    const plans = await json(['plans', 'list']);
    const set = await json(['quotas', 'set', 'max_concurrent_worksets', '7', '--customer', customerId]);
    const back = await json(['quotas', 'set', 'max_concurrent_worksets', 'plan', '--customer', customerId]);
    const shown = await cli.run(['quotas', 'show', '--customer', customerId]);
    const usage = await json(['usage', 'show', '--customer', customerId]);

    expect(plans.plans.map((p: { plan_id: string }) => p.plan_id)).toEqual(expect.arrayContaining(['free', 'standard', 'premium', 'enterprise']));
    expect(set.quotas.find((q: { quota: string }) => q.quota === 'max_concurrent_worksets')).toMatchObject({ limit: 7, source: 'override' });
    expect(back.quotas.find((q: { quota: string }) => q.quota === 'max_concurrent_worksets')).toMatchObject({ source: 'plan' });
    expect(shown.stdout).toMatch(/max_storage_gb\s*│/);
    expect(usage).toMatchObject({ customer_id: customerId, active_worksets: 0 });
  });

  it('worksets submit a sample sheet and a daylily_work.yaml, list, show and cancel', async () => {
    const c = ['--customer', customerId];
    const sheet = cli.file('samples.tsv', 'RUN_ID\tSAMPLE_ID\tR1_FQ\tR2_FQ\nR0\tNA12878\tNA12878_R1.fastq.gz\tNA12878_R2.fastq.gz\n');
    const csv = cli.file('samples.csv', 'RUN_ID,SAMPLE_ID,R1_FQ,R2_FQ\nR0,NA12891,NA12891_R1.fastq.gz,NA12891_R2.fastq.gz\n');
    const yaml = cli.file(
      'daylily_work.yaml',
      'workset_name: Trio 7\nreference_genome: hg38\npipeline: germline\nsamples:\n  - sample_id: NA12892\n    fastq_r1: NA12892_R1.fq.gz\n    fastq_r2: NA12892_R2.fq.gz\n',
    );

    const noGenome = await cli.run(['worksets', 'submit', sheet, ...c]);
    const fromSheet = await json(['worksets', 'submit', sheet, '--reference-genome', 'hg38', '--name', 'From a sheet', ...c]);
    const fromCsv = await json(['worksets', 'submit', csv, '--reference-genome', 'GRCh38', ...c]);
    const fromYaml = await json(['worksets', 'submit', yaml, ...c]);
    const listed = await json(['worksets', 'list', ...c]);
    const shown = await cli.run(['worksets', 'show', fromYaml.workset_id, ...c]);
    const canceled = await json(['worksets', 'cancel', fromSheet.workset_id, ...c]);

    expect(noGenome.code).toBe(2);
    expect(noGenome.stderr).toContain('A sample sheet needs --reference-genome');
    expect(fromSheet).toMatchObject({ workset_name: 'From a sheet', sample_count: 1, reference_genome: 'hg38', state: 'ready' });
    expect(fromCsv).toMatchObject({ sample_count: 1, reference_genome: 'hg38' });
    expect(fromYaml).toMatchObject({ workset_name: 'Trio 7', sample_count: 1, pipeline: 'germline_wgs_snv' });
    expect(listed.worksets.map((w: { workset_id: string }) => w.workset_id)).toEqual([fromYaml.workset_id, fromCsv.workset_id, fromSheet.workset_id]);
    expect(shown.stdout).toContain('Trio 7');
    expect(shown.stdout).toMatch(/ready\s*│/);
    expect(canceled).toMatchObject({ workset_id: fromSheet.workset_id, state: 'canceled' });
  });

  it('customers update, deactivate, activate and offboard --confirm', async () => {
    const customer = await activeCustomer();
    const id = customer.customer_id as string;

    const updated = await json(['customers', 'update', id, '--display-name', 'Acme (EU)', '--set', 'max_runs_per_month=42']);
    const deactivated = await json(['customers', 'deactivate', id]);
    const activated = await json(['customers', 'activate', id]);
    const wrong = await cli.run(['customers', 'offboard', id, '--confirm', 'someone-else']);
    const offboarded = await json(['customers', 'offboard', id, '--confirm', id]);

    expect(updated).toMatchObject({ display_name: 'Acme (EU)', max_runs_per_month: 42 });
    expect(deactivated.status).toBe('INACTIVE');
    expect(activated.status).toBe('ACTIVE');
    expect(wrong.code).toBe(2);
    expect(['OFFBOARDING', 'OFFBOARDED']).toContain(offboarded.status);
  });

  it('billing export --output, status, and completion scripts', async () => {
    const period = new Date().toISOString().slice(0, 7);
    const output = `${cli.dir}/export.csv`;

    const exported = await json(['billing', 'export', '--period', period, '--output', output]);
    const ndjson = await cli.run(['billing', 'export', '--period', period, '--format', 'ndjson']);
    const status = await json(['status']);
    const bash = await cli.run(['completion', 'bash']);
    const zsh = await cli.run(['completion', 'zsh']);

    expect(exported).toMatchObject({ period, output, format: 'text/csv; charset=utf-8' });
    const csv = readFileSync(output, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^customer_id,customer_name,/);
    expect(csv).toContain(customerId);
    expect(ndjson.code).toBe(0);
    const row = ndjson.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)).find((r: { customer_id: string }) => r.customer_id === customerId);
    expect(row).toBeDefined();
    expect(status.customers).toBeGreaterThan(0);
    expect(bash.stdout).toContain("'customers create') echo '--name --email");
    expect(bash.stdout).toContain('complete -o default -F _portico portico');
    expect(zsh.stdout).toContain('bashcompinit');
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { porticoSynth } from './helpers/synth.ts';

describe('cdk-nag (AwsSolutions, Serverless)', () => {
  const synth = porticoSynth();
  const nagAcks = synth.nag.acknowledgements.filter((a) => /^(AwsSolutions|Serverless)-/.test(a.id));

  it('reports zero unacknowledged findings', () => {
    expect(synth.nag.findings.map((f) => `${f.ruleId} @ ${f.constructPath}: ${f.description}`)).toEqual([]);
  });

  it('leaves the synthesis validation report of the registered cdk-nag plugins empty', () => {
    const report = synth.validationReport as { pluginReports?: { pluginName: string; violations: unknown[] }[] } | undefined;
    expect((report?.pluginReports ?? []).filter((p) => p.violations.length > 0)).toEqual([]);
  });

  it('every acknowledgement gives a real reason', () => {
    const weak = synth.nag.acknowledgements.filter(
      (a) =>
        a.reason.trim().length < 60 ||
        a.reason.trim().split(/\s+/).length < 10 ||
        /^(n\/a|todo|tbd|fixme|ok|accepted|not needed|false positive|ignore)\b/i.test(a.reason.trim()),
    );
    expect(weak).toEqual([]);
  });

  it('acknowledges at the narrowest construct: never on the app or a stack', () => {
    const stackPaths = new Set(synth.app.node.findAll().filter((c) => c instanceof App || Stack.isStack(c)).map((c) => c.node.path));
    expect(synth.nag.acknowledgements.filter((a) => stackPaths.has(a.constructPath))).toEqual([]);
  });

  it('has no stale acknowledgement: each one silences a finding at or below where it is declared', () => {
    const unused = nagAcks.filter(
      (ack) =>
        !synth.nag.acknowledged.some(
          (hit) => hit.ruleId === ack.id && (hit.constructPath === ack.constructPath || hit.constructPath.startsWith(`${ack.constructPath}/`)),
        ),
    );
    expect(unused).toEqual([]);
  });

  it('acknowledges only these rules (a new kind of acknowledgement must be reviewed here; APIG4 is per public route)', () => {
    const ids = [...new Set(nagAcks.map((a) => a.id.replace(/\[.*$/, '')))].sort();
    expect(ids).toEqual(
      [
        'AwsSolutions-APIG3',
        'AwsSolutions-APIG4',
        'AwsSolutions-COG2',
        'AwsSolutions-COG4',
        'AwsSolutions-COG8',
        'AwsSolutions-IAM4',
        'AwsSolutions-IAM5',
        'AwsSolutions-L1',
        'Serverless-LambdaDLQ',
        'Serverless-LambdaLatestVersion',
        'Serverless-SQSRedrivePolicy',
      ].sort(),
    );
  });
});

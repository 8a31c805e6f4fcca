import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { routeTable, tablesFor } from '#shared/routes/index.ts';
import { CUSTOMER_STACK_ACTIONS, CUSTOMER_STACK_S3_ACTIONS } from '#lib/constructs/provisioning.ts';
import { type Statement, actionsOf, allStatements, functionStatements, resourcesOf, roleStatements } from './helpers/iam.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, porticoSynth } from './helpers/synth.ts';

describe('IAM', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const stackRoleId = logicalIdOf(stack, stack.provisioning.customerStackRole);
  const provisioners = routeTable.filter((route) => route.capabilities?.includes('provision-customers'));
  const others = routeTable.filter((route) => !route.capabilities?.includes('provision-customers'));

  describe('the customer-stack role', () => {
    it('is assumed by CloudFormation only', () => {
      const trust = templateJson.Resources[stackRoleId]?.Properties?.['AssumeRolePolicyDocument'] as { Statement: unknown[] };
      expect(trust.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } },
      ]);
    });

    it('may only configure <prefix>-* buckets, and never delete one', () => {
      // Act
      const statements = roleStatements(templateJson, stackRoleId);
      // Assess
      expect(statements).toHaveLength(1);
      const [statement] = statements as [Statement];
      expect(actionsOf(statement).sort()).toEqual([...CUSTOMER_STACK_S3_ACTIONS].sort());
      expect(actionsOf(statement)).not.toContain('s3:DeleteBucket');
      expect(actionsOf(statement).every((a) => a.startsWith('s3:') && !a.includes('*') && !/Object/.test(a.replace('ObjectLock', '')))).toBe(true);
      expect(resourcesOf(statement).map((r) => evaluate(r))).toEqual(['arn:aws:s3:::portico-123456789012-*']);
      expect(templateJson.Resources[stackRoleId]?.Properties?.['ManagedPolicyArns']).toBeUndefined();
    });
  });

  it('grants s3:DeleteBucket to nobody', () => {
    expect(allStatements(templateJson).flatMap(actionsOf)).not.toContain('s3:DeleteBucket');
  });

  it('passes roles narrowly: iam:PassRole only on the customer-stack role, only to CloudFormation', () => {
    const passRole = allStatements(templateJson).filter((s) => actionsOf(s).includes('iam:PassRole'));
    expect(passRole.length).toBe(provisioners.length);
    for (const statement of passRole) {
      expect(actionsOf(statement)).toEqual(['iam:PassRole']);
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': [stackRoleId, 'Arn'] });
      expect(statement.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } });
    }
  });

  describe.each(provisioners.map((r) => [r.id] as const))('%s (provision-customers)', (id) => {
    const fn = stack.functions[id]!;
    const statements = functionStatements(synth, fn);
    const variables = (templateJson.Resources[logicalIdOf(stack, fn.function)]?.Properties?.['Environment'] as {
      Variables: Record<string, unknown>;
    }).Variables;

    it('manages portico-customer-* stacks and nothing else in CloudFormation', () => {
      const cfn = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cloudformation:')));
      expect(cfn).toHaveLength(1);
      expect(actionsOf(cfn[0]!).sort()).toEqual([...CUSTOMER_STACK_ACTIONS].sort());
      expect(resourcesOf(cfn[0]!).map((r) => evaluate(r))).toEqual([
        'arn:aws:cloudformation:eu-west-1:123456789012:stack/portico-customer-*/*',
      ]);
    });

    it('reads the customer template object, and only that object', () => {
      // Prepare
      const url = String(evaluate(variables[ENV.customerTemplateUrl]));
      const [, , , bucket, ...key] = url.split('/');
      // Act
      const reads = statements.filter((s) => actionsOf(s).includes('s3:GetObject'));
      // Assess
      expect(url).toMatch(/^https:\/\/s3\.eu-west-1\.amazonaws\.com\/cdk-[a-z0-9]+-assets-123456789012-eu-west-1\/[0-9a-f]{64}\.json$/);
      expect(reads).toHaveLength(1);
      expect(resourcesOf(reads[0]!).map((r) => evaluate(r))).toEqual([`arn:aws:s3:::${bucket}/${key.join('/')}`]);
    });

    it('is told the template URL, the customer-stack role and the noncurrent version days', () => {
      expect(variables[ENV.customerTemplateUrl]).toBeDefined();
      expect(variables[ENV.customerStackRoleArn]).toEqual({ 'Fn::GetAtt': [stackRoleId, 'Arn'] });
      expect(variables[ENV.noncurrentVersionDays]).toBe('30');
    });
  });

  describe.each(others.map((r) => [r.id] as const))('%s (no provisioning capability)', (id) => {
    it('cannot touch CloudFormation, pass roles or read the template', () => {
      // Prepare
      const statements = functionStatements(synth, stack.functions[id]!);
      const templateObject = synth.stack.resolve(stack.provisioning.templateObjectArn);
      // Assess
      expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('cloudformation:') || a === 'iam:PassRole')).toEqual([]);
      expect(statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(templateObject))).toEqual([]);
    });
  });

  it('grants table access per route (declared tables plus the guard\'s): no table, no DynamoDB; read routes cannot write', () => {
    for (const route of routeTable) {
      // Prepare
      const actions = functionStatements(synth, stack.functions[route.id]!).flatMap(actionsOf);
      const access = Object.values(tablesFor(route));
      // Assess
      expect({ route: route.id, reads: actions.includes('dynamodb:GetItem'), writes: actions.includes('dynamodb:PutItem') }).toEqual({
        route: route.id,
        reads: access.length > 0,
        writes: access.includes('readwrite'),
      });
    }
  });

  it('uses no wildcard action anywhere', () => {
    const wildcards = allStatements(templateJson)
      .filter((s) => s.Effect === 'Allow')
      .flatMap(actionsOf)
      .filter((a) => a.includes('*'));
    expect(wildcards).toEqual([]);
  });
});

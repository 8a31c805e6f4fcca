import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { serviceOf, type Grants } from '#shared/permissions/actions.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { grantsFor, routeTable } from '#shared/routes/index.ts';
import { tables as tableDefinitions, type TableName } from '#shared/tables/definitions.ts';
import { CUSTOMER_STACK_S3_ACTIONS, IMPLIED_STACK_ACTIONS } from '#lib/constructs/provisioning.ts';
import { type Statement, actionsOf, allStatements, functionStatements, resourcesOf, roleStatements } from './helpers/iam.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, porticoSynth } from './helpers/synth.ts';

describe('IAM', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const stackRoleId = logicalIdOf(stack, stack.provisioning.customerStackRole);
  const creates = (grants: Grants) => grants.actions.includes('cloudformation:CreateStack');
  const readsTemplate = (grants: Grants) => creates(grants) || grants.actions.includes('cloudformation:UpdateStack');
  const passesRole = (grants: Grants) =>
    grants.actions.some((a) => ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack'].includes(a));
  const provisioners = routeTable.filter((route) => creates(grantsFor(route)));
  const others = routeTable.filter((route) => !grantsFor(route).actions.some((a) => serviceOf(a) === 'cloudformation'));
  /** Every function of the stack with what it declares and the statements its role holds. */
  const declared: [string, Grants, Statement[]][] = [
    ...routeTable.map((route): [string, Grants, Statement[]] => [route.id, grantsFor(route), functionStatements(synth, stack.functions[route.id]!)]),
    [eventFunctions.authorizer.id, eventFunctions.authorizer, functionStatements(synth, stack.authorizerFunction)],
    [eventFunctions.customerAuthorizer.id, eventFunctions.customerAuthorizer, functionStatements(synth, stack.customerAuthorizerFunction)],
    [eventFunctions.stackStatus.id, eventFunctions.stackStatus, functionStatements(synth, stack.stackStatusFunction)],
    [eventFunctions.s3ObjectEvents.id, eventFunctions.s3ObjectEvents, functionStatements(synth, stack.usageTracking.usageFunction)],
    [
      eventFunctions.reconcileCustomers.id,
      eventFunctions.reconcileCustomers,
      functionStatements(synth, stack.scheduled.functions[eventFunctions.reconcileCustomers.id]!),
    ],
    [
      eventFunctions.reconcileWorksets.id,
      eventFunctions.reconcileWorksets,
      functionStatements(synth, stack.scheduled.functions[eventFunctions.reconcileWorksets.id]!),
    ],
    [eventFunctions.expireUploads.id, eventFunctions.expireUploads, functionStatements(synth, stack.scheduled.functions[eventFunctions.expireUploads.id]!)],
  ];

  describe('the customer-stack role', () => {
    it('is assumed by CloudFormation only', () => {
      const trust = templateJson.Resources[stackRoleId]?.Properties?.['AssumeRolePolicyDocument'] as { Statement: unknown[] };
      expect(trust.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } },
      ]);
    });

    it('may only configure <prefix>-* buckets, and delete only what the rollback of a failed create needs', () => {
      // Act
      // (Its API Gateway statements, for the customer's API key, are asserted in rate-limits.test.ts.)
      const statements = roleStatements(templateJson, stackRoleId).filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
      // Assess
      expect(statements).toHaveLength(1);
      const [statement] = statements as [Statement];
      expect(actionsOf(statement).sort()).toEqual([...CUSTOMER_STACK_S3_ACTIONS].sort());
      expect(actionsOf(statement).filter((a) => a.startsWith('s3:Delete')).sort()).toEqual(['s3:DeleteBucket', 's3:DeleteBucketPolicy']);
      expect(actionsOf(statement).every((a) => a.startsWith('s3:') && !a.includes('*') && !/Object/.test(a.replace('ObjectLock', '')))).toBe(true);
      expect(resourcesOf(statement).map((r) => evaluate(r))).toEqual(['arn:aws:s3:::portico-123456789012-*']);
      expect(templateJson.Resources[stackRoleId]?.Properties?.['ManagedPolicyArns']).toBeUndefined();
    });
  });

  it('lets only the customer-stack role delete a bucket or its policy, and only <prefix>-* buckets', () => {
    // Prepare
    const deletesBuckets = (s: Statement) => actionsOf(s).some((a) => a === 's3:DeleteBucket' || a === 's3:DeleteBucketPolicy');
    // Act
    const everywhere = allStatements(templateJson).filter(deletesBuckets);
    const role = roleStatements(templateJson, stackRoleId).filter(deletesBuckets);
    // Assess
    expect(role).toHaveLength(1);
    expect(everywhere).toEqual(role);
    expect(resourcesOf(role[0]!).map((r) => evaluate(r))).toEqual(['arn:aws:s3:::portico-123456789012-*']);
  });

  it('passes roles narrowly: iam:PassRole only on the customer-stack role, only to CloudFormation, only where a stack call names it', () => {
    const passRole = allStatements(templateJson).filter((s) => actionsOf(s).includes('iam:PassRole'));
    expect(passRole.length).toBe(declared.filter(([, grants]) => passesRole(grants)).length);
    for (const statement of passRole) {
      expect(actionsOf(statement)).toEqual(['iam:PassRole']);
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': [stackRoleId, 'Arn'] });
      expect(statement.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } });
    }
  });

  describe.each(provisioners.map((r) => [r.id] as const))('%s (creates customer stacks)', (id) => {
    const fn = stack.functions[id]!;
    const statements = functionStatements(synth, fn);
    const variables = (templateJson.Resources[logicalIdOf(stack, fn.function)]?.Properties?.['Environment'] as {
      Variables: Record<string, unknown>;
    }).Variables;

    it('may call exactly its declared stack actions (and the tagging they imply) on portico-customer-* stacks', () => {
      const cfn = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cloudformation:')));
      const stackActions = grantsFor(routeTable.find((r) => r.id === id)!).actions.filter((a) => a.startsWith('cloudformation:'));
      expect(cfn).toHaveLength(1);
      expect(actionsOf(cfn[0]!).sort()).toEqual([...new Set([...stackActions, ...stackActions.flatMap((a) => IMPLIED_STACK_ACTIONS[a] ?? [])])].sort());
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

  describe.each(others.map((r) => [r.id] as const))('%s (no stack action)', (id) => {
    it('cannot touch CloudFormation, pass roles or read the template', () => {
      // Prepare
      const statements = functionStatements(synth, stack.functions[id]!);
      const templateObject = synth.stack.resolve(stack.provisioning.templateObjectArn);
      // Assess
      expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('cloudformation:') || a === 'iam:PassRole')).toEqual([]);
      expect(statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(templateObject))).toEqual([]);
    });
  });

  it.each(declared.map(([id, grants, statements]) => [id, grants, statements] as const))(
    '%s is granted exactly the DynamoDB actions it declares, per table',
    (_id, grants, statements) => {
      // Prepare
      const expected = Object.entries(grants.tables)
        .filter(([, actions]) => actions.length > 0)
        .map(([table, actions]) => [table, actions.map((a) => `dynamodb:${a}`).sort()]);
      // Act: the actions each table gets (CDK merges statements that grant the same actions on several tables).
      const byTable = new Map<TableName, Set<string>>();
      for (const statement of statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')))) {
        for (const resource of resourcesOf(statement)) {
          const arn = JSON.stringify(resource);
          if (arn.includes('/index/')) continue;
          const table = (Object.keys(tableDefinitions) as TableName[]).find((t) => arn.includes(logicalIdOf(stack, stack.tables[t])));
          if (!table) throw new Error(`a DynamoDB grant on something that is not a Portico table: ${arn}`);
          byTable.set(table, new Set([...(byTable.get(table) ?? []), ...actionsOf(statement)]));
        }
      }
      const granted = [...byTable].map(([table, actions]) => [table, [...actions].sort()]);
      // Assess
      expect(granted.sort()).toEqual(expected.sort());
    },
  );

  it.each(declared.map(([id, grants, statements]) => [id, grants, statements] as const))(
    '%s is granted exactly the Cognito and S3 actions it declares',
    (_id, grants, statements) => {
      const services = ['cognito-idp:', 's3:'];
      const granted = statements
        // The explicit deny that keeps customer-bucket grants off the platform's buckets is checked on its own.
        .filter((s) => s.Effect !== 'Deny')
        .flatMap(actionsOf)
        .filter((a) => services.some((prefix) => a.startsWith(prefix)))
        // s3:GetObject on the template object comes with CreateStack and UpdateStack (a rollout sends the template in force), not with the declaration.
        .filter((a) => !(a === 's3:GetObject' && readsTemplate(grants) && !grants.actions.includes('s3:GetObject')));
      const onPlatformBuckets = Object.values(grants.buckets ?? {}).flat();
      expect(granted.sort()).toEqual([...grants.actions.filter((a) => services.some((prefix) => a.startsWith(prefix))), ...onPlatformBuckets].sort());
    },
  );

  it('keeps the audit trail append-only: no function may update, delete or batch-write it', () => {
    const audit = logicalIdOf(stack, stack.tables.audit);
    const onAudit = allStatements(templateJson).filter((s) => JSON.stringify(s.Resource).includes(audit));
    expect(onAudit.length).toBeGreaterThan(0);
    const writes = onAudit.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:') && !['dynamodb:PutItem', 'dynamodb:Query'].includes(a));
    expect(writes).toEqual([]);
  });

  it('lets member removal clear a default customer (AdminDeleteUserAttributes) and gives a listing no Cognito write', () => {
    const removal = declared.find(([id]) => id === 'memberships.remove')![2].flatMap(actionsOf);
    const listing = declared.find(([id]) => id === 'memberships.list')![2].flatMap(actionsOf);
    expect(removal).toContain('cognito-idp:AdminDeleteUserAttributes');
    expect(listing.filter((a) => a.startsWith('cognito-idp:'))).toEqual(['cognito-idp:AdminListGroupsForUser']);
  });

  it('uses no wildcard action anywhere', () => {
    const wildcards = allStatements(templateJson)
      .filter((s) => s.Effect === 'Allow')
      .flatMap(actionsOf)
      .filter((a) => a.includes('*'));
    expect(wildcards).toEqual([]);
  });
});

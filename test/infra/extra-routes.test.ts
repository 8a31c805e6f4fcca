import { describe, expect, it } from 'vitest';
import { routeById, routeTable } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { CUSTOMER_BUCKET_OBJECT_ACTIONS, MANAGE_USERS_ACTIONS } from '#lib/constructs/capabilities.ts';
import { actionsOf, functionStatements } from './helpers/iam.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, synthPortico } from './helpers/synth.ts';

/**
 * What today's route table does not exercise yet: a public route, and the
 * manage-users and customer-buckets capabilities. Both probes reuse an existing
 * entry file and are synthesized together, once.
 */
describe('routes the table will gain later', () => {
  // Prepare
  const publicRoute: RouteDefinition = {
    ...routeById('customers.list'),
    id: 'probe.public',
    path: '/public-probe',
    access: { kind: 'public' },
    summary: 'Test-only public route',
  };
  const capabilityRoute: RouteDefinition = {
    ...routeById('customers.list'),
    id: 'probe.capabilities',
    path: '/probe-capabilities',
    capabilities: ['manage-users', 'customer-buckets'],
  };
  // Act
  const synth = synthPortico({}, { routes: [...routeTable, publicRoute, capabilityRoute] });
  const publicMethod = synth.stack.apiConstruct.methods['probe.public']!;
  const statements = functionStatements(synth, synth.stack.functions['probe.capabilities']!);

  it('leaves no cdk-nag finding', () => {
    expect(synth.nag.findings.map((f) => `${f.ruleId} @ ${f.constructPath}`)).toEqual([]);
  });

  describe('a public route', () => {
    it('is wired without the authorizer', () => {
      const properties = synth.templateJson.Resources[logicalIdOf(synth.stack, publicMethod)]?.Properties;
      expect(properties).toMatchObject({ HttpMethod: 'GET', AuthorizationType: 'NONE' });
      expect(properties?.['AuthorizerId']).toBeUndefined();
    });

    it('has its missing authorization acknowledged on that method only', () => {
      const acks = synth.nag.acknowledgements.filter((a) => a.id === 'AwsSolutions-APIG4' && a.constructPath.includes('public-probe'));
      expect(acks.map((a) => a.constructPath)).toEqual([publicMethod.node.path]);
      expect(synth.nag.acknowledged.filter((a) => a.ruleId === 'AwsSolutions-APIG4').map((a) => a.constructPath)).toContain(
        `${publicMethod.node.path}/Resource`,
      );
    });
  });

  describe('manage-users', () => {
    it('allows the Cognito admin calls on the platform user pool only', () => {
      const cognito = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito).toHaveLength(1);
      expect(actionsOf(cognito[0]!).sort()).toEqual([...MANAGE_USERS_ACTIONS].sort());
      expect(cognito[0]!.Resource).toEqual({ 'Fn::GetAtt': [logicalIdOf(synth.stack, synth.stack.userPool), 'Arn'] });
    });
  });

  describe('customer-buckets', () => {
    it('allows object access and listing on <prefix>-* buckets only', () => {
      const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
      const byResource = Object.fromEntries(s3.map((s) => [String(evaluate(s.Resource)), actionsOf(s).sort()]));
      expect(byResource).toEqual({
        'arn:aws:s3:::portico-123456789012-*': ['s3:ListBucket'],
        'arn:aws:s3:::portico-123456789012-*/*': [...CUSTOMER_BUCKET_OBJECT_ACTIONS].sort(),
      });
    });
  });
});

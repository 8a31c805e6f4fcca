import { describe, expect, it } from 'vitest';
import { routeById, routeTable } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { actionsOf, functionStatements } from './helpers/iam.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, synthPortico } from './helpers/synth.ts';

/**
 * What today's route table does not exercise yet: a public route, and a route
 * declaring bucket-level and object-level S3 actions and Cognito actions
 * together. Both probes reuse an existing entry file and are synthesized
 * together, once.
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
  const serviceActionsRoute: RouteDefinition = {
    ...routeById('customers.list'),
    id: 'probe.service-actions',
    path: '/probe.service-actions',
    actions: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminDisableUser', 's3:ListBucket', 's3:GetObject', 's3:PutObject'],
  };
  // Act
  const synth = synthPortico({}, { routes: [...routeTable, publicRoute, serviceActionsRoute] });
  const publicMethod = synth.stack.apiConstruct.methods['probe.public']!;
  const statements = functionStatements(synth, synth.stack.functions['probe.service-actions']!);

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
      // The route's method, and the 405 ANY method of the same path (also unauthenticated by design).
      expect(acks.map((a) => a.constructPath).sort()).toEqual([`${publicMethod.node.path.replace(/\/GET$/, '/ANY')}`, publicMethod.node.path].sort());
      expect(synth.nag.acknowledged.filter((a) => a.ruleId === 'AwsSolutions-APIG4').map((a) => a.constructPath)).toContain(
        `${publicMethod.node.path}/Resource`,
      );
    });
  });

  describe('Cognito actions', () => {
    it('are allowed exactly as declared, on the platform user pool only', () => {
      const cognito = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito).toHaveLength(1);
      // Plus what the access guard of a platform-admin route calls.
      expect(actionsOf(cognito[0]!).sort()).toEqual(['cognito-idp:AdminDisableUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser']);
      expect(cognito[0]!.Resource).toEqual({ 'Fn::GetAtt': [logicalIdOf(synth.stack, synth.stack.userPool), 'Arn'] });
    });
  });

  describe('S3 actions', () => {
    it('are allowed exactly as declared: listing on <prefix>-* buckets, object actions on their objects', () => {
      // The deny that keeps these grants off the platform's own buckets is tested in usage-billing.test.ts.
      const s3 = statements.filter((s) => s.Effect !== 'Deny' && actionsOf(s).some((a) => a.startsWith('s3:')));
      const byResource = Object.fromEntries(s3.map((s) => [String(evaluate(s.Resource)), actionsOf(s).sort()]));
      expect(byResource).toEqual({
        'arn:aws:s3:::portico-123456789012-*': ['s3:ListBucket'],
        'arn:aws:s3:::portico-123456789012-*/*': ['s3:GetObject', 's3:PutObject'],
      });
    });
  });
});

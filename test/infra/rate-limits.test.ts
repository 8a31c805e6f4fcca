import { describe, expect, it } from 'vitest';
import { newCustomerId } from '#shared/customers/customer-id.ts';
import { customerApiKeyValue, TEMPLATE_PARAMETERS } from '#shared/customers/template-contract.ts';
import { PLAN_NAMES, QUOTAS } from '#shared/quotas/declarations.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { type Statement, actionsOf, functionStatements, resourcesOf, roleStatements } from './helpers/iam.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { type CfnResourceJson, logicalIdOf, porticoSynth, resourcesOfType } from './helpers/synth.ts';

/** Issue 8, item 8: per-customer request rate limits through API Gateway usage plans. */
describe('rate limits', () => {
  const synth = porticoSynth();
  const { stack, templateJson, customerTemplateJson } = synth;
  const restApiId = logicalIdOf(stack, stack.api);
  const stageId = logicalIdOf(stack, stack.api.deploymentStage);
  const planIds = Object.fromEntries(PLAN_NAMES.map((plan) => [plan, logicalIdOf(stack, stack.usagePlans.plans[plan])]));
  const usagePlans = resourcesOfType(templateJson, 'AWS::ApiGateway::UsagePlan');

  it('has one usage plan per plan on the API stage, throttled with the declared rate and burst, without quota', () => {
    for (const plan of PLAN_NAMES) {
      const properties = templateJson.Resources[planIds[plan]!]?.Properties;
      expect(properties?.['Throttle']).toEqual({ RateLimit: QUOTAS.requests_per_second.plans[plan], BurstLimit: QUOTAS.burst.plans[plan] });
      expect(properties?.['ApiStages']).toEqual([expect.objectContaining({ ApiId: { Ref: restApiId }, Stage: { Ref: stageId } })]);
      expect(properties?.['Quota']).toBeUndefined();
    }
  });

  it('has a fifth, platform usage plan without a throttle of its own, holding only the platform key, whose value is derived from the API id', () => {
    // Prepare
    const platformId = logicalIdOf(stack, stack.usagePlans.platformPlan);
    const keyId = logicalIdOf(stack, stack.usagePlans.platformKey);
    // Act
    const platformKeys = resourcesOfType(templateJson, 'AWS::ApiGateway::UsagePlanKey').map(([, key]) => key.Properties);
    // Assess
    expect(usagePlans.map(([id]) => id).sort()).toEqual([...Object.values(planIds), platformId].sort());
    expect(templateJson.Resources[platformId]?.Properties?.['Throttle']).toBeUndefined();
    expect(templateJson.Resources[platformId]?.Properties?.['ApiStages']).toEqual([expect.objectContaining({ ApiId: { Ref: restApiId }, Stage: { Ref: stageId } })]);
    expect(platformKeys).toEqual([{ KeyId: { Ref: keyId }, KeyType: 'API_KEY', UsagePlanId: { Ref: platformId } }]);
    expect(evaluate(templateJson.Resources[keyId]?.Properties?.['Value'], { refs: { [restApiId]: 'a1b2c3d4e5' } })).toBe('PorticoPlatforma1b2c3d4e5');
  });

  it('exports each plan usage plan id for customer stacks to import', () => {
    const exported = Object.values(templateJson.Outputs ?? {}).filter((output) => JSON.stringify(output).includes('UsagePlan-'));
    expect(exported).toEqual(
      expect.arrayContaining(PLAN_NAMES.map((plan) => expect.objectContaining({ Value: { Ref: planIds[plan] }, Export: { Name: `Portico-UsagePlan-${plan}` } }))),
    );
    expect(exported).toHaveLength(PLAN_NAMES.length);
  });

  it('takes API keys from the authorizer, never from a client header', () => {
    expect(templateJson.Resources[restApiId]?.Properties?.['ApiKeySourceType']).toBe('AUTHORIZER');
  });

  it('authorizes customer-scoped routes with a REQUEST authorizer keyed on the token and the path (which holds the customer id), cached 5 minutes', () => {
    // Prepare
    const authorizer = templateJson.Resources[logicalIdOf(stack, stack.apiConstruct.customerAuthorizer)]?.Properties;
    const fn = logicalIdOf(stack, stack.customerAuthorizerFunction.function);
    // Assess
    expect(authorizer).toMatchObject({ Type: 'REQUEST', IdentitySource: 'method.request.header.Authorization,context.path', AuthorizerResultTtlInSeconds: 300 });
    expect(JSON.stringify(authorizer?.['AuthorizerUri'])).toContain(`"${fn}"`);
  });

  it('grants the REQUEST authorizer exactly what it declares: the membership and the customer read, and the directory read', () => {
    // Act
    const statements = functionStatements(synth, stack.customerAuthorizerFunction).filter((s) => !actionsOf(s).some((a) => /^(logs|xray):/.test(a)));
    const granted = statements.flatMap((s) => actionsOf(s).flatMap((action) => resourcesOf(s).map((resource) => `${action} ${JSON.stringify(resource)}`)));
    // Assess
    const table = (name: 'memberships' | 'customers') => JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(stack, stack.tables[name]), 'Arn'] });
    expect(Object.keys(eventFunctions.customerAuthorizer.tables).sort()).toEqual(['customers', 'memberships']);
    expect(granted.sort()).toEqual(
      [
        `dynamodb:GetItem ${table('customers')}`,
        `dynamodb:GetItem ${table('memberships')}`,
        `cognito-idp:AdminGetUser ${JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(stack, stack.userPool), 'Arn'] })}`,
      ].sort(),
    );
  });

  describe('the customer template', () => {
    const [apiKeyId, apiKey] = resourcesOfType(customerTemplateJson, 'AWS::ApiGateway::ApiKey')[0] as [string, CfnResourceJson];
    const [, usagePlanKey] = resourcesOfType(customerTemplateJson, 'AWS::ApiGateway::UsagePlanKey')[0] as [string, CfnResourceJson];

    it("takes the customer's plan as a parameter, one of the plans", () => {
      expect(customerTemplateJson.Parameters?.[TEMPLATE_PARAMETERS.plan]).toMatchObject({ Type: 'String', AllowedValues: [...PLAN_NAMES] });
    });

    it("creates an enabled API key whose value is the one the authorizer derives from the customer id", () => {
      const customerId = newCustomerId('Acme Genomics-Lab');
      const value = evaluate(apiKey.Properties?.['Value'], { refs: { [TEMPLATE_PARAMETERS.customerId]: customerId } });
      expect(value).toBe(customerApiKeyValue(customerId));
      expect(apiKey.Properties?.['Enabled']).toBe(true);
    });

    it("puts the key in the usage plan of the Plan parameter, imported from the platform stack's exports", () => {
      expect(usagePlanKey.Properties).toEqual({
        KeyId: { Ref: apiKeyId },
        KeyType: 'API_KEY',
        UsagePlanId: { 'Fn::ImportValue': { 'Fn::Join': ['', ['Portico-UsagePlan-', { Ref: TEMPLATE_PARAMETERS.plan }]] } },
      });
    });

    it('deletes the key and its place in the usage plan with the stack (offboarding), unlike the bucket', () => {
      expect(apiKey.DeletionPolicy).toBeUndefined();
      expect(usagePlanKey.DeletionPolicy).toBeUndefined();
    });
  });

  describe('the customer-stack role', () => {
    const statements = roleStatements(templateJson, logicalIdOf(stack, stack.provisioning.customerStackRole));
    const apiGateway = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('apigateway:')));
    const refs = Object.fromEntries(Object.entries(planIds).map(([plan, id]) => [id, `plan-${plan}`]));
    const paths = (s: Statement) => resourcesOf(s).map((r) => String(evaluate(r, { refs })));
    const allowed = apiGateway.flatMap((s) => actionsOf(s).flatMap((action) => paths(s).map((path) => `${action} ${path.replace('arn:aws:apigateway:eu-west-1::', '')}`)));

    it('may create API keys, manage them, and put them in or take them out of the four plan usage plans only', () => {
      const inPlans = PLAN_NAMES.flatMap((plan) => [
        `apigateway:POST /usageplans/plan-${plan}/keys`,
        `apigateway:GET /usageplans/plan-${plan}/keys/*`,
        `apigateway:DELETE /usageplans/plan-${plan}/keys/*`,
      ]);
      expect(allowed.sort()).toEqual(
        [
          'apigateway:POST /apikeys',
          'apigateway:GET /apikeys/*',
          'apigateway:PATCH /apikeys/*',
          'apigateway:DELETE /apikeys/*',
          ...inPlans,
          'apigateway:PUT /tags/*',
          'apigateway:DELETE /tags/*',
        ].sort(),
      );
    });
  });
});

import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STACK_BUDGET_ACTIONS } from '#lib/constructs/cost-allocation.ts';
import { COST_ALLOCATION_TAG_KEYS } from '#shared/billing/cost-allocation-tags.ts';
import { BUDGET_PARAMETERS } from '#shared/billing/customer-budget.ts';
import { TEMPLATE_PARAMETERS } from '#shared/customers/template-contract.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { actionsOf, allStatements, functionStatements, resourcesOf, roleStatements } from './helpers/iam.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { type CfnTemplate, logicalIdOf, porticoSynth, resourcesOfType, synthPortico } from './helpers/synth.ts';

/** Evaluates a template Condition (Fn::Not, Fn::Equals, Fn::And, Fn::Or) for these parameter values. */
function conditionHolds(template: CfnTemplate & { Conditions?: Record<string, unknown> }, name: string, refs: Record<string, string>): boolean {
  const go = (expression: unknown): boolean => {
    const [fn, arg] = Object.entries(expression as Record<string, unknown>)[0] as [string, unknown[]];
    switch (fn) {
      case 'Fn::Not':
        return !go(arg[0]);
      case 'Fn::And':
        return arg.every(go);
      case 'Fn::Or':
        return arg.some(go);
      case 'Fn::Equals':
        return String(evaluate(arg[0], { refs })) === String(evaluate(arg[1], { refs }));
      case 'Condition':
        return go(template.Conditions?.[String(arg)]);
      default:
        throw new Error(`unsupported condition function ${fn}`);
    }
  };
  return go(template.Conditions?.[name]);
}

describe('cost allocation', () => {
  const synth = porticoSynth();
  const { stack, template, templateJson, customerTemplate, customerTemplateJson } = synth;
  const allocation = stack.costAllocation;

  describe('the tag-activation custom resource (default: on)', () => {
    const fn = allocation.activationFunction!;
    const fnId = logicalIdOf(stack, fn.function);
    const [resourceId, resource] = resourcesOfType(templateJson, 'Custom::CostAllocationTags')[0] ?? [];

    it('activates exactly the five cost-allocation tag keys, through the activation function', () => {
      expect([...COST_ALLOCATION_TAG_KEYS].sort()).toEqual(['BillingAccount', 'CostCenter', 'Customer', 'Environment', 'Project']);
      template.resourceCountIs('Custom::CostAllocationTags', 1);
      template.hasResourceProperties('Custom::CostAllocationTags', {
        ServiceToken: { 'Fn::GetAtt': [fnId, 'Arn'] },
        ServiceTimeout: '300',
        TagKeys: [...COST_ALLOCATION_TAG_KEYS],
        DeployRun: Match.stringLikeRegexp('^\\d{4}-\\d{2}-\\d{2}T'),
      });
    });

    it('changes on every synthesis, so every deploy runs it again (tags billing had not seen are retried)', () => {
      const later = synthPortico();
      const runOf = (t: CfnTemplate) => resourcesOfType(t, 'Custom::CostAllocationTags')[0]?.[1].Properties?.['DeployRun'];
      expect(runOf(later.templateJson)).not.toEqual(runOf(templateJson));
      // Nothing else of the resource changes: same logical id, same keys.
      expect(resourcesOfType(later.templateJson, 'Custom::CostAllocationTags')[0]?.[0]).toBe(resourceId);
    });

    it('waits for the function and its grant before CloudFormation invokes it', () => {
      const policyId = resourcesOfType(templateJson, 'AWS::IAM::Policy').find(([, p]) =>
        JSON.stringify(p.Properties?.['Roles']).includes(`"${logicalIdOf(stack, fn.role)}"`),
      )?.[0];
      expect(policyId).toBeDefined();
      expect(resource?.DependsOn).toEqual(expect.arrayContaining([fnId, policyId]));
    });

    it('runs the declared handler with a dead-letter queue for invocations that fail', () => {
      const properties = templateJson.Resources[fnId]?.Properties ?? {};
      expect(properties['Timeout']).toBe(eventFunctions.activateCostTags.timeoutSeconds);
      expect(properties['DeadLetterConfig']).toEqual({ TargetArn: { 'Fn::GetAtt': [logicalIdOf(stack, allocation.activationDeadLetterQueue!), 'Arn'] } });
      expect(properties['Description']).toBe(eventFunctions.activateCostTags.summary);
    });

    it('may call ce:UpdateCostAllocationTagsStatus (on "*", all Cost Explorer supports) and nothing else of Cost Explorer', () => {
      const statements = functionStatements(synth, fn);
      const services = statements.flatMap(actionsOf).filter((a) => !/^(logs|xray|sqs):/.test(a));
      expect(services).toEqual(['ce:UpdateCostAllocationTagsStatus']);
      // (minimizePolicies merges it with X-Ray's statement, the other action that only takes "*".)
      const ce = statements.filter((s) => actionsOf(s).includes('ce:UpdateCostAllocationTagsStatus'));
      expect(ce).toHaveLength(1);
      expect(ce[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
      expect(actionsOf(ce[0]!).filter((a) => !a.startsWith('xray:'))).toEqual(['ce:UpdateCostAllocationTagsStatus']);
      // No other role of the stack touches Cost Explorer.
      expect(allStatements(templateJson).filter((s) => actionsOf(s).some((a) => a.startsWith('ce:')))).toEqual(ce);
    });
  });

  it('creates no Cost Category unless asked', () => {
    template.resourceCountIs('AWS::CE::CostCategory', 0);
  });

  describe('the customer budget (customer template)', () => {
    const [budgetId, budget] = resourcesOfType(customerTemplateJson, 'AWS::Budgets::Budget')[0] ?? [];
    const refs = { [TEMPLATE_PARAMETERS.customerId]: 'acme-1a2b3c4d', [BUDGET_PARAMETERS.billingEmail]: 'finance@acme.com' };

    it('takes a monthly amount (0, the default: no budget) and a billing email (optional)', () => {
      customerTemplate.hasParameter(BUDGET_PARAMETERS.monthlyBudgetUsd, { Type: 'Number', Default: 0, MinValue: 0 });
      customerTemplate.hasParameter(BUDGET_PARAMETERS.billingEmail, { Type: 'String', Default: '', MaxLength: 254 });
      const pattern = new RegExp(String(customerTemplateJson.Parameters?.[BUDGET_PARAMETERS.billingEmail]?.['AllowedPattern']));
      expect(['', 'finance@acme.com'].map((v) => pattern.test(v))).toEqual([true, true]);
      expect(['finance', 'a b@acme.com'].map((v) => pattern.test(v))).toEqual([false, false]);
    });

    it('exists only when the amount is not 0', () => {
      expect(budgetId).toBeDefined();
      const condition = (budget as { Condition?: string }).Condition;
      expect(condition).toBeDefined();
      const holds = (amount: string) => conditionHolds(customerTemplateJson, condition!, { ...refs, [BUDGET_PARAMETERS.monthlyBudgetUsd]: amount });
      expect(holds('0')).toBe(false);
      expect(holds('250')).toBe(true);
      expect(holds('12.5')).toBe(true);
    });

    it("is a monthly cost budget of the amount, filtered on the customer's Customer tag", () => {
      const properties = budget?.Properties ?? {};
      const data = properties['Budget'] as Record<string, unknown>;
      expect(evaluate(data, { refs: { ...refs, [BUDGET_PARAMETERS.monthlyBudgetUsd]: '250' } })).toEqual({
        BudgetName: 'portico-customer-acme-1a2b3c4d',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: '250', Unit: 'USD' },
        CostFilters: { TagKeyValue: ['user:Customer$acme-1a2b3c4d'] },
      });
    });

    it('alerts the billing email at 80 % actual and 100 % forecast spend', () => {
      const notifications = evaluate(budget?.Properties?.['NotificationsWithSubscribers'], { refs });
      const subscribers = [{ SubscriptionType: 'EMAIL', Address: 'finance@acme.com' }];
      expect(notifications).toEqual([
        { Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' }, Subscribers: subscribers },
        { Notification: { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE' }, Subscribers: subscribers },
      ]);
    });

    it('may be managed by the customer-stack role, for portico-customer-* budgets only', () => {
      const statements = roleStatements(templateJson, logicalIdOf(stack, stack.provisioning.customerStackRole)).filter((s) =>
        actionsOf(s).some((a) => a.startsWith('budgets:')),
      );
      expect(statements).toHaveLength(1);
      expect(actionsOf(statements[0]!).sort()).toEqual([...CUSTOMER_STACK_BUDGET_ACTIONS].sort());
      expect(resourcesOf(statements[0]!).map((r) => evaluate(r))).toEqual(['arn:aws:budgets::123456789012:budget/portico-customer-*']);
      // No function may touch budgets: only CloudFormation, through customer stacks.
      const budgetGrants = allStatements(templateJson).filter((s) => actionsOf(s).some((a) => a.startsWith('budgets:')));
      expect(budgetGrants).toEqual(statements);
    });
  });
});

describe('cost allocation, options changed', () => {
  const synth = synthPortico({ 'portico:activateCostTags': 'false', 'portico:costCategory': 'true', 'portico:project': 'portico-eu' });

  it('activates nothing when portico:activateCostTags is false (a member account)', () => {
    synth.template.resourceCountIs('Custom::CostAllocationTags', 0);
    expect(synth.stack.costAllocation.activationFunction).toBeUndefined();
    expect(allStatements(synth.templateJson).flatMap(actionsOf).filter((a) => a.startsWith('ce:'))).toEqual([]);
  });

  it('creates the <project>-customers Cost Category: the Customer tag, shared-platform without one', () => {
    synth.template.resourceCountIs('AWS::CE::CostCategory', 1);
    synth.template.hasResourceProperties('AWS::CE::CostCategory', {
      Name: 'portico-eu-customers',
      RuleVersion: 'CostCategoryExpression.v1',
      DefaultValue: 'shared-platform',
    });
    const [, category] = resourcesOfType(synth.templateJson, 'AWS::CE::CostCategory')[0]!;
    expect(JSON.parse(String(category.Properties?.['Rules']))).toEqual([
      { Type: 'INHERITED_VALUE', InheritedValue: { DimensionName: 'TAG', DimensionKey: 'Customer' } },
    ]);
  });

  it('keeps the customer budget and its grant, which do not depend on either option', () => {
    expect(resourcesOfType(synth.customerTemplateJson, 'AWS::Budgets::Budget')).toHaveLength(1);
    expect(allStatements(synth.templateJson).flatMap(actionsOf)).toContain('budgets:ModifyBudget');
  });

  it('still reports no unacknowledged cdk-nag finding', () => {
    expect(synth.nag.findings.map((f) => `${f.ruleId} @ ${f.constructPath}`)).toEqual([]);
  });
});

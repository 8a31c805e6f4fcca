import { CfnResource, Stack, TagManager } from 'aws-cdk-lib';
import { CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import { PLATFORM_TAG_KEYS } from '#lib/tagging.ts';
import { TEMPLATE_PARAMETERS } from '#shared/customers/template-contract.ts';
import { type CfnTemplate, porticoSynth, synthPortico } from './helpers/synth.ts';

type TagMap = Record<string, unknown>;
interface TaggableResource {
  readonly logicalId: string;
  readonly type: string;
  readonly tagSets: TagMap[];
}

function toMap(tags: unknown): TagMap {
  if (Array.isArray(tags)) return Object.fromEntries((tags as { Key: string; Value: unknown }[]).map((t) => [t.Key, t.Value]));
  if (tags && typeof tags === 'object') return tags as TagMap;
  return {};
}

/**
 * "Taggable" is decided by the CloudFormation resource specification as CDK encodes
 * it: an L1 whose type has a tags property owns a TagManager (`TagManager.isTaggable`),
 * which also names the property (`Tags`, `UserPoolTags`, `ResourceTags`, ...).
 * AWS::DynamoDB::GlobalTable has no top-level tags; its tags live on each replica
 * (`Replicas[].Tags`).
 */
function taggableResources(stack: Stack, templateJson: CfnTemplate): TaggableResource[] {
  return stack.node
    .findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack)
    .filter((c) => TagManager.isTaggable(c) || TagManager.isTaggableV2(c) || c instanceof CfnGlobalTable)
    .map((resource) => {
      const logicalId = stack.resolve(stack.getLogicalId(resource)) as string;
      const properties = templateJson.Resources[logicalId]?.Properties ?? {};
      if (resource instanceof CfnGlobalTable) {
        const replicas = (properties['Replicas'] ?? []) as { Tags?: unknown }[];
        return { logicalId, type: resource.cfnResourceType, tagSets: replicas.map((replica) => toMap(replica.Tags)) };
      }
      const manager = TagManager.isTaggable(resource) ? resource.tags : (resource as unknown as { cdkTagManager: TagManager }).cdkTagManager;
      // The L1 property name (`tags`, `userPoolTags`) is the CloudFormation one in camelCase.
      const property = manager.tagPropertyName.charAt(0).toUpperCase() + manager.tagPropertyName.slice(1);
      return { logicalId, type: resource.cfnResourceType, tagSets: [toMap(properties[property])] };
    });
}

/** `logicalId (type): key=value` for every tag set missing an expected tag. */
function missingTags(resources: readonly TaggableResource[], expected: Readonly<Record<string, unknown>>): string[] {
  return resources.flatMap(({ logicalId, type, tagSets }) =>
    tagSets.length === 0
      ? [`${logicalId} (${type}): no tag set`]
      : tagSets.flatMap((tags) =>
          Object.keys(expected)
            .filter((key) => JSON.stringify(tags[key]) !== JSON.stringify(expected[key]))
            .map((key) => `${logicalId} (${type}): ${key}=${JSON.stringify(tags[key])}`),
        ),
  );
}

describe('platform tags', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const expected = { Project: 'portico', Environment: 'dev', ManagedBy: 'portico', CostCenter: 'platform' };

  const taggable = taggableResources(stack, templateJson);

  it('finds the taggable resources of every kind the stack creates', () => {
    const types = new Set(taggable.map((t) => t.type));
    for (const type of [
      'AWS::Lambda::Function',
      'AWS::IAM::Role',
      'AWS::Logs::LogGroup',
      'AWS::DynamoDB::GlobalTable',
      'AWS::Cognito::UserPool',
      'AWS::ApiGateway::RestApi',
      'AWS::ApiGateway::Stage',
      'AWS::S3::Bucket',
      'AWS::SQS::Queue',
      'AWS::Events::Rule',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('every taggable resource carries Project, Environment, ManagedBy and CostCenter', () => {
    expect(PLATFORM_TAG_KEYS.every((key) => key in expected)).toBe(true);
    expect(missingTags(taggable, expected)).toEqual([]);
  });

  it('tags the stack itself, so CloudFormation propagates the tags to what it creates', () => {
    const artifact = synth.app.synth().getStackByName(stack.stackName);
    expect(artifact.tags).toMatchObject(expected);
  });
});

describe('customer template tags', () => {
  const { stack, customerTemplateJson } = porticoSynth();
  const taggable = taggableResources(stack.provisioning.customerStack, customerTemplateJson);
  const expected = {
    Customer: { Ref: TEMPLATE_PARAMETERS.customerId },
    CostCenter: { Ref: TEMPLATE_PARAMETERS.costCenter },
    BillingAccount: { Ref: TEMPLATE_PARAMETERS.billingAccount },
    Environment: { Ref: TEMPLATE_PARAMETERS.environment },
    ManagedBy: 'portico',
    Project: 'portico',
  };

  it('finds every taggable resource: the bucket, the API key and the budget', () => {
    expect(taggable.map((t) => t.type).sort()).toEqual(['AWS::ApiGateway::ApiKey', 'AWS::Budgets::Budget', 'AWS::S3::Bucket']);
  });

  it("every taggable resource carries the customer's Customer, CostCenter, BillingAccount and Environment, ManagedBy and the platform's Project", () => {
    expect(missingTags(taggable, expected)).toEqual([]);
  });
});

describe('platform tags with every cost-allocation option on', () => {
  const { stack, templateJson, template } = synthPortico({ 'portico:costCategory': true, 'portico:project': 'portico-eu' });

  it('tags the Cost Category and the activation function like every other platform resource', () => {
    const taggable = taggableResources(stack, templateJson);
    expect(taggable.map((t) => t.type)).toContain('AWS::CE::CostCategory');
    expect(missingTags(taggable, { Project: 'portico-eu', Environment: 'dev', ManagedBy: 'portico', CostCenter: 'platform' })).toEqual([]);
    template.resourceCountIs('Custom::CostAllocationTags', 1);
  });
});

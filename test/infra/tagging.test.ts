import { CfnResource, Stack, TagManager } from 'aws-cdk-lib';
import { CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import { PLATFORM_TAG_KEYS } from '#lib/tagging.ts';
import { porticoSynth } from './helpers/synth.ts';

type TagMap = Record<string, unknown>;

function toMap(tags: unknown): TagMap {
  if (Array.isArray(tags)) return Object.fromEntries((tags as { Key: string; Value: unknown }[]).map((t) => [t.Key, t.Value]));
  if (tags && typeof tags === 'object') return tags as TagMap;
  return {};
}

describe('platform tags', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const expected = { Project: 'portico', Environment: 'dev', ManagedBy: 'portico', CostCenter: 'platform' };

  /**
   * "Taggable" is decided by the CloudFormation resource specification as CDK encodes
   * it: an L1 whose type has a tags property owns a TagManager (`TagManager.isTaggable`),
   * which also names the property (`Tags`, `UserPoolTags`, ...). AWS::DynamoDB::GlobalTable
   * has no top-level tags; its tags live on each replica (`Replicas[].Tags`).
   */
  const taggable = stack.node
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
    const missing = taggable.flatMap(({ logicalId, type, tagSets }) =>
      tagSets.length === 0
        ? [`${logicalId} (${type}): no tag set`]
        : tagSets.flatMap((tags) =>
            PLATFORM_TAG_KEYS.filter((key) => tags[key] !== expected[key]).map((key) => `${logicalId} (${type}): ${key}=${String(tags[key])}`),
          ),
    );
    expect(missing).toEqual([]);
  });

  it('tags the stack itself, so CloudFormation propagates the tags to what it creates', () => {
    const artifact = synth.app.synth().getStackByName(stack.stackName);
    expect(artifact.tags).toMatchObject(expected);
  });
});

import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableList } from '#shared/tables/definitions.ts';
import { logicalIdOf, porticoSynth } from './helpers/synth.ts';

describe('DynamoDB tables', () => {
  // Prepare / Act: one synthesis of the default deployment for the whole file.
  const synth = porticoSynth();

  it('builds exactly one table per shared table definition', () => {
    // Assess
    synth.template.resourceCountIs('AWS::DynamoDB::GlobalTable', tableList.length);
  });

  describe.each(tableList.map((definition) => [definition.name, definition] as const))('%s', (name, definition) => {
    const logicalId = logicalIdOf(synth.stack, synth.stack.tables[name]);
    const resource = synth.templateJson.Resources[logicalId];

    it('has the declared keys and indexes', () => {
      // Prepare
      const keySchema = [
        { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
        ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' }] : []),
      ];
      // Assess
      expect(resource?.Properties?.['KeySchema']).toEqual(keySchema);
      const indexes = (resource?.Properties?.['GlobalSecondaryIndexes'] ?? []) as { IndexName: string; KeySchema: unknown }[];
      expect(indexes.map((index) => index.IndexName)).toEqual(definition.globalIndexes.map((index) => index.name));
      for (const index of definition.globalIndexes) {
        expect(indexes.find((i) => i.IndexName === index.name)?.KeySchema).toEqual([
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
        ]);
      }
    });

    it('is on-demand, encrypted with KMS, point-in-time recoverable, deletion-protected and retained', () => {
      // Assess
      expect(resource?.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          expect.objectContaining({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      });
      expect(resource?.DeletionPolicy).toBe('Retain');
      expect(resource?.UpdateReplacePolicy).toBe('Retain');
    });

    it('has no hard-coded physical name', () => {
      expect(resource?.Properties?.['TableName']).toBeUndefined();
    });

    it(`has TTL exactly as declared (${definition.ttlAttribute ?? 'none'})`, () => {
      // Prepare
      const expected = definition.ttlAttribute ? { AttributeName: definition.ttlAttribute, Enabled: true } : undefined;
      // Assess
      expect(resource?.Properties?.['TimeToLiveSpecification']).toEqual(expected);
    });
  });

  it('declares a TTL on the idempotency table (the only table with expiring items)', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
      KeySchema: [{ AttributeName: 'idempotency_key', KeyType: 'HASH' }],
      Replicas: Match.anyValue(),
    });
  });
});

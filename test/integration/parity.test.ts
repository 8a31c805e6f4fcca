import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '#shared/routes/index.ts';
import { porticoSynth, resourcesOfType, type CfnResourceJson, type CfnTemplate } from '../infra/helpers/synth.ts';
import { api, localStack } from '../support/local-stack.ts';

/**
 * DESIGN decision 1: what the synthesized template deploys and what the local
 * stack serves and creates are the same routes and the same tables. Both come
 * from shared/; this test reads each side from the artefact itself (the
 * CloudFormation template; the running local stack), not from shared/.
 */

/** `METHOD /path` of every API Gateway method in the template (CORS preflight aside). */
function templateRoutes(template: CfnTemplate): string[] {
  const resources = new Map(resourcesOfType(template, 'AWS::ApiGateway::Resource'));
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources.get(id) : undefined;
    if (!resource) return ''; // the API's root resource
    return `${pathOf(resource.Properties?.['ParentId'])}/${String(resource.Properties?.['PathPart'])}`;
  };
  return resourcesOfType(template, 'AWS::ApiGateway::Method')
    .map(([, method]) => `${String(method.Properties?.['HttpMethod'])} ${pathOf(method.Properties?.['ResourceId']) || '/'}`)
    .filter((route) => !route.startsWith('OPTIONS ') && !route.startsWith('ANY '))
    .sort();
}

interface TableShape {
  keys: string[];
  attributes: string[];
  indexes: string[];
  ttl: string | null;
}

const keyText = (schema: { AttributeName?: string; KeyType?: string }[] = []) => schema.map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');

function templateTableShape(table: CfnResourceJson): TableShape {
  const p = table.Properties ?? {};
  const ttl = p['TimeToLiveSpecification'] as { AttributeName: string; Enabled: boolean } | undefined;
  return {
    keys: [keyText(p['KeySchema'] as never)],
    attributes: (p['AttributeDefinitions'] as { AttributeName: string; AttributeType: string }[]).map((a) => `${a.AttributeName}:${a.AttributeType}`).sort(),
    indexes: ((p['GlobalSecondaryIndexes'] ?? []) as { IndexName: string; KeySchema: never; Projection: { ProjectionType: string } }[])
      .map((i) => `${i.IndexName}(${keyText(i.KeySchema)}) ${i.Projection.ProjectionType}`)
      .sort(),
    ttl: ttl?.Enabled ? ttl.AttributeName : null,
  };
}

describe('the synthesized template and the local stack agree', () => {
  let template: CfnTemplate;
  beforeAll(() => {
    template = porticoSynth().templateJson;
  });

  it('on the routes: the same methods and paths, and the local gateway really serves each', async () => {
    const deployed = templateRoutes(template);

    expect(deployed.length).toBeGreaterThan(20);
    expect([...localStack().routes].sort()).toEqual(deployed);
    for (const route of deployed) {
      const [method, path] = route.split(' ') as [string, string];
      const concrete = path.replace(/\{customer_id\}/g, 'acme-00000000').replace(/\{[a-z_]+\}/g, 'x');
      // Required query parameters present, so the gateway's request validation lets the request reach authorization.
      const required = routeTable.find((r) => r.method === method && r.path === path)?.requiredQuery ?? [];
      const query = required.length > 0 ? `?${required.map((name) => `${name}=x`).join('&')}` : '';
      const response = await api(method, `${concrete}${query}`, {
        ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
      });
      // No token: 401 for a route that exists (or 200 for a public one), 404 for one that does not.
      const isPublic = routeTable.find((r) => r.method === method && r.path === path)?.access.kind === 'public';
      expect({ route, status: response.status }).toEqual({ route, status: isPublic ? 200 : 401 });
    }
  });

  it('on the tables: the same keys, attributes, indexes and TTL in DynamoDB Local', async () => {
    const client = new DynamoDBClient({
      endpoint: localStack().dynamodb_endpoint,
      region: localStack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const deployed = resourcesOfType(template, 'AWS::DynamoDB::GlobalTable');
    const local = Object.entries(localStack().tables);

    expect(deployed).toHaveLength(local.length);
    const deployedShapes = deployed.map(([, table]) => templateTableShape(table)).sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!) || a.attributes.join().localeCompare(b.attributes.join()));
    const localShapes: TableShape[] = [];
    for (const [, physical] of local) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: physical }));
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: physical }));
      localShapes.push({
        keys: [keyText(Table?.KeySchema)],
        attributes: (Table?.AttributeDefinitions ?? []).map((a) => `${a.AttributeName}:${a.AttributeType}`).sort(),
        indexes: (Table?.GlobalSecondaryIndexes ?? []).map((i) => `${i.IndexName}(${keyText(i.KeySchema)}) ${i.Projection?.ProjectionType}`).sort(),
        ttl: ttl.TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED' ? (ttl.TimeToLiveDescription.AttributeName ?? null) : null,
      });
    }
    localShapes.sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!) || a.attributes.join().localeCompare(b.attributes.join()));

    expect(localShapes).toEqual(deployedShapes);
  });
});

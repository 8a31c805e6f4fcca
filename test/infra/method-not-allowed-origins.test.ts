import { describe, expect, it } from 'vitest';
import { resourcesOfType, synthPortico } from './helpers/synth.ts';

/** The 405 mock methods with several CORS origins: the answer must name the caller's origin when it is allowed. */
describe('405 Method Not Allowed with several CORS origins', () => {
  const origins = ['https://portal.example.com', 'https://admin.example.com'];
  const { templateJson } = synthPortico({ 'portico:corsAllowOrigins': origins.join(',') });
  const anyMethods = resourcesOfType(templateJson, 'AWS::ApiGateway::Method').filter(([, m]) => m.Properties?.['HttpMethod'] === 'ANY');

  it.each(anyMethods.map(([id, method]) => [id, method] as const))('%s echoes an allowed Origin and varies on it', (_id, method) => {
    // Prepare
    const [response] = (method.Properties?.['Integration'] as {
      IntegrationResponses: { ResponseParameters: Record<string, string>; ResponseTemplates: Record<string, string> }[];
    }).IntegrationResponses;
    const template = response?.ResponseTemplates['application/json'] ?? '';
    // Act
    const problem = JSON.parse(template.slice(template.indexOf('{"type"'))) as Record<string, unknown>;
    // Assess
    expect(response?.ResponseParameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Origin': `'${origins[0]}'`,
      'method.response.header.Vary': "'Origin'",
    });
    expect(template).toContain(`#if($origin == "${origins[0]}" || $origin == "${origins[1]}")`);
    expect(template).toContain('#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)');
    expect(problem).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('covers every resource with routes', () => {
    expect(anyMethods.length).toBeGreaterThan(10);
  });
});

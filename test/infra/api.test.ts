import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { GATEWAY_RESPONSES } from '#lib/constructs/gateway-responses.ts';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_MAX_AGE_SECONDS } from '#shared/http/cors.ts';
import { GATEWAY_RESPONSE_DETAIL_VARIABLES, GATEWAY_RESPONSES as SHARED_GATEWAY_RESPONSES } from '#shared/http/gateway-responses.ts';
import { PROBLEM_CONTENT_TYPE } from '#shared/http/problem.ts';
import { routeTable } from '#shared/routes/index.ts';
import { logicalIdOf, porticoSynth, resourcesOfType } from './helpers/synth.ts';

describe('REST API', () => {
  const synth = porticoSynth();
  const { stack, template, templateJson } = synth;
  const stageLogicalId = logicalIdOf(stack, stack.api.deploymentStage);
  const stage = templateJson.Resources[stageLogicalId];

  it('logs every request as JSON with the agreed fields to its own log group', () => {
    // Prepare
    const accessLogs = logicalIdOf(stack, stack.apiConstruct.accessLogGroup);
    const setting = stage?.Properties?.['AccessLogSetting'] as { DestinationArn: unknown; Format: string };
    // Act
    const format = JSON.parse(setting.Format) as Record<string, string>;
    // Assess
    expect(setting.DestinationArn).toEqual({ 'Fn::GetAtt': [accessLogs, 'Arn'] });
    expect(Object.keys(format).sort()).toEqual(
      ['requestId', 'ip', 'caller', 'user', 'requestTime', 'httpMethod', 'resourcePath', 'status', 'protocol', 'responseLength'].sort(),
    );
    expect(format['requestId']).toBe('$context.requestId');
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(templateJson.Resources[accessLogs]?.Properties?.['RetentionInDays']).toBe(30);
  });

  it('throttles the stage by default (50 rps, burst 100), traces with X-Ray and logs errors', () => {
    expect(stage?.Properties).toMatchObject({
      TracingEnabled: true,
      MethodSettings: [
        expect.objectContaining({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 1000,
          ThrottlingBurstLimit: 2000,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        }),
      ],
    });
  });

  it('has a request validator that validates request parameters', () => {
    template.resourceCountIs('AWS::ApiGateway::RequestValidator', 1);
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestParameters: true });
  });

  it('answers CORS preflight on every resource with the agreed headers', () => {
    // Prepare
    const resources = resourcesOfType(templateJson, 'AWS::ApiGateway::Resource').length + 1; // + root
    // Act
    const preflights = resourcesOfType(templateJson, 'AWS::ApiGateway::Method').filter(
      ([, method]) => method.Properties?.['HttpMethod'] === 'OPTIONS',
    );
    // Assess
    expect(preflights).toHaveLength(resources);
    for (const [, preflight] of preflights) {
      const integration = preflight.Properties?.['Integration'] as { IntegrationResponses: { ResponseParameters: Record<string, string> }[] };
      const headers = integration.IntegrationResponses[0]?.ResponseParameters ?? {};
      const allowed = (headers['method.response.header.Access-Control-Allow-Headers'] ?? '').replace(/'/g, '').split(',');
      expect(allowed).toEqual([...CORS_ALLOW_HEADERS]);
      expect(headers['method.response.header.Access-Control-Allow-Methods']).toBe(`'${CORS_ALLOW_METHODS.join(',')}'`);
      expect(headers['method.response.header.Access-Control-Max-Age']).toBe(`'${CORS_MAX_AGE_SECONDS}'`);
      expect(headers['method.response.header.Access-Control-Allow-Origin']).toBe("'*'");
      expect(preflight.Properties?.['AuthorizationType']).toBe('NONE');
    }
  });

  describe('gateway responses', () => {
    it('covers the responses the local gateway also produces, and the agreed list', () => {
      const required = [
        'DEFAULT_4XX',
        'DEFAULT_5XX',
        'UNAUTHORIZED',
        'ACCESS_DENIED',
        'BAD_REQUEST_PARAMETERS',
        'BAD_REQUEST_BODY',
        'REQUEST_TOO_LARGE',
        'THROTTLED',
        'MISSING_AUTHENTICATION_TOKEN',
      ];
      const installed = resourcesOfType(templateJson, 'AWS::ApiGateway::GatewayResponse').map(
        ([, response]) => response.Properties?.['ResponseType'],
      );
      expect(installed).toEqual(expect.arrayContaining([...required, ...Object.keys(SHARED_GATEWAY_RESPONSES)]));
      expect(installed).toHaveLength(Object.keys(GATEWAY_RESPONSES).length);
    });

    it.each(Object.entries(GATEWAY_RESPONSES))('%s is an RFC 9457 problem with CORS', (type, problem) => {
      // Prepare
      const [, response] =
        resourcesOfType(templateJson, 'AWS::ApiGateway::GatewayResponse').find(([, r]) => r.Properties?.['ResponseType'] === type) ?? [];
      const templates = response?.Properties?.['ResponseTemplates'] as Record<string, string>;
      // Act
      const body = JSON.parse(templates[PROBLEM_CONTENT_TYPE] ?? '{}') as Record<string, unknown>;
      // Assess
      expect(Object.keys(templates)).toEqual([PROBLEM_CONTENT_TYPE]);
      expect(response?.Properties?.['StatusCode']).toBe(String(problem.status));
      expect(response?.Properties?.['ResponseParameters']).toMatchObject({
        'gatewayresponse.header.Content-Type': `'${PROBLEM_CONTENT_TYPE}'`,
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
      });
      const variables: Record<string, string> = GATEWAY_RESPONSE_DETAIL_VARIABLES;
      expect(body).toEqual({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        detail: variables[type] ?? problem.detail,
        request_id: '$context.requestId',
      });
    });

    it('names the missing request parameters with the validator message', () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'BAD_REQUEST_PARAMETERS',
        StatusCode: '400',
        ResponseTemplates: { [PROBLEM_CONTENT_TYPE]: Match.stringLikeRegexp('"detail":"\\$context\\.error\\.validationErrorString"') },
      });
    });

    it("answers a token the authorizer denies with 401 and the authorizer's reason", () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'ACCESS_DENIED',
        StatusCode: '401',
        ResponseTemplates: { [PROBLEM_CONTENT_TYPE]: Match.stringLikeRegexp('"detail":"\\$context\\.authorizer\\.reason"') },
      });
    });

    it('answers an authorizer that failed (a dependency down) with 503 and Retry-After, as a handler answers a dependency failure', () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'AUTHORIZER_FAILURE',
        StatusCode: '503',
        ResponseParameters: Match.objectLike({ 'gatewayresponse.header.Retry-After': "'5'" }),
        ResponseTemplates: { [PROBLEM_CONTENT_TYPE]: Match.stringLikeRegexp('"title":"Service Unavailable"') },
      });
    });

    it('answers a function that failed or timed out with 502 Bad Gateway', () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'INTEGRATION_FAILURE',
        StatusCode: '502',
        ResponseTemplates: { [PROBLEM_CONTENT_TYPE]: Match.stringLikeRegexp('"title":"Bad Gateway"') },
      });
    });

    it('answers an unknown route with 404 Not Found', () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
        StatusCode: '404',
        ResponseTemplates: { [PROBLEM_CONTENT_TYPE]: Match.stringLikeRegexp('"title":"Not Found"') },
      });
    });
  });

  it('authorizes with the TOKEN authorizer function on the Authorization header, cached 5 minutes', () => {
    // Prepare
    const authorizerFn = logicalIdOf(stack, stack.authorizerFunction.function);
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
      AuthorizerUri: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [authorizerFn, 'Arn'] }])],
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ USER_POOL_ID: Match.anyValue(), USER_POOL_CLIENT_ID: Match.anyValue() }) },
    });
  });

  describe.each(routeTable.map((route) => [route.id, route] as const))('route %s', (id, route) => {
    it(`is ${route.method} ${route.path}, integrated with its own function`, () => {
      // Prepare
      const method = stack.apiConstruct.methods[id];
      const properties = method ? templateJson.Resources[logicalIdOf(stack, method)]?.Properties : undefined;
      const fnLogicalId = logicalIdOf(stack, stack.functions[id]!.function);
      // Assess
      expect(method?.resource.path).toBe(route.path);
      expect(properties?.['HttpMethod']).toBe(route.method);
      expect(properties?.['Integration']).toMatchObject({ Type: 'AWS_PROXY' });
      expect(JSON.stringify(properties?.['Integration'])).toContain(`"${fnLogicalId}"`);
    });

    it(`is authorized as its access rule (${route.access.kind}) says, and requires an API key only if customer-scoped`, () => {
      // Prepare
      const properties = templateJson.Resources[logicalIdOf(stack, stack.apiConstruct.methods[id]!)]?.Properties;
      const authorizer = route.access.kind === 'customer' ? stack.apiConstruct.customerAuthorizer : stack.apiConstruct.authorizer;
      const expected =
        route.access.kind === 'public'
          ? { AuthorizationType: 'NONE', AuthorizerId: undefined, ApiKeyRequired: false }
          : { AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: logicalIdOf(stack, authorizer) }, ApiKeyRequired: route.access.kind === 'customer' };
      // Assess
      expect({
        AuthorizationType: properties?.['AuthorizationType'],
        AuthorizerId: properties?.['AuthorizerId'],
        ApiKeyRequired: properties?.['ApiKeyRequired'] ?? false,
      }).toEqual(expected);
    });

    it(`requires the query parameters ${JSON.stringify(route.requiredQuery ?? [])} through the validator`, () => {
      const properties = templateJson.Resources[logicalIdOf(stack, stack.apiConstruct.methods[id]!)]?.Properties;
      const expected = Object.fromEntries((route.requiredQuery ?? []).map((q) => [`method.request.querystring.${q}`, true]));
      expect(properties?.['RequestParameters'] ?? {}).toEqual(expected);
      expect(properties?.['RequestValidatorId']).toEqual({ Ref: logicalIdOf(stack, stack.apiConstruct.requestValidator) });
    });
  });

  it('puts the authorizer on every method except CORS preflight, the 405 mocks and the routes declared public', () => {
    // Prepare
    const publicMethods = new Set(
      routeTable.filter((route) => route.access.kind === 'public').map((route) => logicalIdOf(stack, stack.apiConstruct.methods[route.id]!)),
    );
    // Act
    const unauthorized = resourcesOfType(templateJson, 'AWS::ApiGateway::Method').filter(
      ([, method]) =>
        !['OPTIONS', 'ANY'].includes(String(method.Properties?.['HttpMethod'])) && method.Properties?.['AuthorizationType'] !== 'CUSTOM',
    );
    // Assess
    expect(unauthorized.map(([id]) => id).sort()).toEqual([...publicMethods].sort());
  });

  describe('405 Method Not Allowed', () => {
    const apiResources = new Map(resourcesOfType(templateJson, 'AWS::ApiGateway::Resource'));
    const pathOf = (ref: unknown): string => {
      const resource = apiResources.get(String((ref as { Ref?: string }).Ref));
      return resource ? `${pathOf(resource.Properties?.['ParentId'])}/${String(resource.Properties?.['PathPart'])}` : '';
    };
    const anyMethods = resourcesOfType(templateJson, 'AWS::ApiGateway::Method').filter(([, m]) => m.Properties?.['HttpMethod'] === 'ANY');
    const routePaths = [...new Set(routeTable.map((route) => route.path))].sort();

    it('has a mock ANY method on every resource that has routes, and on no other', () => {
      expect(anyMethods.map(([, m]) => pathOf(m.Properties?.['ResourceId'])).sort()).toEqual(routePaths);
    });

    it.each(routePaths)('%s answers any other method with 405 problem+json and Allow, without a token', (path) => {
      // Prepare
      const [, method] = anyMethods.find(([, m]) => pathOf(m.Properties?.['ResourceId']) === path) ?? [];
      const integration = method?.Properties?.['Integration'] as {
        Type: string;
        RequestTemplates?: unknown;
        IntegrationResponses: { StatusCode: string; SelectionPattern?: string; ResponseParameters: Record<string, string>; ResponseTemplates: Record<string, string> }[];
      };
      const [response] = integration.IntegrationResponses;
      const served = [...new Set(routeTable.filter((route) => route.path === path).map((route) => route.method as string)), 'OPTIONS'];
      // Act
      const allow = /^'(.*)'$/.exec(response?.ResponseParameters['method.response.header.Allow'] ?? '')?.[1] ?? '';
      const body = JSON.parse(response?.ResponseTemplates['application/json'] ?? '{}') as Record<string, unknown>;
      // Assess
      expect(method?.Properties?.['AuthorizationType']).toBe('NONE');
      expect(integration.Type).toBe('MOCK');
      expect(integration.RequestTemplates).toBeUndefined();
      expect(integration.IntegrationResponses).toHaveLength(1);
      expect(response?.StatusCode).toBe('405');
      expect(response?.SelectionPattern).toBeUndefined();
      expect(allow.split(', ').sort()).toEqual(served.sort());
      expect(response?.ResponseParameters).toMatchObject({
        'method.response.header.Content-Type': `'${PROBLEM_CONTENT_TYPE}'`,
        'method.response.header.Access-Control-Allow-Origin': "'*'",
      });
      expect(body).toEqual({
        type: 'about:blank',
        title: 'Method Not Allowed',
        status: 405,
        detail: `The method $context.httpMethod is not allowed on this path; it serves ${allow}.`,
        request_id: '$context.requestId',
      });
      expect(method?.Properties?.['MethodResponses']).toEqual([
        {
          StatusCode: '405',
          ResponseParameters: Object.fromEntries(
            Object.keys(response?.ResponseParameters ?? {}).map((name) => [name, true]),
          ),
        },
      ]);
    });
  });

  it('requires ?confirm on DELETE /customers/{customer_id}', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'DELETE',
      RequestParameters: { 'method.request.querystring.confirm': true },
      RequestValidatorId: Match.anyValue(),
    });
  });
});

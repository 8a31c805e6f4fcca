import { Duration, Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_MAX_AGE_SECONDS } from '#shared/http/cors.ts';
import { METHOD_NOT_ALLOWED, allowHeader, allowedMethods, methodNotAllowedDetail } from '#shared/http/method-not-allowed.ts';
import { PROBLEM_CONTENT_TYPE } from '#shared/http/problem.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { GATEWAY_RESPONSES, type GatewayResponseType, gatewayProblem } from './gateway-responses.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface ApiProps {
  /** The TOKEN authorizer function (verifies Cognito JWTs). */
  readonly authorizerFunction: PorticoFunction;
  /**
   * The REQUEST authorizer function of customer-scoped routes: verifies the token the
   * same way and names the API key (the customer's rate limit) the request counts against.
   */
  readonly customerAuthorizerFunction: PorticoFunction;
  /** Origins allowed by CORS (`['*']` for any). */
  readonly corsAllowOrigins: readonly string[];
  /** Default stage throttling, requests per second. */
  readonly throttleRateLimit: number;
  /** Default stage throttling, burst. */
  readonly throttleBurstLimit: number;
  /**
   * Retention of the access log group.
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * Whether to set the account-level CloudWatch role API Gateway logging needs.
   * @default true
   */
  readonly cloudWatchRole?: boolean;
  /**
   * Stage name (first path segment of the invoke URL).
   * @default 'v1'
   */
  readonly stageName?: string;
}

/** The `Access-Control-Allow-Origin` value of gateway responses for an origin list. */
export function gatewayResponseAllowOrigin(origins: readonly string[]): string {
  // A single origin (or '*') is a static value; a list is answered by echoing the
  // request's Origin (only API Gateway's own errors: handlers check the list themselves).
  return origins.length === 1 ? `'${origins[0]}'` : 'method.request.header.Origin';
}

/** How long API Gateway reuses an authorizer's answer for the same identity sources. */
export const AUTHORIZER_CACHE_TTL = Duration.minutes(5);

/**
 * The REST API: JSON access logs, execution error logs, X-Ray, default throttling,
 * a request validator, CORS preflight, RFC 9457 gateway responses and the two
 * authorizers. Routes are added by `addRoute`, one per route table entry.
 */
export class Api extends Construct {
  readonly restApi: apigw.RestApi;
  readonly authorizer: apigw.TokenAuthorizer;
  readonly customerAuthorizer: apigw.RequestAuthorizer;
  readonly requestValidator: apigw.RequestValidator;
  readonly accessLogGroup: logs.LogGroup;
  readonly methods: Record<string, apigw.Method> = {};
  /** The mock `ANY` method answering 405 on each resource that has routes, by resource path. */
  readonly methodNotAllowed: Record<string, apigw.Method> = {};
  private readonly routes: RouteDefinition[] = [];
  private readonly corsAllowOrigins: readonly string[];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.corsAllowOrigins = props.corsAllowOrigins;

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: (props.logRetentionDays ?? 30) as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const cloudWatchRole = props.cloudWatchRole ?? true;
    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `${Stack.of(this).stackName}-api`,
      description: 'Portico customer platform API',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // Clients never send API keys: the customer authorizer names the key a request counts
      // against (its usageIdentifierKey), so keys are usage buckets, not credentials.
      apiKeySourceType: apigw.ApiKeySourceType.AUTHORIZER,
      cloudWatchRole,
      cloudWatchRoleRemovalPolicy: cloudWatchRole ? RemovalPolicy.RETAIN : undefined,
      deployOptions: {
        stageName: props.stageName ?? 'v1',
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogGroup),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
        throttlingRateLimit: props.throttleRateLimit,
        throttlingBurstLimit: props.throttleBurstLimit,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [...props.corsAllowOrigins],
        allowHeaders: [...CORS_ALLOW_HEADERS],
        allowMethods: [...CORS_ALLOW_METHODS],
        maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
      },
    });
    if (cloudWatchRole) {
      const role = this.restApi.node.findChild('CloudWatchRole');
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'Account-level role API Gateway assumes to write access and execution logs to any log group of any API in the region; AmazonAPIGatewayPushToCloudWatchLogs is the policy AWS documents for exactly this role.',
      });
    }
    Validations.of(this.restApi.deploymentStage).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'No WAF web ACL: every non-public route requires a verified Cognito token, the stage is throttled (portico:throttleRateLimit / portico:throttleBurstLimit), and public routes only serve static documents; a web ACL adds a fixed monthly cost that this deployment does not carry yet.',
    });

    // Body validation applies to methods with a request model (none yet: handlers validate
    // bodies themselves so local and AWS answer with the same field errors); parameter
    // validation enforces each route's requiredQuery.
    this.requestValidator = this.restApi.addRequestValidator('RequestValidator', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });

    const allowOrigin = gatewayResponseAllowOrigin(props.corsAllowOrigins);
    for (const [type, problem] of Object.entries(GATEWAY_RESPONSES) as [GatewayResponseType, (typeof GATEWAY_RESPONSES)[GatewayResponseType]][]) {
      this.restApi.addGatewayResponse(`GatewayResponse${type}`, {
        type: apigw.ResponseType.of(type),
        statusCode: String(problem.status),
        responseHeaders: {
          'Access-Control-Allow-Origin': allowOrigin,
          'Content-Type': `'${PROBLEM_CONTENT_TYPE}'`,
          ...(allowOrigin.startsWith("'") ? {} : { Vary: "'Origin'" }),
          ...('retryAfterSeconds' in problem ? { 'Retry-After': `'${problem.retryAfterSeconds}'` } : {}),
        },
        templates: { [PROBLEM_CONTENT_TYPE]: JSON.stringify(gatewayProblem(type, '$context.requestId')) },
      });
    }

    this.authorizer = new apigw.TokenAuthorizer(this, 'TokenAuthorizer', {
      handler: props.authorizerFunction.function,
      identitySource: apigw.IdentitySource.header('Authorization'),
      resultsCacheTtl: AUTHORIZER_CACHE_TTL,
    });
    // Its answer depends on the customer: the identity sources (the cache key) must carry
    // the customer id. A REST API REQUEST authorizer takes headers, query strings, stage
    // variables and context variables, not path parameters; `$context.path` holds it.
    this.customerAuthorizer = new apigw.RequestAuthorizer(this, 'CustomerAuthorizer', {
      handler: props.customerAuthorizerFunction.function,
      identitySources: [apigw.IdentitySource.header('Authorization'), apigw.IdentitySource.context('path')],
      resultsCacheTtl: AUTHORIZER_CACHE_TTL,
    });
  }

  /** Adds one route of the route table, integrated with its function. */
  addRoute(route: RouteDefinition, fn: PorticoFunction): apigw.Method {
    const isPublic = route.access.kind === 'public';
    const isCustomerScoped = route.access.kind === 'customer';
    const requestParameters = Object.fromEntries(
      (route.requiredQuery ?? []).map((name) => [`method.request.querystring.${name}`, true]),
    );
    const resource = this.restApi.root.resourceForPath(route.path);
    this.routes.push(route);
    this.methodNotAllowed[route.path] ??= this.addMethodNotAllowed(resource);
    const method = resource.addMethod(route.method, new apigw.LambdaIntegration(fn.function, { allowTestInvoke: false }), {
      operationName: route.id,
      authorizationType: isPublic ? apigw.AuthorizationType.NONE : apigw.AuthorizationType.CUSTOM,
      authorizer: isPublic ? undefined : isCustomerScoped ? this.customerAuthorizer : this.authorizer,
      // The key the customer authorizer names puts the request in a usage plan's throttle.
      apiKeyRequired: isCustomerScoped,
      requestParameters,
      requestValidator: this.requestValidator,
    });
    this.methods[route.id] = method;

    if (isPublic) {
      const reason = `Declared public in the route table (${route.id}: ${route.summary}); it needs no token by design.`;
      Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason }, { id: 'AwsSolutions-COG4', reason });
    } else {
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-COG4',
        reason: `Authorized by the Portico ${isCustomerScoped ? 'REQUEST' : 'TOKEN'} authorizer, which verifies Cognito user-pool JWTs (issuer, audience, signature, expiry) with aws-jwt-verify; a Lambda authorizer is used so the same code runs against the local Cognito emulator.`,
      });
    }
    return method;
  }

  /**
   * A mock `ANY` method answering 405 problem+json with an `Allow` header. API Gateway
   * prefers a resource's explicit methods (the routes, and OPTIONS for the CORS
   * preflight): `ANY` "will catch any HTTP method that wasn't explicitly declared"
   * (API Gateway developer guide, "x-amazon-apigateway-any-method object").
   * No authorizer: the answer reveals nothing but the methods the path serves.
   * The allowed methods are read when the template is synthesized, after every route
   * of the resource has been added.
   */
  private addMethodNotAllowed(resource: apigw.IResource): apigw.Method {
    const path = resource.path;
    const allowed = () => allowedMethods(this.routes, path);
    const problem = Lazy.string({
      produce: () =>
        JSON.stringify({
          type: 'about:blank',
          title: METHOD_NOT_ALLOWED.title,
          status: METHOD_NOT_ALLOWED.status,
          detail: methodNotAllowedDetail('$context.httpMethod', allowed()),
          request_id: '$context.requestId',
        }),
    });
    const headers: Record<string, string> = {
      Allow: Lazy.string({ produce: () => `'${allowHeader(allowed())}'` }),
      'Content-Type': `'${PROBLEM_CONTENT_TYPE}'`,
      'Access-Control-Allow-Origin': `'${this.corsAllowOrigins[0] ?? '*'}'`,
      ...(this.corsAllowOrigins.length > 1 ? { Vary: "'Origin'" } : {}),
    };
    const status = String(METHOD_NOT_ALLOWED.status);
    const method = resource.addMethod(
      'ANY',
      new apigw.MockIntegration({
        // No request template: the mock answers its default integration response whatever
        // the body ("Mock integrations for REST APIs in API Gateway").
        passthroughBehavior: apigw.PassthroughBehavior.WHEN_NO_TEMPLATES,
        integrationResponses: [
          {
            statusCode: status,
            responseParameters: Object.fromEntries(Object.entries(headers).map(([name, value]) => [`method.response.header.${name}`, value])),
            responseTemplates: { 'application/json': `${echoAllowedOrigin(this.corsAllowOrigins)}${problem}` },
          },
        ],
      }),
      {
        operationName: `methodNotAllowed${path}`,
        authorizationType: apigw.AuthorizationType.NONE,
        methodResponses: [
          {
            statusCode: status,
            responseParameters: Object.fromEntries(Object.keys(headers).map((name) => [`method.response.header.${name}`, true])),
          },
        ],
      },
    );
    const reason = `Mock ANY method on ${path} that only answers 405 Method Not Allowed with the methods the path serves; it invokes nothing and reads no data, so it needs no token.`;
    Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason }, { id: 'AwsSolutions-COG4', reason });
    return method;
  }
}

/**
 * With several allowed origins, answers the request's Origin when it is one of them
 * (the VTL CDK's own CORS preflight uses; a static header cannot name the request's origin).
 */
function echoAllowedOrigin(origins: readonly string[]): string {
  if (origins.length < 2) return '';
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "")#set($origin = $input.params().header.get("origin"))#end',
    `#if(${origins.map((o) => `$origin == "${o}"`).join(' || ')})`,
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
    '',
  ].join('\n');
}

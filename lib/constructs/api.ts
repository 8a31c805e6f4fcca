import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { GATEWAY_RESPONSES, type GatewayResponseType, PROBLEM_CONTENT_TYPE, gatewayProblem } from './gateway-responses.ts';
import type { PorticoFunction } from './portico-function.ts';

/** Headers browsers may send on cross-origin API calls. */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key'] as const;
export const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface ApiProps {
  /** The TOKEN authorizer function (verifies Cognito JWTs). */
  readonly authorizerFunction: PorticoFunction;
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

/**
 * The REST API: JSON access logs, execution error logs, X-Ray, default throttling,
 * a request validator, CORS preflight, RFC 9457 gateway responses and the TOKEN
 * authorizer. Routes are added by `addRoute`, one per route table entry.
 */
export class Api extends Construct {
  readonly restApi: apigw.RestApi;
  readonly authorizer: apigw.TokenAuthorizer;
  readonly requestValidator: apigw.RequestValidator;
  readonly accessLogGroup: logs.LogGroup;
  readonly methods: Record<string, apigw.Method> = {};

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: (props.logRetentionDays ?? 30) as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const cloudWatchRole = props.cloudWatchRole ?? true;
    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `${Stack.of(this).stackName}-api`,
      description: 'Portico customer platform API',
      endpointTypes: [apigw.EndpointType.REGIONAL],
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
        maxAge: Duration.hours(1),
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
        },
        templates: { [PROBLEM_CONTENT_TYPE]: JSON.stringify(gatewayProblem(type, '$context.requestId')) },
      });
    }

    this.authorizer = new apigw.TokenAuthorizer(this, 'TokenAuthorizer', {
      handler: props.authorizerFunction.function,
      identitySource: apigw.IdentitySource.header('Authorization'),
      resultsCacheTtl: Duration.minutes(5),
    });
  }

  /** Adds one route of the route table, integrated with its function. */
  addRoute(route: RouteDefinition, fn: PorticoFunction): apigw.Method {
    const isPublic = route.access.kind === 'public';
    const requestParameters = Object.fromEntries(
      (route.requiredQuery ?? []).map((name) => [`method.request.querystring.${name}`, true]),
    );
    const resource = this.restApi.root.resourceForPath(route.path);
    const method = resource.addMethod(route.method, new apigw.LambdaIntegration(fn.function, { allowTestInvoke: false }), {
      operationName: route.id,
      authorizationType: isPublic ? apigw.AuthorizationType.NONE : apigw.AuthorizationType.CUSTOM,
      authorizer: isPublic ? undefined : this.authorizer,
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
        reason:
          'Authorized by the Portico TOKEN authorizer, which verifies Cognito user-pool JWTs (issuer, audience, signature, expiry) with aws-jwt-verify; a Lambda authorizer is used so the same code runs against the local Cognito emulator.',
      });
    }
    return method;
  }
}

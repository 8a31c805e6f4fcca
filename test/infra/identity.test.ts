import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { describe, expect, it } from 'vitest';
import { Identity } from '#lib/constructs/identity.ts';
import { PLATFORM_GROUPS } from '#shared/identity/groups.ts';
import { clientsWritingCustomAttributes, customWriteAttributeProblem } from '#lib/rules/cognito-client-attributes.ts';
import { porticoSynth, resourcesOfType } from './helpers/synth.ts';

describe('Cognito user pool', () => {
  const synth = porticoSynth();

  it('signs in with a case-insensitive email, admins create users, recovery by email only', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('requires 12-character passwords with upper, lower, digit and symbol', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('offers TOTP MFA only, OPTIONAL by default', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('declares custom:customer_id as a mutable string attribute', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([{ AttributeDataType: 'String', Mutable: true, Name: 'customer_id' }]),
    });
  });

  it('is deletion-protected and retained', () => {
    synth.template.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('has one public app client: no secret, SRP and password auth, 1 h tokens, 30 d refresh', () => {
    synth.template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: Duration.hours(1).toMinutes(),
      AccessTokenValidity: Duration.hours(1).toMinutes(),
      RefreshTokenValidity: Duration.days(30).toMinutes(),
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      ReadAttributes: Match.arrayWith(['custom:customer_id', 'email']),
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });

  it('lets no app client write a custom attribute', () => {
    // Act
    const problems = clientsWritingCustomAttributes(synth.templateJson);
    // Assess
    expect(problems).toEqual([]);
    for (const [, client] of resourcesOfType(synth.templateJson, 'AWS::Cognito::UserPoolClient')) {
      const write = client.Properties?.['WriteAttributes'] as string[];
      expect(write.length).toBeGreaterThan(0);
      expect(write.filter((a) => a.startsWith('custom:'))).toEqual([]);
    }
  });

  it('creates the platform-admin and platform-service groups', () => {
    expect(Object.values(PLATFORM_GROUPS).map((g) => g.name)).toEqual(['platform-admin', 'platform-service']);
    for (const group of Object.values(PLATFORM_GROUPS)) {
      synth.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group.name, Precedence: group.precedence });
    }
  });
});

describe('the custom-attribute write rule', () => {
  it('accepts standard attributes only', () => {
    expect(customWriteAttributeProblem(['name', 'given_name'])).toBeUndefined();
  });

  it('refuses a client that may write custom:customer_id', () => {
    expect(customWriteAttributeProblem(['name', 'custom:customer_id'])).toMatch(/custom:customer_id/);
  });

  it('refuses a client without explicit write attributes (Cognito would allow them all)', () => {
    expect(customWriteAttributeProblem(undefined)).toMatch(/no explicit WriteAttributes/);
  });

  it('finds the offending client in a template', () => {
    // Prepare
    const template = {
      Resources: {
        Good: { Type: 'AWS::Cognito::UserPoolClient', Properties: { WriteAttributes: ['name'] } },
        Bad: { Type: 'AWS::Cognito::UserPoolClient', Properties: { WriteAttributes: ['custom:customer_id'] } },
        Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
      },
    };
    // Act
    const problems = clientsWritingCustomAttributes(template);
    // Assess
    expect(problems).toEqual(['Bad lets users write custom:customer_id']);
  });

  it('fails synthesis when a client of the platform pool could write a custom attribute', () => {
    // Prepare
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'RuleProbe');
    const identity = new Identity(stack, 'Identity');
    identity.userPool.addClient('Leaky', {
      writeAttributes: new cognito.ClientAttributes().withCustomAttributes('customer_id'),
    });
    // Act / Assess
    expect(() => app.synth()).toThrow(/Leaky\/Resource lets users write custom:customer_id/);
  });
});

import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { PLATFORM_GROUPS } from '#shared/identity/groups.ts';
import type { MfaMode } from '../config.ts';
import { customWriteAttributeProblem } from '../rules/cognito-client-attributes.ts';


/** The custom attribute an administrator sets on a user (the user's default customer). */
export const CUSTOMER_ID_ATTRIBUTE = 'customer_id';

export interface IdentityProps {
  /**
   * MFA mode (TOTP only).
   * @default 'OPTIONAL'
   */
  readonly mfa?: MfaMode;
  /**
   * Deletion protection of the user pool.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

const MFA: Record<MfaMode, cognito.Mfa> = {
  OFF: cognito.Mfa.OFF,
  OPTIONAL: cognito.Mfa.OPTIONAL,
  REQUIRED: cognito.Mfa.REQUIRED,
};

/**
 * The platform user pool: email is the (case-insensitive) username, only
 * administrators create users, strong passwords, TOTP MFA, recovery by email,
 * and one public app client for the portal.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly groups: Readonly<Record<keyof typeof PLATFORM_GROUPS, cognito.UserPoolGroup>>;

  constructor(scope: Construct, id: string, props: IdentityProps = {}) {
    super(scope, id);
    const mfa = props.mfa ?? 'OPTIONAL';

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [CUSTOMER_ID_ATTRIBUTE]: new cognito.StringAttribute({ mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: MFA[mfa],
      mfaSecondFactor: mfa === 'OFF' ? undefined : { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.userPoolClient = this.userPool.addClient('PortalClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, givenName: true, familyName: true, locale: true })
        .withCustomAttributes(CUSTOMER_ID_ATTRIBUTE),
      // No custom attribute here, ever: custom:customer_id is set by administrators only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({
        fullname: true,
        givenName: true,
        familyName: true,
        locale: true,
      }),
    });

    this.groups = {
      admin: this.userPool.addGroup('PlatformAdminGroup', {
        groupName: PLATFORM_GROUPS.admin.name,
        description: PLATFORM_GROUPS.admin.description,
        precedence: PLATFORM_GROUPS.admin.precedence,
      }),
      service: this.userPool.addGroup('PlatformServiceGroup', {
        groupName: PLATFORM_GROUPS.service.name,
        description: PLATFORM_GROUPS.service.description,
        precedence: PLATFORM_GROUPS.service.precedence,
      }),
    };

    // Enforced at synth, not only in tests: no client of this pool may write a custom attribute.
    this.node.addValidation({
      validate: () =>
        this.node
          .findAll()
          .filter((c): c is cognito.CfnUserPoolClient => c instanceof cognito.CfnUserPoolClient)
          .flatMap((client) => {
            const problem = customWriteAttributeProblem(client.writeAttributes);
            return problem ? [`App client ${client.node.path} ${problem}`] : [];
          }),
    });

    if (mfa !== 'REQUIRED') {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: `MFA is ${mfa} by the portico:mfa context of this deployment (TOTP for whoever enrols); set portico:mfa=REQUIRED to enforce it for every user.`,
      });
    }
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection needs the Cognito Plus feature plan, billed per monthly active user; accounts are created by administrators only (no self sign-up) and passwords follow a 12-character policy with optional TOTP, so the risk it addresses is lower here.',
    });
  }
}

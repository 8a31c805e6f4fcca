import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender.js';
import { MessagesService, type Message, type Messages } from 'cognito-local/lib/services/messages.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/index.js';
import type { User, UserPool } from 'cognito-local/lib/services/userPoolService.js';
import { writeMail, type Mail, type MailKind } from './mail-files.ts';

type MessageSource = Parameters<Messages['deliver']>[1];

/** The parts of a user pool that word its messages. */
type PoolTemplates = Pick<
  UserPool,
  'AdminCreateUserConfig' | 'VerificationMessageTemplate' | 'EmailVerificationSubject' | 'EmailVerificationMessage' | 'SmsVerificationMessage' | 'SmsAuthenticationMessage'
>;

interface Template {
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

const KIND_OF_SOURCE: Record<MessageSource, MailKind> = {
  AdminCreateUser: 'invitation',
  SignUp: 'verification-code',
  ResendCode: 'verification-code',
  UpdateUserAttribute: 'verification-code',
  VerifyUserAttribute: 'verification-code',
  ForgotPassword: 'password-reset-code',
  Authentication: 'sign-in-code',
};

/** Cognito's own wording when the user pool sets no template of its own. */
const DEFAULT_TEMPLATES: Record<MailKind, Template> = {
  invitation: {
    subject: 'Your temporary password',
    email: 'Your username is {username} and temporary password is {####}.',
    sms: 'Your username is {username} and temporary password is {####}.',
  },
  'verification-code': {
    subject: 'Your verification code',
    email: 'Your verification code is {####}.',
    sms: 'Your verification code is {####}.',
  },
  'password-reset-code': {
    subject: 'Your verification code',
    email: 'Your verification code is {####}.',
    sms: 'Your verification code is {####}.',
  },
  'sign-in-code': {
    subject: 'Your authentication code',
    email: 'Your authentication code is {####}.',
    sms: 'Your authentication code is {####}.',
  },
};

/** The pool's templates for this kind of message, falling back to Cognito's defaults. */
export function templateFor(kind: MailKind, pool: PoolTemplates): Template {
  const fallback = DEFAULT_TEMPLATES[kind];
  if (kind === 'invitation') {
    const invite = pool.AdminCreateUserConfig?.InviteMessageTemplate;
    return { subject: invite?.EmailSubject ?? fallback.subject, email: invite?.EmailMessage ?? fallback.email, sms: invite?.SMSMessage ?? fallback.sms };
  }
  if (kind === 'sign-in-code') return { ...fallback, sms: pool.SmsAuthenticationMessage ?? fallback.sms };
  const verification = pool.VerificationMessageTemplate;
  return {
    subject: verification?.EmailSubject ?? pool.EmailVerificationSubject ?? fallback.subject,
    email: verification?.EmailMessage ?? pool.EmailVerificationMessage ?? fallback.email,
    sms: verification?.SmsMessage ?? pool.SmsVerificationMessage ?? fallback.sms,
  };
}

/**
 * The message as the user receives it: the text a CustomMessage trigger
 * returned, or the pool's template with `{username}` and `{####}` filled in.
 */
export function composeMail(
  source: MessageSource,
  pool: PoolTemplates,
  user: Pick<User, 'Username'>,
  to: string,
  medium: Mail['medium'],
  message: Message,
): Mail {
  const kind = KIND_OF_SOURCE[source];
  const code = message.__code ?? '';
  const template = templateFor(kind, pool);
  const fill = (text: string) => text.replaceAll('{username}', user.Username).replaceAll('{####}', code);
  if (medium === 'SMS') return { to, medium, kind, code, body: message.smsMessage ?? fill(template.sms) };
  return { to, medium, kind, code, subject: message.emailSubject ?? fill(template.subject), body: message.emailMessage ?? fill(template.email) };
}

/** cognito-local's MessageSender, writing each message to a file in `mailDir`. */
class MailFileSender implements MessageSender {
  constructor(
    private readonly mailDir: string,
    private readonly source: MessageSource,
    private readonly pool: UserPool,
  ) {}

  async sendEmail(_ctx: Context, user: User, destination: string, message: Message): Promise<void> {
    writeMail(this.mailDir, composeMail(this.source, this.pool, user, destination, 'EMAIL', message));
  }

  async sendSms(_ctx: Context, user: User, destination: string, message: Message): Promise<void> {
    writeMail(this.mailDir, composeMail(this.source, this.pool, user, destination, 'SMS', message));
  }
}

/**
 * cognito-local's own MessagesService (triggers included), with delivery to
 * files. The sender is made per message because cognito-local's senders are
 * not told what the message is for, and the file name says it.
 */
export class MailedMessages implements Messages {
  constructor(
    private readonly triggers: Triggers,
    private readonly cognito: CognitoService,
    private readonly mailDir: string,
  ) {}

  async deliver(...args: Parameters<Messages['deliver']>): Promise<void> {
    const [ctx, source, , userPoolId] = args;
    const pool = await this.cognito.getUserPool(ctx, userPoolId);
    const sender = new MailFileSender(this.mailDir, source, pool.options);
    await new MessagesService(this.triggers, new MessageDeliveryService(sender)).deliver(...args);
  }
}

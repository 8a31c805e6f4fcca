import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeMail } from '#local/emulators/cognito-mail.ts';
import { writeMail, type Mail } from '#local/emulators/mail-files.ts';

const AT = new Date('2026-03-04T05:06:07.089Z');
const invitation: Mail = {
  to: 'ada@acme.com',
  medium: 'EMAIL',
  kind: 'invitation',
  subject: 'Your temporary password',
  body: 'Your username is 1c7527bc and temporary password is Xy12ab.',
  code: 'Xy12ab',
};

describe('writeMail', () => {
  it('writes one owner-only file per message, named by recipient, time and kind, in an owner-only folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'portico-mail-')), 'mail');

    const path = writeMail(dir, invitation, AT);

    expect(path).toBe(join(dir, 'ada@acme.com--2026-03-04T05-06-07.089Z--invitation.txt'));
    expect(readFileSync(path, 'utf8')).toBe(
      'To: ada@acme.com\nDate: 2026-03-04T05:06:07.089Z\nSubject: Your temporary password\nKind: invitation\nTemporary-Password: Xy12ab\n\n' +
        'Your username is 1c7527bc and temporary password is Xy12ab.\n',
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('keeps two messages to one recipient in the same millisecond apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-mail-'));

    writeMail(dir, invitation, AT);
    writeMail(dir, { ...invitation, code: 'Other1' }, AT);

    expect(readdirSync(dir).sort()).toEqual([
      'ada@acme.com--2026-03-04T05-06-07.089Z--invitation-2.txt',
      'ada@acme.com--2026-03-04T05-06-07.089Z--invitation.txt',
    ]);
  });

  it('keeps a recipient that is not a plain file name inside the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-mail-'));

    const path = writeMail(dir, { ...invitation, to: '../x/y@acme.com' }, AT);

    expect(path.startsWith(`${dir}/`)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.._x_y@acme.com--2026-03-04T05-06-07.089Z--invitation.txt']);
  });
});

describe('composeMail (the message as Cognito would send it)', () => {
  const user = { Username: '1c7527bc' };

  it("words an invitation as Cognito does by default, with the username and temporary password", () => {
    expect(composeMail('AdminCreateUser', {}, user, 'ada@acme.com', 'EMAIL', { __code: 'Xy12ab' })).toEqual(invitation);
  });

  it("uses the pool's own templates", () => {
    const pool = {
      AdminCreateUserConfig: { InviteMessageTemplate: { EmailSubject: 'Welcome to Portico', EmailMessage: 'Hello {username}, your password is {####}' } },
      VerificationMessageTemplate: { EmailSubject: 'Verify', EmailMessage: 'Code: {####}' },
    };

    expect(composeMail('AdminCreateUser', pool, user, 'ada@acme.com', 'EMAIL', { __code: 'Xy12ab' })).toMatchObject({
      subject: 'Welcome to Portico',
      body: 'Hello 1c7527bc, your password is Xy12ab',
    });
    expect(composeMail('ForgotPassword', pool, user, 'ada@acme.com', 'EMAIL', { __code: '123456' })).toEqual({
      to: 'ada@acme.com',
      medium: 'EMAIL',
      kind: 'password-reset-code',
      subject: 'Verify',
      body: 'Code: 123456',
      code: '123456',
    });
  });

  it('sends what a CustomMessage trigger wrote, and SMS without a subject', () => {
    const custom = { __code: '654321', emailSubject: 'From the trigger', emailMessage: 'Trigger says 654321', smsMessage: 'SMS 654321' };

    expect(composeMail('SignUp', {}, user, 'ada@acme.com', 'EMAIL', custom)).toMatchObject({ subject: 'From the trigger', body: 'Trigger says 654321' });
    expect(composeMail('SignUp', {}, user, '+15550100', 'SMS', custom)).toEqual({
      to: '+15550100',
      medium: 'SMS',
      kind: 'verification-code',
      body: 'SMS 654321',
      code: '654321',
    });
  });
});

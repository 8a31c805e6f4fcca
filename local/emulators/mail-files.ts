import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from './private-files.ts';

export type MailKind = 'invitation' | 'verification-code' | 'password-reset-code' | 'sign-in-code';

/** One message as its recipient receives it. */
export interface Mail {
  /** The email address or phone number it went to. */
  readonly to: string;
  readonly medium: 'EMAIL' | 'SMS';
  readonly kind: MailKind;
  readonly subject?: string;
  readonly body: string;
  /** The temporary password (invitations) or code the message carries. */
  readonly code: string;
}

/** `<recipient>--<time>--<kind>.txt`: sorted by recipient, then by time. */
export function mailFileName(mail: Mail, at: Date): string {
  const recipient = mail.to.replace(/[^A-Za-z0-9@._+-]/g, '_');
  // ISO 8601 without colons, which some file systems refuse.
  const time = at.toISOString().replace(/:/g, '-');
  return `${recipient}--${time}--${mail.kind}.txt`;
}

export function formatMail(mail: Mail, at: Date): string {
  const headers = [
    `To: ${mail.to}`,
    `Date: ${at.toISOString()}`,
    ...(mail.subject !== undefined ? [`Subject: ${mail.subject}`] : []),
    `Kind: ${mail.kind}`,
    `${mail.kind === 'invitation' ? 'Temporary-Password' : 'Code'}: ${mail.code}`,
  ];
  return `${headers.join('\n')}\n\n${mail.body}\n`;
}

/**
 * Delivers `mail` as a new file in `dir` and returns its path. Messages carry
 * temporary passwords and codes: the folder is 0700 and each file 0600.
 */
export function writeMail(dir: string, mail: Mail, at = new Date()): string {
  makePrivateDir(dir);
  const name = mailFileName(mail, at);
  for (let copy = 1; ; copy++) {
    const path = join(dir, copy === 1 ? name : name.replace(/\.txt$/, `-${copy}.txt`));
    try {
      writeFileSync(path, formatMail(mail, at), { mode: 0o600, flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

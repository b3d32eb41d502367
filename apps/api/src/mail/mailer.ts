/**
 * Mail out through SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Without SMTP_URL mail is
 * off: `enabled` is false and callers fall back to what HR hands out (invitation letters). Sending
 * happens after the write's transaction has committed, never inside it.
 */
import nodemailer from 'nodemailer';
import type { Env } from '../env.ts';
import type { MailMessage } from './templates.ts';

export type Mailer = {
  enabled: boolean;
  send: (to: string, message: MailMessage) => Promise<void>;
  close: () => void;
};

export function createMailer(env: Pick<Env, 'smtpUrl' | 'mailFrom'>): Mailer {
  if (!env.smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error('mail is off (no SMTP_URL)');
      },
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport(env.smtpUrl);
  return {
    enabled: true,
    async send(to, message) {
      await transport.sendMail({
        from: env.mailFrom,
        to,
        subject: message.subject,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
      });
    },
    close: () => transport.close(),
  };
}

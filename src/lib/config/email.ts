import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { emailSettings } from '../../domain/config/emailSettings'

/**
 * Payload's official nodemailer adapter when SMTP_URL is set; otherwise none, and the studio's
 * notices go to the server log (src/services/notifications) and it offers no password reset.
 */
export function emailAdapter(env: Record<string, string | undefined> = process.env) {
  const settings = emailSettings({
    smtpUrl: env.SMTP_URL,
    emailFrom: env.EMAIL_FROM,
    serverUrl: env.SERVER_URL,
  })
  if (!settings) return undefined
  return nodemailerAdapter({
    defaultFromAddress: settings.fromAddress,
    defaultFromName: settings.fromName,
    transport: nodemailer.createTransport(settings.smtpUrl),
    // A mail server that is down at start-up must not stop the studio: the outbox waits for it.
    skipVerify: true,
  }) as EmailAdapter | Promise<EmailAdapter>
}

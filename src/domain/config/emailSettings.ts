/** How the studio sends email, read from SMTP_URL and EMAIL_FROM. */
export interface EmailSettings {
  /** smtp:// or smtps://, with user and password if the server wants them. */
  smtpUrl: string
  fromAddress: string
  fromName: string
}

/**
 * The email settings, or null when SMTP_URL is not set (emails then go to the server log). A
 * malformed value stops start-up with a reason, rather than the first email failing unseen.
 */
export function emailSettings(env: {
  smtpUrl?: string
  emailFrom?: string
  serverUrl?: string
}): EmailSettings | null {
  const raw = env.smtpUrl?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error('SMTP_URL is not a URL: use smtp://user:password@host:587 or smtps://host:465.')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//.`)
  if (!url.hostname) throw new Error('SMTP_URL names no host.')
  const fromAddress = env.emailFrom?.trim() || `cdm-studio@${hostOf(env.serverUrl)}`
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(fromAddress))
    throw new Error(
      `EMAIL_FROM must be a plain address such as studio@example.org, not "${fromAddress}".`,
    )
  return { smtpUrl: url.toString(), fromAddress, fromName: 'CDM Studio' }
}

function hostOf(serverUrl: string | undefined): string {
  try {
    return serverUrl ? new URL(serverUrl).hostname : 'localhost'
  } catch {
    return 'localhost'
  }
}

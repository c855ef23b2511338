import { createHmac } from 'node:crypto'

/**
 * What a sign-in attempt is about, without the email: an HMAC of the email as Payload matches it
 * (trimmed, lower-case), keyed from PAYLOAD_SECRET. Throttles and audit entries for the same
 * email share it, whether or not the account exists; without the secret it cannot be turned
 * back into an email, nor checked against a list of guesses, as a plain hash could.
 */
export function signInSubjectKey(email: string, secret: string): string {
  const key = createHmac('sha256', secret).update('cdm-studio sign-in subject v1').digest()
  return createHmac('sha256', key).update(normaliseSignInEmail(email)).digest('hex').slice(0, 32)
}

/** The email as Payload's login looks it up (payload/dist/auth/operations/login.js). */
export function normaliseSignInEmail(email: string): string {
  return email.toLowerCase().trim()
}

/**
 * What a new password must be (OWASP ASVS 4.0 level 2, V2.1): long enough, not absurdly long,
 * and not one of the passwords attackers try first. No composition rules: they make passwords
 * harder to remember without making them harder to guess.
 */

export const MIN_PASSWORD_LENGTH = 12
/** ASVS 2.1.2 allows at least 64 characters and refuses more than 128. */
export const MAX_PASSWORD_LENGTH = 128

export interface PasswordPolicyInput {
  password: string
  /** Lower-case common passwords (see src/lib/auth/commonPasswords.ts). */
  commonPasswords: ReadonlySet<string>
}

/** Why the password is refused, in words for the person choosing it; null when it is fine. */
export function passwordProblem({ password, commonPasswords }: PasswordPolicyInput): string | null {
  // Characters as people count them: an emoji or an accented letter is one, not two.
  const length = [...password.normalize('NFC')].length
  if (length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}). A few unrelated words make a long password that is easy to remember.`
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `The password is too long: use at most ${MAX_PASSWORD_LENGTH} characters (this one has ${length}).`
  }
  if (commonPasswords.has(password.toLowerCase())) {
    return 'The password is on a list of commonly used passwords that attackers try first: choose one that is not.'
  }
  return null
}

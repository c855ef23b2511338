import { dictionary } from '@zxcvbn-ts/language-common'

let common: ReadonlySet<string> | undefined

/**
 * zxcvbn-ts's list of ~49,000 common passwords (from leaked password sets), lower-cased. It is
 * part of the installed package, so the check needs no network.
 */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()))
  return common
}

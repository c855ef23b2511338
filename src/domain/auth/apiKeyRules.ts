/**
 * Delivery-app keys are stored only as a keyed sha256 (Payload's `apiKeyIndex`), which is
 * safe because a key is random enough that nobody can search for it: the admin's Generate
 * button makes a random UUID (122 random bits). A key typed into the API must at least be long
 * enough to carry that much; what a person might choose as a password could be guessed from
 * the index, and a slow hash would not fit a lookup by index anyway.
 */
export const MIN_API_KEY_LENGTH = 32
export const MAX_API_KEY_LENGTH = 256

/** Null when `key` can be a delivery-app key; otherwise why not. */
export function checkApiKey(key: string): string | null {
  if (key.length < MIN_API_KEY_LENGTH) {
    return `An API key must be at least ${MIN_API_KEY_LENGTH} characters (this one has ${key.length}): use the admin's "Generate new API key" button, or a random UUID.`
  }
  if (key.length > MAX_API_KEY_LENGTH) {
    return `An API key must be at most ${MAX_API_KEY_LENGTH} characters (this one has ${key.length}).`
  }
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return 'An API key may contain only visible ASCII characters: no spaces, line breaks or control characters (it travels in an HTTP header).'
  }
  return null
}

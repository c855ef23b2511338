import type { PayloadRequest } from 'payload'

import type { Checked } from '../domain/http/bodyFields'
import { jsonError } from '../lib/http/jsonError'

/**
 * A custom endpoint's JSON body, checked by `check` (a pure reader from src/domain/http/):
 * the value, or the 400 to answer. An empty body reaches the check as undefined; text that is
 * not JSON is refused here (the request guard refuses it earlier when it says it is JSON).
 */
export async function readJsonBody<T>(
  req: PayloadRequest,
  check: (body: unknown) => Checked<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const text = (await req.text?.().catch(() => '')) ?? ''
  let body: unknown
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      return { ok: false, response: jsonError(400, 'The request body is not valid JSON.') }
    }
  }
  const checked = check(body)
  return checked.ok ? checked : { ok: false, response: jsonError(400, checked.message) }
}

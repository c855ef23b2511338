/** Errors in Payload's own shape, so API clients handle ours and Payload's the same way. */
export const jsonError = (status: number, message: string, data?: unknown): Response =>
  Response.json({ errors: [{ message, ...(data === undefined ? {} : { data }) }] }, { status })

/** A service's refusal (src/services/refusal.ts) as the HTTP answer. */
export const refusalResponse = (refusal: {
  status: number
  message: string
  data?: unknown
}): Response => jsonError(refusal.status, refusal.message, refusal.data)

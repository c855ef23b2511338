/**
 * Why a use case did not happen, in words for the person who asked, with the HTTP status the
 * edge answers with. Services return it; endpoints turn it into a response and nothing else.
 */
export interface Refusal {
  ok: false
  status: 400 | 401 | 403 | 404 | 409 | 413 | 503
  message: string
  /** Details a client may show, e.g. the preflight problems. */
  data?: unknown
}

export const refuse = (status: Refusal['status'], message: string, data?: unknown): Refusal => ({
  ok: false,
  status,
  message,
  ...(data === undefined ? {} : { data }),
})

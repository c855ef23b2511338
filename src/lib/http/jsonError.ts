/** Errors in Payload's own shape, so API clients handle ours and Payload's the same way. */
export const jsonError = (status: number, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * A JSON (or multipart form) request to the studio's API from the admin, with the signed-in
 * user's cookie. A refusal becomes an Error carrying the server's messages, for the panel to show.
 */
export async function requestJson<T>(
  url: string,
  options: { method?: string; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    credentials: 'include',
    ...(options.form
      ? { body: options.form }
      : options.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(options.body) }),
  })
  const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
  if (!response.ok)
    throw new Error(
      body.errors?.map((e) => e.message).join(' ') || `Request failed (${response.status}).`,
    )
  return body as T
}

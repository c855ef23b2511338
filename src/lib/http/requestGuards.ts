/**
 * Checks that run on a raw request before Payload parses its body or query: size limits,
 * permission before an upload is read, and the like. Each guard either answers (a Response
 * that ends the request), hands on a replacement Request (e.g. one whose body it has already
 * read and checked), or returns undefined to let the next one look.
 */
export type RequestGuard = (
  request: Request,
) => Promise<Response | Request | undefined> | Response | Request | undefined

export type RouteHandler = (request: Request, context: never) => Promise<Response> | Response

export function withRequestGuards<H extends RouteHandler>(
  handler: H,
  guards: readonly RequestGuard[],
): H {
  const guarded = async (incoming: Request, context: never) => {
    let request = incoming
    for (const guard of guards) {
      const answer = await guard(request)
      if (answer instanceof Response) return answer
      if (answer) request = answer
    }
    return handler(request, context)
  }
  return guarded as H
}

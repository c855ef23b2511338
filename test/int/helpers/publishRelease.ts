import { expect } from 'vitest'

import type { ReleasableToolkit } from './releasableToolkit'
import { requestAs, type Studio } from './studio'

/**
 * Creates and publishes a release of the toolkit over REST as the publisher, runs its build,
 * and returns its id once it is published.
 */
export async function publishRelease(
  studio: Studio,
  publisherToken: string,
  made: ReleasableToolkit,
  version: string,
): Promise<number> {
  const api = (method: string, url: string, body?: unknown) =>
    requestAs(studio.server.url, publisherToken, method, url, body)
  const created = await api('POST', '/api/releases', {
    toolkit: made.toolkit.id,
    version,
    audiences: [made.audience.id],
    locales: ['en-GB'],
    accents: [made.accent.id],
  })
  expect(created.status).toBe(201)
  const id = ((await created.json()) as { doc: { id: number } }).doc.id
  expect((await api('POST', `/api/releases/${id}/publish`)).status).toBe(202)
  await studio.payload.jobs.run({ queue: 'releases', limit: 5 })
  expect((await studio.payload.findByID({ collection: 'releases', id })).status).toBe('published')
  return id
}

export const withdrawRelease = (
  studio: Studio,
  publisherToken: string,
  id: number,
  reason: string,
) =>
  requestAs(studio.server.url, publisherToken, 'POST', `/api/releases/${id}/withdraw`, { reason })

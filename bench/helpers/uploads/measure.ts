import { performance } from 'node:perf_hooks'
import { expect } from 'vitest'

import { streamedUpload, type UploadAnswer } from '../streamedUpload'
import type { UploadCase } from './cases'
import { UPLOADER } from './server'

export interface Memory {
  rss: number
  heapUsed: number
  arrayBuffers: number
}

export interface UploadRow {
  name: string
  expected: number
  answer: UploadAnswer
  ms: number
  /** Peak over the request minus the value just before it. */
  delta: Memory
  /** What a GC after the answer leaves, minus the value just before the request. */
  retained: Memory
}

/** The uploader's Authorization header, from a sign-in that must succeed. */
export async function signIn(url: string): Promise<string> {
  const login = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(UPLOADER),
  })
  expect(login.status).toBe(200)
  return `JWT ${((await login.json()) as { token: string }).token}`
}

/** One upload in a fresh measuring window of the server's memory. */
export async function measureUpload(
  url: string,
  authorization: string,
  upload: UploadCase,
): Promise<UploadRow> {
  await fetch(`${url}/__memory/reset`)
  const began = performance.now()
  const answer = await streamedUpload({
    url: `${url}/api/${upload.collection}`,
    authorization: upload.signedIn ? authorization : undefined,
    fileName: upload.fileName,
    mimeType: upload.mimeType,
    file: upload.file,
  })
  const elapsed = performance.now() - began
  const { start, peak, after } = (await (await fetch(`${url}/__memory`)).json()) as {
    start: Memory
    peak: Memory
    after: Memory
  }
  return {
    name: upload.name,
    expected: upload.status,
    answer,
    ms: elapsed,
    delta: minus(peak, start),
    retained: minus(after, start),
  }
}

const minus = (a: Memory, b: Memory): Memory => ({
  rss: a.rss - b.rss,
  heapUsed: a.heapUsed - b.heapUsed,
  arrayBuffers: a.arrayBuffers - b.arrayBuffers,
})

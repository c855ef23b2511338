// `npm run bench:uploads`: what an upload costs the server's memory, small and huge side by side
// in one run. The server is the studio's REST API in its own process (bench/helpers/
// uploadServer.ts, request bodies streamed as under Next); the client streams each file from a
// generator, with chunked encoding so the server cannot learn the size up front, and never holds
// more than 1 MiB of it. For each upload the server reports the peak of RSS, V8 heap and
// ArrayBuffer memory over the request, sampled every 10 ms, against its value just before
// (after a GC), and what is still held after a GC once it is answered. BENCH_UPLOAD_MIB
// (default 1024) sets the huge size.
//
// Targets: the file goes to disk and only its first bytes are read, so nothing of it stays
// (under BENCH_UPLOAD_KEPT_MIB, default 2, more ArrayBuffer and heap memory after a GC than
// before), and the peaks do not grow with the file: within BENCH_UPLOAD_SLACK_MIB (default 64)
// of the small upload's. The peaks are not zero because socket chunks already written to disk
// wait for V8's next collection, which runs once external memory has grown by some tens of MiB
// (measured here: 25-55 MiB, the same for 64 MiB as for 1 GiB). Before, the upload check read
// the whole file with fs.readFile: a 1 GiB upload raised RSS by 1 GiB.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, expect, it } from 'vitest'

import { payloadNodeOptions } from '../scripts/payload-cli.mjs'
import { bytes, seconds, table } from './helpers/format'
import { paddedMp4, sizedBody, streamedUpload, type UploadAnswer } from './helpers/streamedUpload'

const MiB = 1024 * 1024
const HUGE = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * MiB
const SLACK = Number(process.env.BENCH_UPLOAD_SLACK_MIB ?? 64) * MiB
const KEPT = Number(process.env.BENCH_UPLOAD_KEPT_MIB ?? 2) * MiB
const MEDIUM = 64 * MiB
const ANIMATION_LIMIT = 1024 * MiB
const EMAIL = 'uploader@bench.example'
const PASSWORD = 'bench-uploader-password'
const clip = new Uint8Array(fs.readFileSync(path.resolve('seed/fixtures/media/animation-1.mp4')))
const vttHead = new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n\n')

interface Memory {
  rss: number
  heapUsed: number
  arrayBuffers: number
}

let child: ChildProcess | undefined
afterAll(() => {
  child?.kill('SIGKILL')
})

/**
 * Starts the server process, with payloadNodeOptions() like every process that loads the config
 * (on Node 20 it would otherwise sometimes exit silently while importing it; see
 * scripts/payload-cli.mjs). An exit before "READY" fails the benchmark.
 */
async function startServer(): Promise<string> {
  const env = { ...process.env, BENCH_UPLOADER_EMAIL: EMAIL, BENCH_UPLOADER_PASSWORD: PASSWORD }
  const started = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.resolve('bench/helpers/uploadServer.ts')],
    {
      env: { ...env, NODE_OPTIONS: payloadNodeOptions(env) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  child = started
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('upload server never started')), 120_000)
    let out = ''
    started.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const ready = /READY (\d+)/.exec(out)
      if (ready) {
        clearTimeout(timer)
        resolve(ready[1])
      }
    })
    started.on('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`upload server exited (${signal ?? code}) before READY:\n${out}`))
    })
  })
  return `http://127.0.0.1:${port}`
}

it('should hold the server memory flat however large the upload', async () => {
  const url = await startServer()
  const login = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  expect(login.status).toBe(200)
  const authorization = `JWT ${((await login.json()) as { token: string }).token}`

  const cases: {
    name: string
    collection: string
    fileName: string
    mimeType: string
    size: number
    file: () => AsyncIterable<Uint8Array>
    signedIn: boolean
    status: number
  }[] = [
    {
      name: 'small animation, accepted',
      collection: 'animations',
      fileName: 'small.mp4',
      mimeType: 'video/mp4',
      size: clip.length,
      file: async function* () {
        yield clip
      },
      signedIn: true,
      status: 201,
    },
    {
      name: 'huge animation, anonymous',
      collection: 'animations',
      fileName: 'anonymous.mp4',
      mimeType: 'video/mp4',
      size: Math.min(HUGE, ANIMATION_LIMIT) - MiB,
      file: () => sizedBody(Math.min(HUGE, ANIMATION_LIMIT) - MiB, clip),
      signedIn: false,
      status: 401,
    },
    {
      name: `caption file of ${bytes(MEDIUM)}, refused by size`,
      collection: 'captions',
      fileName: 'medium.vtt',
      mimeType: 'text/vtt',
      size: MEDIUM,
      file: () => sizedBody(MEDIUM, vttHead),
      signedIn: true,
      status: 400,
    },
    {
      name: 'huge caption file, refused by size',
      collection: 'captions',
      fileName: 'huge.vtt',
      mimeType: 'text/vtt',
      // Under the parser's limit (the largest collection's), so the upload check refuses it.
      size: Math.min(HUGE, ANIMATION_LIMIT) - MiB,
      file: () => sizedBody(Math.min(HUGE, ANIMATION_LIMIT) - MiB, vttHead),
      signedIn: true,
      status: 400,
    },
    {
      name: 'huge animation, accepted',
      collection: 'animations',
      fileName: 'huge.mp4',
      mimeType: 'video/mp4',
      size: Math.min(HUGE, ANIMATION_LIMIT) - MiB,
      file: paddedMp4(clip, Math.min(HUGE, ANIMATION_LIMIT) - MiB),
      signedIn: true,
      status: 201,
    },
    {
      name: 'animation past the limit, refused while streaming',
      collection: 'animations',
      fileName: 'too-big.mp4',
      mimeType: 'video/mp4',
      size: ANIMATION_LIMIT + 64 * MiB,
      file: () => sizedBody(ANIMATION_LIMIT + 64 * MiB, clip),
      signedIn: true,
      status: 413,
    },
  ]

  const rows: {
    name: string
    expected: number
    answer: UploadAnswer
    ms: number
    delta: Memory
    retained: Memory
  }[] = []
  for (const c of cases) {
    await fetch(`${url}/__memory/reset`)
    const began = performance.now()
    const answer = await streamedUpload({
      url: `${url}/api/${c.collection}`,
      authorization: c.signedIn ? authorization : undefined,
      fileName: c.fileName,
      mimeType: c.mimeType,
      file: c.file,
    })
    const elapsed = performance.now() - began
    const { start, peak, after } = (await (await fetch(`${url}/__memory`)).json()) as {
      start: Memory
      peak: Memory
      after: Memory
    }
    const minus = (a: Memory, b: Memory): Memory => ({
      rss: a.rss - b.rss,
      heapUsed: a.heapUsed - b.heapUsed,
      arrayBuffers: a.arrayBuffers - b.arrayBuffers,
    })
    rows.push({
      name: c.name,
      expected: c.status,
      answer,
      ms: elapsed,
      delta: minus(peak, start),
      retained: minus(after, start),
    })
  }

  console.log(
    `\nUpload memory of the server process: peak over the request minus the value before it, and what a GC afterwards leaves (negative shown as 0):\n${table(
      [
        [
          'upload',
          'status',
          'file sent',
          'time',
          'peak RSS',
          'peak heap',
          'peak ArrayBuf',
          'kept ArrayBuf',
          'kept heap',
        ],
        ...rows.map((r) => [
          r.name,
          String(r.answer.status),
          bytes(r.answer.sent),
          seconds(r.ms),
          bytes(Math.max(0, r.delta.rss)),
          bytes(Math.max(0, r.delta.heapUsed)),
          bytes(Math.max(0, r.delta.arrayBuffers)),
          bytes(Math.max(0, r.retained.arrayBuffers)),
          bytes(Math.max(0, r.retained.heapUsed)),
        ]),
      ],
    )}\n`,
  )

  for (const row of rows) {
    expect(row.answer.status, `${row.name}: ${row.answer.body.slice(0, 300)}`).toBe(row.expected)
  }
  const small = rows[0].delta
  for (const row of rows.slice(1)) {
    expect(row.delta.rss, `${row.name}: peak RSS`).toBeLessThanOrEqual(
      Math.max(small.rss, 0) + SLACK,
    )
    expect(row.delta.arrayBuffers, `${row.name}: peak ArrayBuffers`).toBeLessThanOrEqual(
      Math.max(small.arrayBuffers, 0) + SLACK,
    )
    expect(row.retained.arrayBuffers, `${row.name}: ArrayBuffers kept`).toBeLessThan(KEPT)
    expect(row.retained.heapUsed, `${row.name}: heap kept`).toBeLessThan(KEPT)
  }
  // The anonymous client was answered before its file was read: it sent almost nothing.
  expect(rows[1].answer.sent).toBeLessThan(64 * MiB)
})

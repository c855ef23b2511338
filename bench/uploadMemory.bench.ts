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
import type { ChildProcess } from 'node:child_process'
import { afterAll, it } from 'vitest'

import { uploadCases } from './helpers/uploads/cases'
import { measureUpload, signIn, type UploadRow } from './helpers/uploads/measure'
import { uploadMemoryReport } from './helpers/uploads/report'
import { spawnUploadServer, uploadServerUrl } from './helpers/uploads/server'
import { expectFlatMemory, expectStatuses } from './helpers/uploads/targets'

let server: ChildProcess | undefined
afterAll(() => {
  server?.kill('SIGKILL')
})

it('should hold the server memory flat however large the upload', async () => {
  server = spawnUploadServer()
  const url = await uploadServerUrl(server)
  const authorization = await signIn(url)
  const rows: UploadRow[] = []
  for (const upload of uploadCases()) rows.push(await measureUpload(url, authorization, upload))
  console.log(uploadMemoryReport(rows))
  expectStatuses(rows)
  expectFlatMemory(rows)
})

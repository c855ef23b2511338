// A media worker in its own process, for the kill tests: it runs one queued media job with the
// studio's real task (heartbeat included) and prints every progress write of the clip
// ("STEP 35"). With PAUSE_AT it stops at a point of the job, prints "PAUSED" and waits for the
// test to kill its process group: "render" at the first progress write of the renditions (the
// encoder is still running), "before-hls" once renditions, voices and offline files are done
// and HLS has not started, "before-status" just before the clip's final status is written.
// "READY" says the config loaded (see studioProcess.ts for why that can fail on Node 20).
import { getPayload } from 'payload'

import config from '../../../payload.config'

type Processing = { status?: string; progress?: number | null }

const pauseAt = process.env.PAUSE_AT ?? ''
const say = (line: string) => process.stdout.write(`${line}\n`)

const payload = await getPayload({ config })
say('READY')

const reached: Record<string, (p: Processing) => boolean> = {
  render: (p) => p.status === 'processing' && (p.progress ?? 0) > 0 && (p.progress ?? 0) < 50,
  'before-hls': (p) => p.status === 'processing' && p.progress === 85,
  'before-status': (p) => p.status === 'ready',
}
const update = payload.update.bind(payload) as (args: unknown) => Promise<unknown>
payload.update = (async (args: { collection: string; data?: { processing?: Processing } }) => {
  const processing = args.data?.processing
  if (args.collection === 'clips' && processing) {
    say(`STEP ${processing.status} ${processing.progress ?? ''}`)
    if (reached[pauseAt]?.(processing)) {
      say('PAUSED')
      await new Promise<never>(() => setInterval(() => undefined, 60_000))
    }
  }
  return update(args)
}) as typeof payload.update

await payload.jobs.run({ queue: 'media', limit: 1 })
say('DONE')
process.exit(0)

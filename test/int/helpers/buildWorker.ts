// A release worker in its own process, for the kill-mid-build test: it runs the queued build
// and prints every progress write ("STEP assets:3") and the status flip. With PAUSE_AT set
// (a step such as "assets:1", or "before-publish" / "after-publish") it stops there, prints
// "PAUSED", and waits for the test to kill it with SIGKILL. "READY" says the config loaded.
import { getPayload } from 'payload'

import config from '../../../payload.config'

const pauseAt = process.env.PAUSE_AT ?? ''
const say = (line: string) => process.stdout.write(`${line}\n`)
const pause = () => {
  say('PAUSED')
  setInterval(() => undefined, 60_000)
  return new Promise<never>(() => undefined)
}

const payload = await getPayload({ config })
say('READY')
const updateOne = payload.db.updateOne.bind(payload.db)
payload.db.updateOne = async (args) => {
  const data = args.data as { build?: { phase: string; done: number }; status?: string }
  if (args.collection !== 'releases') return updateOne(args)
  if (data.status === 'published') {
    if (pauseAt === 'before-publish') await pause()
    const result = await updateOne(args)
    say('PUBLISHED')
    if (pauseAt === 'after-publish') await pause()
    return result
  }
  const result = await updateOne(args)
  if (data.build && !data.status) {
    const step = `${data.build.phase}:${data.build.done}`
    say(`STEP ${step}`)
    if (step === pauseAt) await pause()
  }
  return result
}

await payload.jobs.run({ queue: 'releases', limit: 1 })
say('DONE')
process.exit(0)

// `npm run delivery:sync -- --url https://studio.example.org --key <apiKey> --toolkit <slug>
//   --audience <slug> --locale en-GB --out ./offline (--pin <base64 public key> ... |
//   --trust-on-first-use)`
// Keeps an offline copy of a toolkit's latest release in sync, the way a delivery app would:
// verifies the manifest's signature against pinned keys, downloads only missing or damaged
// files (resuming interrupted ones), checks every file's sha256, switches to the new manifest
// only once everything is in place, and never rolls back to an older or withdrawn release.
// Plain JavaScript on the built client (src/delivery-client/dist), so it runs without a build.
import path from 'node:path'
import { parseArgs } from 'node:util'

import {
  DeliveryError,
  createDeliveryClient,
  defaultStateFile,
  trustKeys,
  trustedKeysFor,
} from '../src/delivery-client/dist/index.mjs'

const USAGE = `Usage: npm run delivery:sync -- --url <studio URL> --key <API key> --toolkit <slug>
         --audience <slug> --locale <BCP 47> --out <folder>
         [--pin <public key> ... | --trust-on-first-use] [--state <file>]

  --url        The studio over https, e.g. https://studio.example.org (plain http only for
               localhost and loopback addresses, e.g. http://localhost:3000)
  --key        The delivery app's API key (or set CDM_DELIVERY_API_KEY, which keeps it out of
               the process list and shell history)
  --toolkit    Toolkit slug
  --audience   Audience slug
  --locale     Locale, e.g. en-GB
  --out        Folder for manifest.json, manifest.sig.json and assets/
  --pin        Base64 Ed25519 public key trusted to sign manifests; repeat for several.
  --trust-on-first-use
               With no --pin and no keys remembered for this studio: trust the keys the
               server lists now, remember them in the state file, and use only those later.
  --state      The file remembering trusted keys and the newest release installed (so an
               older or withdrawn one is refused); default <out>.cdm-state.json, beside the
               folder, never inside it.`

/** Exit codes: 0 synced, 1 the sync failed, 2 the command line was wrong. */
async function main() {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        toolkit: { type: 'string' },
        audience: { type: 'string' },
        locale: { type: 'string' },
        out: { type: 'string' },
        pin: { type: 'string', multiple: true },
        'trust-on-first-use': { type: 'boolean' },
        state: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const apiKey = values.key ?? process.env.CDM_DELIVERY_API_KEY
  const missing = ['url', 'toolkit', 'audience', 'locale', 'out'].filter((name) => !values[name])
  if (!apiKey) missing.push('key')
  if (missing.length > 0) return usageError(`Missing ${missing.map((m) => `--${m}`).join(', ')}.`)

  const outDir = path.resolve(values.out)
  const stateFile = path.resolve(values.state ?? defaultStateFile(outDir))
  let client
  try {
    client = createDeliveryClient({ baseUrl: values.url, apiKey })
  } catch (error) {
    if (error instanceof DeliveryError) return usageError(error.message)
    throw error
  }
  const origin = new URL(client.baseUrl).origin
  let pinnedKeys = values.pin ?? (await trustedKeysFor(stateFile, origin)) ?? []
  if (pinnedKeys.length === 0 && !values['trust-on-first-use']) {
    return usageError(
      `No signing key is pinned for ${origin}. Pass --pin <public key> (check it with the studio: Releases lists the key ids, GET /api/delivery/keys the keys), or --trust-on-first-use to trust the keys the server lists now and remember them in ${stateFile}.`,
    )
  }
  console.log(
    `Syncing toolkit ${values.toolkit} (audience ${values.audience}, locale ${values.locale}) from ${client.baseUrl} into ${outDir}`,
  )
  if (pinnedKeys.length === 0) {
    // Fetched once, here, because the operator asked to trust on first use; from now on these
    // keys are the pins. The client itself never trusts keys it fetches during a sync.
    const keys = await client.keys()
    if (keys.length === 0) throw new DeliveryError('bad-response', 'The server lists no keys.')
    await trustKeys(stateFile, origin, keys)
    warnTrustOnFirstUse(keys, stateFile)
    pinnedKeys = keys
  }

  const progress = progressPrinter()
  const result = await client.syncRelease({
    toolkit: values.toolkit,
    audience: values.audience,
    locale: values.locale,
    outDir,
    stateFile,
    pinnedKeys,
    onProgress: progress.update,
  })
  progress.done()

  console.log(
    `Release ${result.version} is ready in ${outDir}: ${count(result.downloaded.length, 'asset')} downloaded (${formatBytes(result.bytesDownloaded)}), ${result.reused.length} already present, ${result.removed.length} removed.`,
  )
  return 0
}

/** @param {{ keyId: string, publicKey: string }[]} keys @param {string} stateFile */
function warnTrustOnFirstUse(keys, stateFile) {
  const bar = '!'.repeat(78)
  const lines = [
    bar,
    '!! WARNING: --trust-on-first-use: the signing keys the server lists right now are',
    '!! trusted. Anyone able to tamper with this first connection could substitute their own.',
    `!! They are remembered in ${stateFile} and used from now on.`,
    '!! Check these key ids with the studio:',
    ...keys.map((k) => `!!   key ${k.keyId}:  --pin ${k.publicKey}`),
    bar,
  ]
  console.error(lines.join('\n'))
}

/**
 * One updating line on a terminal; elsewhere (CI logs, files) a line per phase and at most one
 * every few seconds, so logs stay readable.
 */
function progressPrinter() {
  const tty = Boolean(process.stdout.isTTY)
  let lastPhase = ''
  let lastPrint = 0
  let lastLine = ''
  /** @param {import('../src/delivery-client/dist/index.mjs').SyncProgress} p */
  const line = (p) => {
    if (p.phase === 'manifest') return 'Checking the latest release and its signature…'
    const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100
    const label = p.phase === 'finalise' ? 'Finalising' : 'Assets'
    return `${label}: ${p.assetsDone}/${p.assetsTotal} files, ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)} (${percent}%)`
  }
  return {
    /** @param {import('../src/delivery-client/dist/index.mjs').SyncProgress} p */
    update(p) {
      const now = Date.now()
      const text = line(p)
      if (text === lastLine) return
      if (tty) {
        if (p.phase === lastPhase && now - lastPrint < 100) return
        process.stdout.write(`\r\x1b[2K${text}`)
      } else {
        if (p.phase === lastPhase && now - lastPrint < 5000) return
        console.log(text)
      }
      lastLine = text
      lastPhase = p.phase
      lastPrint = now
    },
    done() {
      if (tty && lastLine) process.stdout.write('\r\x1b[2K')
    },
  }
}

/** @param {number} n @param {string} noun */
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** @param {number} bytes */
function formatBytes(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** @param {string} message */
function usageError(message) {
  console.error(`${message}\n\n${USAGE}`)
  return 2
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    if (process.stdout.isTTY) process.stdout.write('\n')
    if (error instanceof DeliveryError) {
      console.error(`delivery:sync failed [${error.code}]: ${error.message}`)
      if (error.code === 'unknown-key') {
        console.error('The manifest was not signed by a pinned key; nothing was changed.')
      }
    } else {
      console.error('delivery:sync failed:', error)
    }
    process.exitCode = 1
  },
)

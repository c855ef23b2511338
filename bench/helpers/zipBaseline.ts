import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

/** One offline bundle as the release build writes it: manifest, signature, assets by sha256. */
export interface BaselineBundle {
  name: string
  manifest: Uint8Array
  signature: string
  assets: string[]
}

export interface BaselineRun {
  sha256sumMs: number
  zipMs: number
  /** `cp` of every distinct asset into a fresh folder, as the build fills its asset store. */
  copyMs: number
  zipBytes: Record<string, number>
}

function run(command: string, args: string[], cwd?: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  if (result.status !== 0)
    throw new Error(`${command} exited with ${result.status}: ${result.stderr.slice(-2000)}`)
  return result.stdout
}

/**
 * The same bytes as a release build, done with the system tools: `sha256sum` of every distinct
 * asset once, then `zip -0` (stored, as the build stores media) of each bundle with the build's
 * layout (`manifest.json`, `manifest.sig.json`, `assets/<sha256>`, where the build adds each
 * file's extension: a few bytes more per entry). Staging folders of symlinks
 * are made beforehand and not timed; zip follows the links and stores the files' bytes.
 */
export function prepareZipBaseline(input: {
  dir: string
  fileFor: (sha256: string) => string
  bundles: BaselineBundle[]
}) {
  const distinct = [...new Set(input.bundles.flatMap((b) => b.assets))].sort()
  const files = distinct.map(input.fileFor)
  for (const bundle of input.bundles) {
    const stage = path.join(input.dir, 'stage', bundle.name)
    fs.mkdirSync(path.join(stage, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(stage, 'manifest.json'), bundle.manifest)
    fs.writeFileSync(path.join(stage, 'manifest.sig.json'), bundle.signature)
    for (const sha of bundle.assets)
      fs.symlinkSync(input.fileFor(sha), path.join(stage, 'assets', sha))
  }
  const zipOf = (name: string) => path.join(input.dir, `${name}.bundle.zip`)
  const copyDir = path.join(input.dir, 'store-copy')

  const once = (): BaselineRun => {
    for (const bundle of input.bundles) fs.rmSync(zipOf(bundle.name), { force: true })
    fs.rmSync(copyDir, { recursive: true, force: true })
    fs.mkdirSync(copyDir)

    let started = performance.now()
    const sums = run('sha256sum', files)
    const sha256sumMs = performance.now() - started
    // The store names each file by its sha256, so every line must repeat its own file's name.
    const wrong = sums
      .trim()
      .split('\n')
      .filter((line) => {
        const [sum, file] = line.split(/\s+\*?/)
        return path.basename(file) !== sum
      })
    if (wrong.length) throw new Error(`sha256sum disagrees with the asset store: ${wrong[0]}`)

    started = performance.now()
    for (const bundle of input.bundles) {
      const stage = path.join(input.dir, 'stage', bundle.name)
      run(
        'zip',
        [
          '-0',
          '-X',
          '-q',
          '-r',
          zipOf(bundle.name),
          'manifest.json',
          'manifest.sig.json',
          'assets',
        ],
        stage,
      )
    }
    const zipMs = performance.now() - started

    started = performance.now()
    run('cp', ['-t', copyDir, ...files])
    const copyMs = performance.now() - started

    const zipBytes = Object.fromEntries(
      input.bundles.map((b) => [b.name, fs.statSync(zipOf(b.name)).size]),
    )
    return { sha256sumMs, zipMs, copyMs, zipBytes }
  }

  return { distinctAssets: distinct.length, files, once }
}

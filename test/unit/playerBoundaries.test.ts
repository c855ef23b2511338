import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The player is a reference for app teams: it may use the delivery client's browser entry,
 * React, Next and hls.js, and nothing of the studio itself (Payload, collections, services).
 */
const ROOTS = ['src/player', 'src/app/(player)']
const ALLOWED = [/^react$/, /^next(\/|$)/, /^hls\.js$/, /^\.\.?\//]

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

describe('the player’s imports', () => {
  it('should reach the studio only through the delivery client’s browser entry', () => {
    const wrong: string[] = []
    for (const file of ROOTS.flatMap((root) => sources(path.resolve(root)))) {
      const text = fs.readFileSync(file, 'utf8')
      for (const [, specifier] of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        if (!ALLOWED.some((pattern) => pattern.test(specifier))) {
          wrong.push(`${path.relative(process.cwd(), file)}: ${specifier}`)
          continue
        }
        if (!specifier.startsWith('.')) continue
        const target = path.resolve(path.dirname(file), specifier)
        const inside =
          ROOTS.some((root) => target.startsWith(path.resolve(root))) ||
          target === path.resolve('src/delivery-client/browser')
        if (!inside) wrong.push(`${path.relative(process.cwd(), file)}: ${specifier}`)
      }
    }
    expect(wrong).toEqual([])
  })
})

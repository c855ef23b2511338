import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/**
 * The serious and critical axe-core violations on the page, or inside `selector` only (the
 * studio's own views within Payload's admin), each as "rule (impact): targets". axe is
 * evaluated into the page, so the page's CSP does not apply to it.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document | string) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[]
          }>
        }
      }
    ).axe
    return (await axe.run(within ?? document)).violations
  }, selector)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`)
}

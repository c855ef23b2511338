import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** One element axe-core finds a serious or critical violation on. */
export interface AxeFinding {
  rule: string
  impact: string
  /** axe's CSS selector for the element, as it reports it. */
  target: string
  /** Indexes into the `selectors` given to `seriousFindings` that the element matches. */
  matches: number[]
}

/**
 * The serious and critical axe-core findings on the whole page, one per element, each with the
 * given CSS selectors it matches (so a test can tell a known case from a new one by what the
 * element is, not by axe's generated selector). axe is evaluated into the page, so the page's
 * CSP does not apply to it.
 */
export async function seriousFindings(page: Page, selectors: string[] = []): Promise<AxeFinding[]> {
  return runAxe(page, undefined, selectors)
}

/**
 * The serious and critical axe-core violations on the page, or inside `selector` only (the
 * studio's own views within Payload's admin), each as "rule (impact): targets".
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  const findings = await runAxe(page, selector, [])
  const byRule = new Map<string, string[]>()
  for (const f of findings) {
    const key = `${f.rule} (${f.impact})`
    byRule.set(key, [...(byRule.get(key) ?? []), f.target])
  }
  return [...byRule].map(([rule, targets]) => `${rule}: ${targets.join(' ')}`)
}

async function runAxe(
  page: Page,
  within: string | undefined,
  selectors: string[],
): Promise<AxeFinding[]> {
  await page.evaluate(axeSource)
  return page.evaluate(
    async ({ within, selectors }) => {
      type Result = {
        violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
      }
      const axe = (window as unknown as { axe: { run: (c: Document | string) => Promise<Result> } })
        .axe
      const { violations } = await axe.run(within ?? document)
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) =>
          v.nodes.map((node) => {
            // A target with more than one part reaches into a shadow root or frame: no match.
            const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null
            return {
              rule: v.id,
              impact: v.impact!,
              target: JSON.stringify(node.target),
              matches: selectors.flatMap((s, i) => (element?.matches(s) ? [i] : [])),
            }
          }),
        )
    },
    { within, selectors },
  )
}

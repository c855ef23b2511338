import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { format, stringsFor } from '../../src/player/strings'
import { cy } from '../../src/player/strings/cy'
import { en } from '../../src/player/strings/en'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the player’s strings', () => {
  it('should have the same keys in English and Welsh', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort())
  })

  it('should fill the same placeholders in both languages, and leave none empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(cy[key].trim(), key).not.toBe('')
      expect(placeholders(cy[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('should show Welsh for cy and English for any other locale', () => {
    expect(stringsFor('cy').next).toBe('Nesaf')
    expect(stringsFor('en-GB').next).toBe('Next')
    expect(stringsFor('fr').next).toBe('Next')
  })

  it('should fill placeholders and leave unknown ones as written', () => {
    expect(format('Step {step} of {total}', { step: 2, total: 5 })).toBe('Step 2 of 5')
    expect(format('{missing} here')).toBe('{missing} here')
  })

  it('should use every string, and show no text in components except through them', () => {
    const dir = path.resolve('src/player/components')
    const sources = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.tsx') || name.endsWith('.ts'))
      .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
      .join('\n')
    const unused = Object.keys(en).filter((key) => !sources.includes(`'${key}'`))
    expect(unused).toEqual([])
    // JSX text between tags: only expressions ({…}), punctuation and spaces may stand there.
    const literalText = [...sources.matchAll(/>([^<>{}]*[A-Za-z]{2,}[^<>{}]*)</g)]
      .map((m) => m[1].trim())
      .filter((text) => text && !/^[\s=>&|?:()!.,'"\w]*=>/.test(text) && !/[;=]/.test(text))
    expect(literalText).toEqual([])
  })
})

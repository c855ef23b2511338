import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer rules of eslint.config.mjs, run on code that breaks them: a rule that silently
// stopped matching (a renamed folder, a changed plugin) would fail here, not in review.
const eslint = new ESLint()

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

// The first lint loads the whole config and its plugins: seconds on a busy machine.
describe('the import boundaries between layers', { timeout: 120_000 }, () => {
  it('should keep I/O, Payload and the layers above out of src/domain', async () => {
    const found = await problems(
      'src/domain/scripts/boundaryProbe.ts',
      "import fs from 'node:fs'\n\nimport { recordAudit } from '../../services/audit/recordAudit'\nexport const probe = [fs, recordAudit]\n",
    )
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-imports: 'node:fs'/),
      expect.stringMatching(/^import\/no-restricted-paths: .*src\/domain is pure rules/),
    ])
  })

  it('should keep src/lib from importing jobs or collections', async () => {
    const found = await problems(
      'src/lib/releases/boundaryProbe.ts',
      "import { RELEASE_QUEUE } from '../../jobs/queues'\nexport const probe = RELEASE_QUEUE\n",
    )
    expect(found).toEqual([expect.stringMatching(/src\/lib holds I\/O adapters/)])
  })

  it("should keep a collection out of another collection's folder", async () => {
    const found = await problems(
      'src/collections/Clips/boundaryProbe.ts',
      "import { Scripts } from '../Scripts'\nexport const probe = Scripts\n",
    )
    expect(found).toEqual([expect.stringMatching(/A collection does not reach into another/)])
  })

  it('should want imports sorted: packages first, then the project, each alphabetical', async () => {
    const found = await problems(
      'src/lib/releases/orderProbe.ts',
      "import path from 'node:path'\n\nimport { z } from './z'\nimport { a } from './a'\nexport const probe = [z, path, a]\n",
    )
    expect(found).toEqual(['import/order: `./a` import should occur before import of `./z`'])
  })

  it('should let a collection use its own folder and the services', async () => {
    const found = await problems(
      'src/collections/Clips/boundaryProbe.ts',
      "import { confirmMediaEndpoint } from './endpoints/confirmMedia'\nimport { recordingSourceHash } from '../../services/review/lineage'\nexport const probe = [confirmMediaEndpoint, recordingSourceHash]\n",
    )
    expect(found).toEqual([])
  })
})

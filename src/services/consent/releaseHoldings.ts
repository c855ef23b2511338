import type { PayloadRequest } from 'payload'

import { consentOf } from './consentOf'
import { consentDate, withdrawnHoldings } from '../../domain/consent/consentRules'
import { idText } from '../../domain/refs'
import type { Release } from '../../payload-types'

export interface ReleaseHoldings {
  /** The pseudonyms the release credits. */
  credits: string[]
  /** Work the release holds by people who have since withdrawn consent to it. */
  withdrawn: {
    pseudonym: string
    words: { on: string; scripts: string[] } | null
    voice: { on: string; clips: string[] } | null
  }[]
}

/**
 * What a published release holds of co-producers' work that they have since withdrawn, by
 * pseudonym, with the scripts' and clips' titles. The release itself never changes; the panel
 * shows this so a publisher can decide to withdraw it and release again.
 */
export async function releaseHoldings(
  req: PayloadRequest,
  release: Release,
): Promise<ReleaseHoldings> {
  const people = release.contributions?.people ?? []
  const consents = await consentOf(
    req,
    people.map((p) => p.userId),
  )
  const holdings = withdrawnHoldings(people, consents)
  const titles = async (collection: 'scripts' | 'clips', ids: string[]) => {
    if (ids.length === 0) return []
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: ids } },
      select: { title: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return docs.map((d) => d.title ?? idText(d.id)).sort()
  }
  return {
    credits: release.contributions?.credits ?? [],
    withdrawn: await Promise.all(
      holdings.map(async (h) => ({
        pseudonym: h.pseudonym,
        words: h.words
          ? { on: consentDate(h.words.at), scripts: await titles('scripts', h.words.scripts) }
          : null,
        voice: h.voice
          ? { on: consentDate(h.voice.at), clips: await titles('clips', h.voice.clips) }
          : null,
      })),
    ),
  }
}

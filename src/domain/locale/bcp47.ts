export type Bcp47Result = { ok: true; tag: string } | { ok: false; message: string }

// RFC 5646 "langtag" and private-use forms. The grammar also allows 4-letter (reserved) and
// 5–8-letter primary subtags, but the registry has none, and "english" typed into the tag field
// is a mistake to catch. Grandfathered tags are rejected too: each has a modern replacement.
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3})'
const SCRIPT = '(?:-[a-z]{4})?'
const REGION = '(?:-(?:[a-z]{2}|[0-9]{3}))?'
const VARIANTS = '((?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)'
const EXTENSIONS = '((?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)'
const PRIVATE_USE = '(?:-x(?:-[a-z0-9]{1,8})+)?'
const LANGTAG = new RegExp(`^${LANGUAGE}${SCRIPT}${REGION}${VARIANTS}${EXTENSIONS}${PRIVATE_USE}$`)
const PRIVATE_ONLY = /^x(?:-[a-z0-9]{1,8})+$/

/** Validates a BCP 47 language tag and returns it in canonical case (en-GB-x-geordie). */
export function validateBcp47Tag(input: string): Bcp47Result {
  const tag = input.trim()
  if (tag === '')
    return { ok: false, message: 'A BCP 47 language tag is required, e.g. en-GB-x-geordie.' }
  if (/[_\s]/.test(tag)) {
    return {
      ok: false,
      message: `"${tag}" is not a BCP 47 tag: separate subtags with "-", e.g. en-GB.`,
    }
  }
  const lower = tag.toLowerCase()
  if (!PRIVATE_ONLY.test(lower)) {
    const match = LANGTAG.exec(lower)
    if (!match) {
      return {
        ok: false,
        message: `"${tag}" is not a valid BCP 47 tag (language[-Script][-REGION][-variant][-x-private]); e.g. en-GB-x-geordie. Private-use subtags are 1–8 letters or digits.`,
      }
    }
    const repeated = firstRepeat(splitSubtags(match[1])) ?? firstRepeat(singletons(match[2]))
    if (repeated) return { ok: false, message: `"${tag}" repeats the subtag "${repeated}".` }
  }
  return { ok: true, tag: canonicalCase(lower) }
}

function splitSubtags(part: string | undefined): string[] {
  return (part ?? '').split('-').filter(Boolean)
}

function singletons(extensions: string | undefined): string[] {
  return splitSubtags(extensions).filter((subtag) => subtag.length === 1)
}

function firstRepeat(values: string[]): string | undefined {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) return value
    seen.add(value)
  }
  return undefined
}

function canonicalCase(lower: string): string {
  const subtags = lower.split('-')
  let inPrivateOrExtension = false
  return subtags
    .map((subtag, index) => {
      if (index === 0) {
        inPrivateOrExtension = subtag === 'x'
        return subtag
      }
      if (subtag.length === 1) inPrivateOrExtension = true
      if (inPrivateOrExtension) return subtag
      if (subtag.length === 2) return subtag.toUpperCase()
      if (subtag.length === 4 && /^[a-z]+$/.test(subtag)) {
        return subtag[0].toUpperCase() + subtag.slice(1)
      }
      return subtag
    })
    .join('-')
}

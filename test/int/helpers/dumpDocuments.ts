import type { CollectionSlug, Payload } from 'payload'

/** Every document and every stored version, by collection, as the studio returns them. */
export type DocumentDump = Record<string, Record<string, unknown>>

/**
 * Reads everything a studio holds through the Local API: each collection in all locales with
 * hidden fields, and the versions of collections that keep them. Keys are `<slug>` and
 * `<slug>#versions`, values map id → document, so two studios can be compared id by id.
 */
export async function dumpDocuments(payload: Payload): Promise<DocumentDump> {
  const dump: DocumentDump = {}
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    const { docs } = await payload.find({
      collection: slug,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      showHiddenFields: true,
      locale: 'all',
      sort: 'id',
    })
    dump[slug] = Object.fromEntries(docs.map((doc) => [String(doc.id), doc]))
    if (collection.versions) {
      const versions = await payload.findVersions({
        collection: slug,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        showHiddenFields: true,
        locale: 'all',
        sort: 'id',
      })
      dump[`${slug}#versions`] = Object.fromEntries(
        versions.docs.map((doc) => [String(doc.id), doc]),
      )
    }
  }
  return dump
}

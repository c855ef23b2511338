import type { Field, PayloadRequest, SanitizedConfig, Validate } from 'payload'

import { isLookupId } from '../domain/http/queryArguments'
import { relationshipRefs, type RelationshipRef } from '../domain/http/relationshipRefs'
import { idTypeOf } from '../lib/config/idType'

/**
 * Payload checks a relationship's id has the right form but not that the document exists; with
 * SQLite's foreign keys the write then fails with a 500 (and may leave part of it written). This
 * wraps each relationship and upload field's validation so a missing document is refused with
 * the field's path before anything is written. Draft saves skip validation in Payload; what they
 * miss is answered by `foreignKeyIsBadInput`.
 */
export function checkRelationshipsExist(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) wrapFields(collection.fields)
  config.hooks.afterError = [...(config.hooks.afterError ?? []), foreignKeyIsBadInput]
  return config
}

function wrapFields(fields: Field[]): void {
  for (const field of fields) {
    if (field.type === 'relationship' || field.type === 'upload') {
      field.validate = existingDocuments(field.validate as Validate | undefined, field.relationTo)
    }
    if ('fields' in field && Array.isArray(field.fields)) wrapFields(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) wrapFields(tab.fields)
    if (field.type === 'blocks')
      for (const block of field.blocks ?? [])
        if (typeof block === 'object') wrapFields(block.fields)
  }
}

function existingDocuments(
  original: Validate | undefined,
  relationTo: string | string[],
): Validate {
  return async (value, options) => {
    const verdict = original ? await original(value, options) : true
    if (verdict !== true) return verdict
    const missing = await firstMissing(relationshipRefs(value, relationTo), options.req)
    return missing ? `There is no ${missing.collection} document with id ${missing.id}.` : true
  }
}

async function firstMissing(
  refs: RelationshipRef[],
  req: PayloadRequest,
): Promise<RelationshipRef | undefined> {
  const idType = idTypeOf(req)
  const byCollection = new Map<string, (number | string)[]>()
  for (const ref of refs) {
    // Ids of the wrong form are Payload's own validation's to refuse.
    if (!isLookupId(ref.id, idType)) continue
    byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref.id])
  }
  for (const [collection, ids] of byCollection) {
    const found = await req.payload.find({
      collection: collection as never,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const present = new Set((found.docs as { id: number | string }[]).map((doc) => String(doc.id)))
    const absent = ids.find((id) => !present.has(String(id)))
    if (absent !== undefined) return { collection, id: absent }
  }
  return undefined
}

const FOREIGN_KEY = /FOREIGN KEY constraint failed|SQLITE_CONSTRAINT_FOREIGNKEY/

/** The safety net: a foreign key the validation did not see (a draft save) is still a 400. */
const foreignKeyIsBadInput: NonNullable<SanitizedConfig['hooks']['afterError']>[number] = ({
  error,
}) => {
  let current: unknown = error
  for (let depth = 0; current && depth < 8; depth += 1) {
    const { code, message, cause } = current as {
      code?: unknown
      message?: unknown
      cause?: unknown
    }
    if (
      (typeof code === 'string' && FOREIGN_KEY.test(code)) ||
      (typeof message === 'string' && FOREIGN_KEY.test(message))
    )
      return {
        status: 400,
        response: {
          errors: [
            { message: 'A relationship names a document that does not exist; check the ids sent.' },
          ],
        },
      }
    current = cause
  }
  return undefined
}

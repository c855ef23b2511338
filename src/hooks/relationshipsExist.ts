import type { Field, PayloadRequest, SanitizedConfig, Validate } from 'payload'

import { isLookupId } from '../domain/http/queryArguments'
import { relationshipRefs, type RelationshipRef } from '../domain/http/relationshipRefs'
import { idTypeOf } from '../lib/config/idType'

/**
 * Payload checks a relationship's id has the right form but not that the document exists; with
 * SQLite's foreign keys the write then fails with a 500 (and may leave part of it written). This
 * wraps each relationship and upload field's validation so a missing document is refused with
 * the field's path before anything is written. Draft saves skip validation in Payload; what they
 * miss is answered by `foreignKeyIsBadInput`. On MongoDB, which has no foreign keys, a draft's
 * well-formed id of a missing document is saved as it is, as Payload does there.
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
    if (!isLookupId(ref.id, idType)) {
      // Payload refuses a number id of the wrong form itself, but takes any text for MongoDB's
      // ids: text that is no ObjectId names no document.
      if (idType === 'text') return ref
      continue
    }
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

/**
 * SQLite's foreign key refusing a missing document, or MongoDB's adapter refusing to cast an id
 * of the wrong form (a number, say) to an ObjectId, alone or inside Mongoose's ValidationError.
 */
function namesMissingDocument(error: unknown): boolean {
  const { code, message, name, kind, errors } = error as {
    code?: unknown
    message?: unknown
    name?: unknown
    kind?: unknown
    errors?: unknown
  }
  if (typeof code === 'string' && FOREIGN_KEY.test(code)) return true
  if (typeof message === 'string' && FOREIGN_KEY.test(message)) return true
  if (name === 'CastError' && kind === 'ObjectId') return true
  return (
    name === 'ValidationError' &&
    typeof errors === 'object' &&
    errors !== null &&
    Object.values(errors).some((inner) => namesMissingDocument(inner))
  )
}

/** The safety net: a bad relationship the validation did not see (a draft save) is still a 400. */
const foreignKeyIsBadInput: NonNullable<SanitizedConfig['hooks']['afterError']>[number] = ({
  error,
}) => {
  let current: unknown = error
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (namesMissingDocument(current))
      return {
        status: 400,
        response: {
          errors: [
            { message: 'A relationship names a document that does not exist; check the ids sent.' },
          ],
        },
      }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

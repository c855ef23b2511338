import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * A co-producer with a consent record is not deleted: the record is the evidence of what their
 * work may be used for, and releases and scripts name them by pseudonym. To forget the person,
 * an admin erases their personal details instead (POST /api/users/:id/erase).
 */
export const keepConsentHolders: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'consents',
    where: { coProducer: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new APIError(
      'This co-producer has a consent record, so the account is kept. To forget them, erase their personal details: their real name and email go, their pseudonym stays on their work.',
      409,
      null,
      true,
    )
  }
}

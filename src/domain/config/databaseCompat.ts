/**
 * MongoDB-protocol servers that are not MongoDB lack some of its features. DATABASE_COMPAT names
 * the server, so the adapter avoids what it lacks; unset means real MongoDB, with everything on.
 */
export const DATABASE_COMPATS = ['ferretdb'] as const
export type DatabaseCompat = (typeof DATABASE_COMPATS)[number]

export function parseDatabaseCompat(value: string | undefined): DatabaseCompat | null {
  const text = value?.trim() ?? ''
  if (text === '') return null
  if ((DATABASE_COMPATS as readonly string[]).includes(text)) return text as DatabaseCompat
  throw new Error(
    `DATABASE_COMPAT "${text}" is not known. Leave it unset for MongoDB, or use: ${DATABASE_COMPATS.join(', ')}.`,
  )
}

/**
 * The Payload MongoDB adapter's settings for a server. FerretDB 1.24 with its SQLite backend
 * implements no `$lookup` stage (joins, sorting by a related field) and no transactions.
 */
export function mongoCompatibility(compat: DatabaseCompat | null) {
  if (compat === 'ferretdb')
    return {
      transactionOptions: false,
      useJoinAggregations: false,
      usePipelineInSortLookup: false,
    } as const
  return {}
}

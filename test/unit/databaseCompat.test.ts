import { describe, expect, it } from 'vitest'

import { mongoCompatibility, parseDatabaseCompat } from '../../src/domain/config/databaseCompat'

describe('DATABASE_COMPAT', () => {
  it('should mean real MongoDB, with every feature on, when unset or blank', () => {
    expect(parseDatabaseCompat(undefined)).toBeNull()
    expect(parseDatabaseCompat('  ')).toBeNull()
    expect(mongoCompatibility(null)).toEqual({})
  })

  it('should turn off joins by $lookup and transactions for FerretDB only when asked', () => {
    expect(parseDatabaseCompat(' ferretdb ')).toBe('ferretdb')
    expect(mongoCompatibility('ferretdb')).toEqual({
      transactionOptions: false,
      useJoinAggregations: false,
      usePipelineInSortLookup: false,
    })
  })

  it.each(['FerretDB', 'mongodb', 'cosmosdb', 'ferretdb,'])(
    'should stop start-up on the unknown value %j, naming the accepted ones',
    (value) => {
      expect(() => parseDatabaseCompat(value)).toThrow(
        `DATABASE_COMPAT "${value.trim()}" is not known. Leave it unset for MongoDB, or use: ferretdb.`,
      )
    },
  )
})

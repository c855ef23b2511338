import { describe, expect, it } from 'vitest'

import { relationshipRefs } from '../../src/domain/http/relationshipRefs'

describe('relationshipRefs', () => {
  it('should read ids, populated documents and lists of either', () => {
    expect(relationshipRefs(3, 'clips')).toEqual([{ collection: 'clips', id: 3 }])
    expect(relationshipRefs({ id: '4', title: 'x' }, 'clips')).toEqual([
      { collection: 'clips', id: '4' },
    ])
    expect(relationshipRefs([1, { id: 2 }], 'users')).toEqual([
      { collection: 'users', id: 1 },
      { collection: 'users', id: 2 },
    ])
  })

  it('should read polymorphic values, only for collections the field allows', () => {
    expect(
      relationshipRefs(
        [
          { relationTo: 'toolkits', value: 5 },
          { relationTo: 'clips', value: { id: 6 } },
          { relationTo: 'users', value: 7 },
        ],
        ['toolkits', 'clips'],
      ),
    ).toEqual([
      { collection: 'toolkits', id: 5 },
      { collection: 'clips', id: 6 },
    ])
  })

  it('should name nothing for empty or shapeless values', () => {
    for (const value of [null, undefined, [], {}, [null], true])
      expect(relationshipRefs(value, 'clips'), JSON.stringify(value)).toEqual([])
    expect(relationshipRefs(5, ['clips'])).toEqual([])
  })
})

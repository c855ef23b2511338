import { describe, expect, it } from 'vitest'

import { isMultipart, uploadWriteOf } from '../../src/domain/http/uploadRoute'

const uploadSlugs = new Set(['animations', 'voice-tracks'])
const of = (method: string, pathname: string) =>
  uploadWriteOf({ method, pathname, apiRoute: '/api', uploadSlugs })

describe('uploadWriteOf', () => {
  it('should name the operation Payload would run for each upload route', () => {
    expect(of('POST', '/api/animations')).toEqual({ collection: 'animations', operation: 'create' })
    expect(of('post', '/api/animations/')).toEqual({
      collection: 'animations',
      operation: 'create',
    })
    expect(of('POST', '/api/voice-tracks/7/duplicate')).toEqual({
      collection: 'voice-tracks',
      operation: 'create',
    })
    expect(of('PATCH', '/api/animations/12')).toEqual({
      collection: 'animations',
      operation: 'update',
      id: '12',
    })
    expect(of('PUT', '/api/animations/6650f0c2a1b2c3d4e5f60718')).toEqual({
      collection: 'animations',
      operation: 'update',
      id: '6650f0c2a1b2c3d4e5f60718',
    })
    expect(of('PATCH', '/api/animations')).toEqual({
      collection: 'animations',
      operation: 'update',
      id: null,
    })
  })

  it('should treat any other body-taking route under an upload collection as a write', () => {
    for (const [method, pathname] of [
      ['POST', '/api/animations/access'],
      ['POST', '/api/animations/access/3'],
      ['POST', '/api/animations/12'],
      ['PATCH', '/api/animations/%E0%A4%A'],
      ['POST', '/api/animations/versions/1'],
      ['PUT', '/api/animations'],
    ]) {
      expect(of(method, pathname), `${method} ${pathname}`).toEqual({
        collection: 'animations',
        operation: 'other',
      })
    }
  })

  it('should leave other collections, other methods and other prefixes alone', () => {
    expect(of('POST', '/api/clips')).toBeNull()
    expect(of('POST', '/api/users/login')).toBeNull()
    expect(of('GET', '/api/animations')).toBeNull()
    expect(of('DELETE', '/api/animations/1')).toBeNull()
    expect(of('POST', '/apix/animations')).toBeNull()
    expect(of('POST', '/api')).toBeNull()
    // Payload's router finds no collection for an empty first segment either.
    expect(of('POST', '/api//animations')).toBeNull()
    expect(of('POST', '/api/Animations')).toBeNull()
  })
})

describe('isMultipart', () => {
  it('should recognise multipart bodies whatever the case and parameters', () => {
    expect(isMultipart('multipart/form-data; boundary=x')).toBe(true)
    expect(isMultipart(' Multipart/Form-Data')).toBe(true)
    expect(isMultipart('multipart/mixed')).toBe(true)
    expect(isMultipart('application/x-multipart/form-data')).toBe(true)
    expect(isMultipart('application/json')).toBe(false)
    expect(isMultipart(null)).toBe(false)
  })
})

import path from 'node:path'

import { DERIVED_AREA, derivedKey, type MediaKey } from '../../../src/domain/storage/mediaKeys'
import { mediaDir } from '../../../src/lib/config/paths'

/** Where the local media store keeps a key: tests look at the disk itself. */
export const localPathOf = (key: MediaKey): string => path.join(mediaDir(''), ...key.split('/'))

export const derivedRoot = (): string => localPathOf(DERIVED_AREA)

export const derivedDir = (key: string): string => localPathOf(derivedKey(key))

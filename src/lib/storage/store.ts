import { localMediaStore } from './localMediaStore'
import type { MediaStore } from './mediaStore'
import type { MediaKey } from '../../domain/storage/mediaKeys'
import { mediaDir } from '../config/paths'

let store: MediaStore | null = null

/** The studio's media store: local disk under MEDIA_DIR, the only implementation for now. */
export function mediaStore(): MediaStore {
  store ??= localMediaStore(() => mediaDir(''))
  return store
}

/** Runs `work` with local files holding each object's bytes (see MediaStore.withLocalFile). */
export async function withLocalFiles<T>(
  keys: MediaKey[],
  work: (files: string[]) => Promise<T>,
): Promise<T> {
  const [first, ...rest] = keys
  if (first === undefined) return work([])
  return mediaStore().withLocalFile(first, (file) =>
    withLocalFiles(rest, (files) => work([file, ...files])),
  )
}

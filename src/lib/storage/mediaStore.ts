import type { Readable } from 'node:stream'

import type { StorageState } from './diskSpace'
import type { MediaKey } from '../../domain/storage/mediaKeys'

export interface StoredObject {
  bytes: number
  /**
   * Changes whenever the bytes under the key may have changed (a local file's device, inode,
   * size and time; an object's ETag): what a cache of derived facts, such as a hash, is kept by.
   */
  version: string
}

/** Inclusive byte offsets, as HTTP ranges are. */
export interface ByteRange {
  start: number
  end: number
}

/** A folder being written on local disk, to be put into the store in one step, or discarded. */
export interface StagedFolder {
  dir: string
  discard(): Promise<void>
}

/**
 * Where every upload, derived file, asset and release file is kept (see mediaKeys for the
 * layout). The one way media is read and written, so that local disk can give way to object
 * storage. Tools that need a path (ffmpeg, ffprobe) ask for a local file, and build into a
 * staged local folder that is then put into the store whole.
 */
export interface MediaStore {
  /** Size and version of an object; null when there is none under the key. */
  stat(key: MediaKey): Promise<StoredObject | null>
  /** An object's bytes, or a range of them. Rejects with code ENOENT when there is none. */
  read(key: MediaKey, range?: ByteRange): Promise<Buffer>
  /** An object's bytes as a stream, opened before it resolves (so a missing key rejects). */
  stream(key: MediaKey, options?: { range?: ByteRange; chunkBytes?: number }): Promise<Readable>
  /** Writes an object whole, replacing any before it: a reader sees the old bytes or the new. */
  put(key: MediaKey, source: { bytes: Uint8Array } | { file: string }): Promise<void>
  /**
   * Makes `to` hold the bytes of `from`, unless `to` already exists: for content-addressed keys,
   * whose bytes never change. Shares the bytes (a hard link) where the source is immutable.
   */
  copy(from: MediaKey, to: MediaKey): Promise<void>
  /** The names directly under a folder key; empty when there is none. */
  list(prefix: MediaKey): Promise<string[]>
  /** Removes an object, or a folder key and everything under it; nothing there is no error. */
  delete(key: MediaKey): Promise<void>
  /** Runs `work` with a local file holding the object's bytes, for tools that read paths. */
  withLocalFile<T>(key: MediaKey, work: (file: string) => Promise<T>): Promise<T>
  /** A new, empty local folder whose contents will go under a key of `area` (see putFolder). */
  stage(area: string, label: string): Promise<StagedFolder>
  /**
   * Puts a staged folder under `prefix`, all or nothing, and consumes it. When `prefix` already
   * holds something, `replace` removes it first; otherwise the answer is 'exists' and the staged
   * folder is left for the caller to discard.
   */
  putFolder(
    staged: StagedFolder,
    prefix: MediaKey,
    options: { replace: boolean },
  ): Promise<'put' | 'exists'>
  /**
   * Removes staged folders and half-put objects of `area` left by processes that died: those
   * with `label` (any when omitted) and no change for `quietForMs` (0: however recent). This
   * process's live staging is never touched.
   */
  removeLeftovers(area: string, options: { label?: string; quietForMs: number }): Promise<number>
  /** Removes this process's staged folders at once: called by a worker just before it exits. */
  discardOwnStaging(): number
  /** Room and writability where `area` is written; null where the store has no such limit. */
  storageState(area: string): Promise<StorageState | null>
}

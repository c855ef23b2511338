// Generated from src/delivery-client/files.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { type Hash } from 'node:crypto'
/**
 * Writes through a temporary file, flushed and renamed, so readers see the old or the new
 * content and never a partial one.
 */
export declare function writeAtomic(file: string, data: string | Uint8Array): Promise<void>
/** Whether `file` holds exactly the asset; a damaged copy is deleted so it is never used. */
export declare function isIntact(file: string, sha: string, size: number): Promise<boolean>
export declare function hashFile(file: string, hash: Hash): Promise<void>
/** The size of `file`, 0 when it does not exist. */
export declare function fileSize(file: string): Promise<number>

import type { PreflightResult } from '../../../domain/releases/preflight'
import type { Release } from '../../../payload-types'

/** The fields of a release the panel shows. */
export type ReleaseDoc = Pick<
  Release,
  | 'id'
  | 'version'
  | 'status'
  | 'failureReason'
  | 'withdrawnReason'
  | 'publishedAt'
  | 'changelog'
  | 'build'
  | 'updatedAt'
>

export type Preflight = PreflightResult & { previous: string | null; changelog: string[] }

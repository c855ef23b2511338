import type { BuildProgress } from '../../../domain/releases/buildProgress'
import type { PreflightResult } from '../../../domain/releases/preflight'
import type { ReleaseStatus } from '../../../domain/vocabulary'

/** The fields of a release the panel shows. */
export interface ReleaseDoc {
  id: number
  version: string
  status: ReleaseStatus
  failureReason?: string | null
  withdrawnReason?: string | null
  publishedAt?: string | null
  changelog?: { line: string }[] | null
  build?: BuildProgress | null
  updatedAt: string
}

export type Preflight = PreflightResult & { previous: string | null; changelog: string[] }

import type { RequestContext } from 'payload'

/**
 * The flags one write passes to the hooks it sets off (`req.context` / `context`), declared once
 * on Payload's RequestContext. Writes use the presets below rather than spell flags out, so a new
 * write path cannot combine them wrongly (a system write that re-queues media, say).
 */
declare module 'payload' {
  interface RequestContext {
    /** Do not queue media processing for this clip write (hooks/queueClipProcessing.ts). */
    skipMediaQueue?: boolean
    /**
     * Leave this write out of the audit log. Honoured only for system writes with no signed-in
     * person (hooks/auditLog.ts): a person's change is always recorded.
     */
    skipAudit?: boolean
    /** Keep the clip's recordings' lineage as written (Clips/hooks/stampMediaLineage.ts). */
    keepLineage?: boolean
    /** A review action's own write: the review rules already decided it (enforceReviewRules). */
    reviewTransition?: boolean
    /** Set by enforceReviewRules for its afterChange step: the approved text the media came from. */
    staleFromHash?: string
    /** The release system moves a release through its states (Releases/hooks/immutable.ts). */
    releaseSystem?: boolean
  }
}

/** Job bookkeeping on a clip or a media file: progress, status, details. */
export const SYSTEM_MEDIA_WRITE = {
  skipMediaQueue: true,
  skipAudit: true,
} as const satisfies RequestContext

/** A recording's lineage written by the system (stale marks, a confirmed recording). */
export const LINEAGE_WRITE = {
  skipMediaQueue: true,
  keepLineage: true,
} as const satisfies RequestContext

/** A script's review transition (submit, approve, request changes, return to draft). */
export const REVIEW_TRANSITION = { reviewTransition: true } as const satisfies RequestContext

/** The release system's own writes: build status, publish, withdraw. */
export const RELEASE_SYSTEM_WRITE = { releaseSystem: true } as const satisfies RequestContext

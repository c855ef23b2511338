/**
 * The job queues, by name: the web server, the worker and the services that queue or resume
 * jobs all refer to these, so none of them needs a task's module to find its queue.
 */
export const MEDIA_QUEUE = 'media'
export const RELEASE_QUEUE = 'releases'

/** One build per release at a time; also how an interrupted build's job is found again. */
export const releaseBuildKey = (releaseId: string | number) => `release:${releaseId}`

/** Retries after a media job's first try fails for a passing reason (a busy disk, a killed ffmpeg). */
export const MEDIA_JOB_RETRIES = 2

/** The studio's emails (src/services/notifications). */
export const NOTIFICATION_QUEUE = 'notifications'

import type { TaskConfig } from 'payload'

import { supervisedTask } from '../../lib/jobs/supervisedTask'
import { MEDIA_JOB_RETRIES } from '../queues'
import { processClipMedia } from './handler'
import { clipIdFromInput, markProcessing } from '../../services/media/processingStatus'
import { clipJobKey } from '../../services/media/queueClipJob'
import { mediaJobStaleAfterMs } from '../../services/media/staleAfter'

/**
 * Everything a clip needs to play: renditions, poster, normalised voices, per-accent offline
 * files, HLS, caption and sync checks. One job per clip; a newer job for the same clip replaces
 * a pending one, and two never run at once. While it runs, its job row carries a heartbeat: a
 * job whose worker died is taken over after MEDIA_JOB_STALE_SECONDS (resumeStalledMediaJobs),
 * and a stopping worker hands it back between steps (stopJobs).
 */
export const ProcessClipMediaTask: TaskConfig<'processClipMedia'> = {
  slug: 'processClipMedia',
  label: 'Process clip media',
  inputSchema: [{ name: 'clipId', type: 'text', required: true }],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'ffmpegRuns', type: 'number', required: true },
  ],
  retries: { attempts: MEDIA_JOB_RETRIES, backoff: { type: 'exponential', delay: 5_000 } },
  concurrency: {
    key: ({ input }) => clipJobKey(input.clipId),
    exclusive: true,
    supersedes: true,
  },
  handler: supervisedTask(processClipMedia, {
    staleAfterMs: mediaJobStaleAfterMs,
    onReturned: ({ input, payload }) =>
      markProcessing(payload).clip(clipIdFromInput(payload, input), {
        status: 'queued',
        reason: 'The worker stopped before this clip was finished; it is queued again.',
      }),
  }),
}

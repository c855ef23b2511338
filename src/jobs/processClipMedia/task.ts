import type { TaskConfig } from 'payload'

import { processClipMedia } from './handler'

export const MEDIA_QUEUE = 'media'

/**
 * Everything a clip needs to play: renditions, poster, normalised voices, per-accent offline
 * files, HLS, caption and sync checks. One job per clip; a newer job for the same clip replaces
 * a pending one, and two never run at once.
 */
export const ProcessClipMediaTask: TaskConfig<'processClipMedia'> = {
  slug: 'processClipMedia',
  label: 'Process clip media',
  inputSchema: [{ name: 'clipId', type: 'text', required: true }],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'ffmpegRuns', type: 'number', required: true },
  ],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 5_000 } },
  concurrency: {
    key: ({ input }) => `clip:${input.clipId}`,
    exclusive: true,
    supersedes: true,
  },
  handler: processClipMedia,
}

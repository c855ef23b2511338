'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

import { VOICE_COMMENT_MAX_MS } from '../../../domain/media/uploadRules'

export type RecorderState =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'recording'; startedAt: number }
  | { step: 'recorded'; recording: Blob; url: string; durationMs: number }
  | { step: 'failed'; message: string }

/**
 * The browser's microphone as a recorder: ask, record (stopping by itself at the longest a voice
 * comment may be), listen back, discard. The microphone is released as soon as recording stops,
 * so the browser's "in use" light goes out.
 */
export function useVoiceRecorder() {
  const [state, setState] = useState<RecorderState>({ step: 'idle' })
  const recorder = useRef<MediaRecorder | null>(null)
  const limit = useRef<ReturnType<typeof setTimeout> | null>(null)
  const url = useRef<string | null>(null)

  const forgetRecording = useCallback(() => {
    if (url.current) URL.revokeObjectURL(url.current)
    url.current = null
  }, [])

  const start = useCallback(async () => {
    forgetRecording()
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      setState({
        step: 'failed',
        message: 'This browser cannot record sound. You can type your comment instead.',
      })
      return
    }
    setState({ step: 'asking' })
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false })
    } catch (error) {
      setState({ step: 'failed', message: microphoneProblem(error) })
      return
    }
    const chunks: Blob[] = []
    const media = new MediaRecorder(stream)
    const startedAt = Date.now()
    media.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data)
    }
    media.onstop = () => {
      if (limit.current) clearTimeout(limit.current)
      for (const track of stream.getTracks()) track.stop()
      const recording = new Blob(chunks, { type: media.mimeType || 'audio/webm' })
      if (recording.size === 0) {
        setState({ step: 'failed', message: 'Nothing was recorded. Try again.' })
        return
      }
      url.current = URL.createObjectURL(recording)
      setState({
        step: 'recorded',
        recording,
        url: url.current,
        durationMs: Date.now() - startedAt,
      })
    }
    recorder.current = media
    media.start()
    // A second short of the server's limit, so the longest recording is still accepted.
    limit.current = setTimeout(
      () => media.state === 'recording' && media.stop(),
      VOICE_COMMENT_MAX_MS - 1000,
    )
    setState({ step: 'recording', startedAt })
  }, [forgetRecording])

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop()
  }, [])

  const discard = useCallback(() => {
    forgetRecording()
    setState({ step: 'idle' })
  }, [forgetRecording])

  // Leaving the page mid-recording must not leave the microphone on.
  useEffect(
    () => () => {
      if (recorder.current?.state === 'recording') {
        recorder.current.onstop = null
        recorder.current.stop()
        for (const track of recorder.current.stream.getTracks()) track.stop()
      }
      if (limit.current) clearTimeout(limit.current)
      forgetRecording()
    },
    [forgetRecording],
  )

  return { state, start, stop, discard }
}

function microphoneProblem(error: unknown): string {
  const name = (error as { name?: string })?.name
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The browser was not allowed to use the microphone. Allow it in the address bar, or type your comment instead.'
  if (name === 'NotFoundError')
    return 'No microphone was found. Plug one in, or type your comment instead.'
  return 'The microphone could not be started. Type your comment instead, or try again.'
}

/** "0:07", "2:35". */
export function clockTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

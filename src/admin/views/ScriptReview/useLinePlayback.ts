'use client'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'

import type { ReviewLine, ReviewState } from './api'

export type PlaybackMode = 'voice' | 'speech' | 'clip'

/** The line whose time span holds `ms`, if any. */
export const lineAt = (lines: ReviewLine[], ms: number): ReviewLine | undefined =>
  lines.find((l) => l.timing && ms >= l.timing.startMs && ms < l.timing.endMs)

/**
 * Playing a script's lines in the review: a line's stretch of the chosen accent's voice track,
 * read aloud by the browser's computer voice where there is no recording, or the clip itself
 * from a line on. Tracks which line is being spoken, for the view to highlight.
 */
export function useLinePlayback(media: ReviewState['media'], lines: ReviewLine[]) {
  const audio = useRef<HTMLAudioElement | null>(null)
  const video = useRef<HTMLVideoElement | null>(null)
  const stopAt = useRef<number | null>(null)
  const [chosenTag, setChosenTag] = useState<string | null>(null)
  const [speaking, setSpeaking] = useState<{ lineId: string; mode: PlaybackMode } | null>(null)
  // The media arrives after the first render: until someone chooses, the first accent counts.
  const accentTag = chosenTag ?? media.voices[0]?.accentTag ?? media.videos[0]?.accentTag ?? ''
  const voice = media.voices.find((v) => v.accentTag === accentTag) ?? null
  const clip = media.videos.find((v) => v.accentTag === accentTag) ?? media.videos[0] ?? null
  // Only the browser has a computer voice; the server renders as if it had none.
  const canSpeak = useSyncExternalStore(
    noSubscription,
    () => 'speechSynthesis' in window,
    () => false,
  )

  const stopAll = useCallback(() => {
    audio.current?.pause()
    video.current?.pause()
    if (canSpeak) window.speechSynthesis.cancel()
    stopAt.current = null
    setSpeaking(null)
  }, [canSpeak])

  // Nothing keeps playing once the review is left.
  useEffect(() => stopAll, [stopAll])

  const listen = useCallback(
    (line: ReviewLine) => {
      stopAll()
      if (voice && line.timing && audio.current) {
        const element = audio.current
        if (element.getAttribute('src') !== voice.url) element.src = voice.url
        element.currentTime = line.timing.startMs / 1000
        stopAt.current = line.timing.endMs
        setSpeaking({ lineId: line.lineId, mode: 'voice' })
        element.play().catch(() => setSpeaking(null))
        return
      }
      if (!canSpeak) return
      const utterance = new SpeechSynthesisUtterance(line.text)
      utterance.lang = 'en-GB'
      utterance.rate = 0.9
      utterance.onend = () => setSpeaking(null)
      utterance.onerror = () => setSpeaking(null)
      setSpeaking({ lineId: line.lineId, mode: 'speech' })
      window.speechSynthesis.speak(utterance)
    },
    [voice, canSpeak, stopAll],
  )

  const watchFrom = useCallback(
    (line: ReviewLine) => {
      stopAll()
      if (!video.current || !line.timing) return
      video.current.currentTime = line.timing.startMs / 1000
      setSpeaking({ lineId: line.lineId, mode: 'clip' })
      video.current.play().catch(() => setSpeaking(null))
    },
    [stopAll],
  )

  /** The voice's own clock: stop at the line's end. */
  const onAudioTime = useCallback(() => {
    const element = audio.current
    if (element && stopAt.current !== null && element.currentTime * 1000 >= stopAt.current) {
      element.pause()
      stopAt.current = null
      setSpeaking(null)
    }
  }, [])

  /** The clip's clock: highlight whichever line it is at, however it got there. */
  const onVideoTime = useCallback(() => {
    const element = video.current
    if (!element || element.paused) return
    const line = lineAt(lines, element.currentTime * 1000)
    setSpeaking(line ? { lineId: line.lineId, mode: 'clip' } : null)
  }, [lines])

  /** Paused by its own controls, or at the end; not by a pause that a new play has overtaken. */
  const onVideoPause = useCallback(() => {
    if (video.current?.paused) setSpeaking((now) => (now?.mode === 'clip' ? null : now))
  }, [])

  const playback = {
    accentTag,
    setAccentTag: (tag: string) => {
      stopAll()
      setChosenTag(tag)
    },
    voice,
    clip,
    canSpeak,
    speaking,
    listen,
    watchFrom,
    stop: stopAll,
    onAudioTime,
    onVideoTime,
    onVideoPause,
  }
  // The elements' refs apart from the state, so rendering reads no ref.
  return { audioRef: audio, videoRef: video, playback }
}

const noSubscription = () => () => {}

export type LinePlayback = ReturnType<typeof useLinePlayback>['playback']

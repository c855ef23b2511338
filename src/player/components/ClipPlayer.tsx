'use client'

import type Hls from 'hls.js'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'

import { useT } from './i18n'
import type { DeliveryManifestClip } from '../../delivery-client/browser'
import {
  accentFor,
  type AssetTable,
  assetUrl,
  audioTrackIndex,
  captionsFor,
  clipAccents,
  clockTime,
  offlineMp4For,
  playbackEngine,
  rewoundTime,
  SPEEDS,
  type PlaybackEngine,
} from '../model/clipSources'
import { lowDataLevel } from '../model/hlsPlaylist'
import { playbackActionFor } from '../model/playbackKeys'

function detectEngine(video: HTMLVideoElement): PlaybackEngine {
  return playbackEngine({
    hasMediaSource: typeof window !== 'undefined' && 'MediaSource' in window,
    canPlayHlsNatively: video.canPlayType('application/vnd.apple.mpegurl') !== '',
  })
}

/**
 * One clip, played from the files the service worker serves. The accent switch keeps the
 * position and whether it was playing; captions, their size and the speed carry over too.
 */
export function ClipPlayer(props: {
  clip: DeliveryManifestClip
  /** The release's asset table, which names each file. */
  assets: AssetTable
  locale: string
  accent: string
  lowData: boolean
  onAccentChange: (tag: string) => void
}) {
  const t = useT()
  const { clip } = props
  const video = useRef<HTMLVideoElement>(null)
  const captionTrack = useRef<HTMLTrackElement>(null)
  const hls = useRef<Hls | null>(null)
  const [engine, setEngine] = useState<PlaybackEngine | null>(null)
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(clip.durationMs / 1000)
  const [captions, setCaptions] = useState(true)
  const [bigCaptions, setBigCaptions] = useState(false)
  const [speed, setSpeed] = useState<number>(1)
  const [failed, setFailed] = useState(false)
  const accent = useMemo(() => accentFor(clip, props.accent), [clip, props.accent])
  // The language of the audio actually playing, as the HLS engine reports it.
  const [audioLanguage, setAudioLanguage] = useState('')
  const accentRef = useRef(accent)
  useEffect(() => {
    accentRef.current = accent
  })

  // The source: HLS once per clip (accents are its audio renditions), the MP4 per accent.
  const hlsUrl = assetUrl(props.assets, clip.hls)
  const mp4 = engine === 'mp4' && accent ? offlineMp4For(clip, props.assets, accent.tag) : null
  useEffect(() => {
    const element = video.current
    if (!element) return
    const chosen = engine ?? detectEngine(element)
    if (!engine) {
      setEngine(chosen)
      return
    }
    if (chosen === 'mp4') {
      if (!mp4) return setFailed(true)
      const resumeAt = element.currentTime
      const wasPlaying = !element.paused
      element.src = mp4
      element.addEventListener(
        'loadedmetadata',
        () => {
          element.currentTime = resumeAt
          element.playbackRate = element.defaultPlaybackRate
          if (wasPlaying) void element.play()
        },
        { once: true },
      )
      return
    }
    if (chosen === 'native-hls') {
      element.src = hlsUrl
      return
    }
    let cancelled = false
    void import('hls.js').then(({ default: HlsPlayer }) => {
      if (cancelled) return
      const player = new HlsPlayer({
        // Captions come from the release's own WebVTT file, as with every other engine.
        enableWebVTT: false,
        enableCEA708Captions: false,
        // With low data only the 360p files are on the device: no level may load before the cap.
        autoStartLoad: !props.lowData,
      })
      player.subtitleDisplay = false
      hls.current = player
      player.on(HlsPlayer.Events.MANIFEST_PARSED, () => {
        if (!props.lowData) return
        const level = lowDataLevel(player.levels)
        player.startLevel = level
        player.autoLevelCapping = level
        player.startLoad()
      })
      player.on(HlsPlayer.Events.AUDIO_TRACKS_UPDATED, () => {
        const wanted = accentRef.current
        const index = wanted ? audioTrackIndex(player.audioTracks, wanted) : -1
        if (index >= 0 && player.audioTrack !== index) player.audioTrack = index
      })
      player.on(HlsPlayer.Events.AUDIO_TRACK_SWITCHED, (_event, data) =>
        setAudioLanguage(player.audioTracks[data.id]?.lang ?? ''),
      )
      player.on(HlsPlayer.Events.ERROR, (_event, data) => {
        if (data.fatal) setFailed(true)
      })
      player.loadSource(hlsUrl)
      player.attachMedia(element)
    })
    return () => {
      cancelled = true
      hls.current?.destroy()
      hls.current = null
    }
    // The accent is switched in place below; only the MP4 engine needs a new source for it.
  }, [engine, hlsUrl, mp4, props.lowData])

  // Switching accent within HLS: the audio rendition changes, the picture and position do not.
  useEffect(() => {
    if (!accent) return
    const player = hls.current
    if (player) {
      const index = audioTrackIndex(player.audioTracks, accent)
      if (index >= 0 && player.audioTrack !== index) player.audioTrack = index
      return
    }
    const tracks = (
      video.current as {
        audioTracks?: ArrayLike<{ language: string; label: string; enabled: boolean }>
      } | null
    )?.audioTracks
    if (engine === 'native-hls' && tracks) {
      const list = Array.from(tracks)
      const index = audioTrackIndex(
        list.map((track) => ({ lang: track.language, name: track.label })),
        accent,
      )
      list.forEach((track, i) => (track.enabled = i === index))
    }
  }, [accent, engine])

  useEffect(() => {
    const track = captionTrack.current?.track
    if (track) track.mode = captions ? 'showing' : 'hidden'
  }, [captions, engine])

  useEffect(() => {
    const element = video.current
    if (!element) return
    element.defaultPlaybackRate = speed
    element.playbackRate = speed
  }, [speed])

  const togglePlay = useCallback(() => {
    const element = video.current
    if (!element) return
    if (element.paused) void element.play().catch(() => setPlaying(false))
    else element.pause()
  }, [])

  const rewind = useCallback(() => {
    const element = video.current
    if (element) element.currentTime = rewoundTime(element.currentTime)
  }, [])

  function onKeyDown(event: KeyboardEvent) {
    if ((event.target as HTMLElement).closest('input, select, textarea')) return
    const action = playbackActionFor(event.key)
    if (!action) return
    event.preventDefault()
    if (action === 'toggle-play') togglePlay()
    else if (action === 'rewind') rewind()
    else setCaptions((on) => !on)
  }

  const captionsUrl = captionsFor(clip, props.assets, props.locale)
  const accents = clipAccents(clip)
  return (
    <div
      className={`cdm-clip${bigCaptions ? ' cdm-clip--big-captions' : ''}`}
      onKeyDown={onKeyDown}
      role="group"
      aria-label={t('clipLabel', { clip: clip.title })}
      data-engine={engine ?? ''}
      data-audio-language={audioLanguage}
    >
      <video
        ref={video}
        className="cdm-video"
        poster={assetUrl(props.assets, clip.poster)}
        playsInline
        preload="metadata"
        aria-label={t('clipLabel', { clip: clip.title })}
        onClick={togglePlay}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
        onDurationChange={(e) => {
          const value = e.currentTarget.duration
          if (Number.isFinite(value)) setDuration(value)
        }}
        onRateChange={(e) => setSpeed(e.currentTarget.playbackRate)}
        onError={() => {
          if (engine === 'mp4' || engine === 'native-hls') setFailed(true)
        }}
      >
        {captionsUrl && (
          <track
            ref={captionTrack}
            kind="captions"
            src={captionsUrl}
            srcLang={props.locale}
            label={props.locale}
            default
          />
        )}
      </video>
      {failed && (
        <p role="alert" className="cdm-problem">
          {t('clipCannotPlay')}
        </p>
      )}
      <div className="cdm-controls">
        <button type="button" className="cdm-button cdm-button--big" onClick={togglePlay}>
          {playing ? t('pause') : t('play')}
        </button>
        <button type="button" className="cdm-button cdm-button--big" onClick={rewind}>
          {t('rewind')}
        </button>
        <input
          type="range"
          className="cdm-seek"
          min={0}
          max={Math.max(duration, 0.1)}
          step={1}
          value={Math.min(time, duration)}
          aria-label={t('seekLabel')}
          aria-valuetext={t('clipPosition', {
            current: clockTime(time),
            total: clockTime(duration),
          })}
          onChange={(e) => {
            if (video.current) video.current.currentTime = Number(e.target.value)
          }}
        />
        <span className="cdm-time" data-current-time={time.toFixed(2)}>
          {t('clipPosition', { current: clockTime(time), total: clockTime(duration) })}
        </span>
      </div>
      <div className="cdm-controls">
        {SPEEDS.map((rate) => (
          <button
            key={rate}
            type="button"
            className="cdm-button"
            aria-pressed={speed === rate}
            onClick={() => setSpeed(rate)}
          >
            {t(rate === 1 ? 'speedNormal' : 'speedSlow')}
          </button>
        ))}
        <button
          type="button"
          className="cdm-button"
          aria-pressed={captions}
          onClick={() => setCaptions((on) => !on)}
        >
          {captions ? t('captionsOn') : t('captionsOff')}
        </button>
        <button
          type="button"
          className="cdm-button"
          aria-pressed={bigCaptions}
          onClick={() => setBigCaptions((big) => !big)}
        >
          {t('captionsBigger')}
        </button>
        {accents.length > 1 && (
          <label className="cdm-inline">
            {t('accentLabel')}
            <select
              value={accent?.tag ?? ''}
              onChange={(e) => props.onAccentChange(e.target.value)}
            >
              {accents.map((a) => (
                <option key={a.tag} value={a.tag}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  )
}

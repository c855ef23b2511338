// The only module that runs ffmpeg or ffprobe. Commands arrive as plain data built by the pure
// functions in src/domain/media; swapping fluent-ffmpeg (archived upstream) touches only here.
import ffmpeg from 'fluent-ffmpeg'
import { spawn } from 'node:child_process'

import { ffmpegBinaries } from './binaries'
import { toArgv, type FfmpegCommand } from '../../domain/media/ffmpegCommand'

export interface ProbedStream {
  index: number
  codecType: string
  codecName: string
  width?: number
  height?: number
  frameRate?: number
  channels?: number
  sampleRate?: number
  durationMs?: number
}

export interface ProbeResult {
  formatName: string
  durationMs: number | null
  /** When the first packet is presented (an MPEG-TS segment's starts past 0). */
  startMs: number | null
  bitRate: number | null
  streams: ProbedStream[]
}

export class MediaToolError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
    readonly exitCode: number | null,
    /** The exact arguments, so a failure can be rerun by hand. */
    readonly argv: string[] = [],
  ) {
    super(message)
    this.name = 'MediaToolError'
  }
}

let ffmpegRuns = 0
/** Stops each ffmpeg and ffprobe this process is running (see stopMediaTools). */
const running = new Set<() => void>()

/**
 * Kills every ffmpeg and ffprobe this process started and has not seen finish: a stopping
 * worker hands its jobs back to the queue and must not leave encoders running without it.
 */
export function stopMediaTools(): number {
  const stops = [...running]
  running.clear()
  for (const stop of stops) stop()
  return stops.length
}

/** How many ffmpeg processes this process has started: tests prove cached work starts none. */
export function ffmpegRunCount(): number {
  return ffmpegRuns
}

export interface RunOptions {
  /** Source duration, to turn ffmpeg's timemark into a fraction for progress. */
  durationMs?: number | null
  onProgress?: (fraction: number) => void
  timeoutMs?: number
}

const STDERR_TAIL = 4000

/** Runs one ffmpeg command; rejects with the tail of stderr attached. Resolves with full stderr. */
export function runFfmpeg(command: FfmpegCommand, options: RunOptions = {}): Promise<string> {
  ffmpegRuns += 1
  const job = ffmpeg({ timeout: Math.ceil((options.timeoutMs ?? 30 * 60_000) / 1000) })
  job.setFfmpegPath(ffmpegBinaries().ffmpeg)
  for (const input of command.inputs) job.input(input.source).inputOptions(input.options)
  for (const output of command.outputs) job.output(output.target).outputOptions(output.options)
  let stderr = ''
  const stop = () => job.kill('SIGKILL')
  running.add(stop)
  return new Promise<string>((resolve, reject) => {
    job
      .on('stderr', (line: string) => {
        stderr += `${line}\n`
      })
      .on('progress', (progress: { timemark?: string }) => {
        const doneMs = parseTimemark(progress.timemark)
        if (options.onProgress && options.durationMs && doneMs != null) {
          options.onProgress(Math.min(1, doneMs / options.durationMs))
        }
      })
      .on('error', (error: Error) => {
        const tail = stderr.slice(-STDERR_TAIL)
        reject(
          new MediaToolError(
            `ffmpeg failed: ${lastMeaningfulLine(tail) ?? error.message}`,
            tail,
            null,
            toArgv(command),
          ),
        )
      })
      .on('end', () => resolve(stderr))
      .run()
  }).finally(() => running.delete(stop))
}

/**
 * ffprobe as JSON. A file whose container states no duration (a browser's MediaRecorder writes
 * WebM as a live stream, with none) is timed by its last audio or video packet instead.
 */
export async function probe(file: string, timeoutMs = 60_000): Promise<ProbeResult> {
  const raw = (await runProbe(
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    timeoutMs,
  )) as RawProbe
  const result = toProbeResult(raw)
  if (result.durationMs !== null || result.streams.length === 0) return result
  const packets = (await runProbe(
    [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_entries',
      'packet=pts_time,duration_time',
      file,
    ],
    timeoutMs,
  )) as RawPackets
  return { ...result, durationMs: durationFromPackets(packets) }
}

/** GCONV_PATH works around the bundled ffprobe crashing on .ts/.m3u8 input. */
function runProbe(args: string[], timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegBinaries().ffprobe, args, {
      env: { ...process.env, GCONV_PATH: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out: Buffer[] = []
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    const stop = () => child.kill('SIGKILL')
    running.add(stop)
    child.on('exit', () => running.delete(stop))
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8')
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new MediaToolError(`ffprobe could not start: ${error.message}`, '', null))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const tail = err.slice(-STDERR_TAIL)
      if (code !== 0) {
        const why = signal
          ? `was stopped by ${signal}`
          : (lastMeaningfulLine(tail) ?? `exited with ${code}`)
        reject(new MediaToolError(`ffprobe could not read the file: ${why}`, tail, code))
        return
      }
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')))
      } catch {
        reject(new MediaToolError('ffprobe returned unreadable output', tail, code))
      }
    })
  })
}

interface RawPackets {
  packets?: { pts_time?: string; duration_time?: string }[]
}

function durationFromPackets(raw: RawPackets): number | null {
  let end = 0
  for (const packet of raw.packets ?? []) {
    const at = Number(packet.pts_time) + (Number(packet.duration_time) || 0)
    if (Number.isFinite(at) && at > end) end = at
  }
  return end > 0 ? Math.round(end * 1000) : null
}

interface RawProbe {
  format?: { format_name?: string; duration?: string; start_time?: string; bit_rate?: string }
  streams?: {
    index: number
    codec_type?: string
    codec_name?: string
    width?: number
    height?: number
    avg_frame_rate?: string
    r_frame_rate?: string
    channels?: number
    sample_rate?: string
    duration?: string
  }[]
}

function toProbeResult(raw: RawProbe): ProbeResult {
  const seconds = (value?: string) => {
    const n = Number(value)
    return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : undefined
  }
  return {
    formatName: raw.format?.format_name ?? 'unknown',
    durationMs: seconds(raw.format?.duration) ?? null,
    startMs: atOrAfterZero(raw.format?.start_time),
    bitRate: Number(raw.format?.bit_rate) || null,
    streams: (raw.streams ?? []).map((s) => ({
      index: s.index,
      codecType: s.codec_type ?? 'unknown',
      codecName: s.codec_name ?? 'unknown',
      width: s.width,
      height: s.height,
      frameRate: parseRate(s.avg_frame_rate) ?? parseRate(s.r_frame_rate),
      channels: s.channels,
      sampleRate: Number(s.sample_rate) || undefined,
      durationMs: seconds(s.duration),
    })),
  }
}

function atOrAfterZero(value?: string): number | null {
  const n = Number(value)
  return value !== undefined && Number.isFinite(n) && n >= 0 ? n * 1000 : null
}

function parseRate(rate?: string): number | undefined {
  if (!rate) return undefined
  const [num, den] = rate.split('/').map(Number)
  if (!num || !den) return undefined
  return Math.round((num / den) * 1000) / 1000
}

function parseTimemark(timemark?: string): number | null {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(timemark ?? '')
  if (!match) return null
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000
}

/** The line of ffmpeg's stderr that says what went wrong, not its closing "Conversion failed!". */
function lastMeaningfulLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(frame|size)=|^Press \[q\]|^Conversion failed!$/.test(line))
  return (
    lines.find((line) => /error|invalid|not found|no such|cannot|unable|moov atom/i.test(line)) ??
    lines.pop()
  )
}

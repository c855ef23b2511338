/** MPEG-TS timestamps count a 90 kHz clock (ISO/IEC 13818-1). */
export const MPEGTS_CLOCK_HZ = 90_000

const HEADER_LINE = /^X-TIMESTAMP-MAP=/

/** The MPEG-TS timestamp of a moment given in seconds, as a playlist's segments carry it. */
export function mpegtsTicks(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`mpegtsTicks needs a non-negative number of seconds, not ${seconds}.`)
  }
  return Math.round(seconds * MPEGTS_CLOCK_HZ)
}

/**
 * A WebVTT file as an HLS subtitle segment: its header says which MPEG-TS timestamp the cues'
 * zero stands for (RFC 8216 §3.5), the first video timestamp of the package, so Safari and
 * hls.js place the cues on the picture instead of guessing. Any map already there is replaced;
 * the byte order mark and the line endings are kept.
 */
export function withTimestampMap(vtt: string, mpegts: number): string {
  if (!Number.isInteger(mpegts) || mpegts < 0) {
    throw new RangeError(
      `withTimestampMap needs a non-negative whole MPEG-TS timestamp, not ${mpegts}.`,
    )
  }
  const bom = vtt.startsWith('\uFEFF') ? '\uFEFF' : ''
  const body = vtt.slice(bom.length)
  if (!body.startsWith('WEBVTT')) throw new Error('The caption file does not start with "WEBVTT".')
  const newline = body.includes('\r\n') ? '\r\n' : '\n'
  const lines = body.split(/\r\n|\n|\r/)
  // The header runs from the WEBVTT line to the first blank line.
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '')
  const headerEnd = end === -1 ? lines.length : end
  const header = lines.slice(0, headerEnd).filter((line) => !HEADER_LINE.test(line))
  const map = `X-TIMESTAMP-MAP=MPEGTS:${mpegts},LOCAL:00:00:00.000`
  return bom + [header[0], map, ...header.slice(1), ...lines.slice(headerEnd)].join(newline)
}

/**
 * An ffmpeg invocation as plain data. Builders in this folder return these; the runner in
 * src/lib/ffmpeg is the only code that executes them.
 */
export interface FfmpegCommand {
  inputs: { source: string; options: string[] }[]
  outputs: { target: string; options: string[] }[]
}

/** Quiet, non-interactive: a worker must never wait on stdin or spam its log with banners. */
export const BASE_OPTIONS = ['-hide_banner', '-nostdin']

/** The exact argument list ffmpeg receives: each input's options and -i, overwrite, outputs. */
export function toArgv(command: FfmpegCommand): string[] {
  return [
    ...command.inputs.flatMap((input) => [...input.options, '-i', input.source]),
    '-y',
    ...command.outputs.flatMap((output) => [...output.options, output.target]),
  ]
}

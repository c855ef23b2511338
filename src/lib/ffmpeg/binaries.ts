import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import ffprobeInstaller from '@ffprobe-installer/ffprobe'

/** FFMPEG_PATH / FFPROBE_PATH (e.g. Debian's ffmpeg 5) win over the bundled binaries. */
export function ffmpegBinaries(): { ffmpeg: string; ffprobe: string } {
  return {
    ffmpeg: process.env.FFMPEG_PATH || ffmpegInstaller.path,
    ffprobe: process.env.FFPROBE_PATH || ffprobeInstaller.path,
  }
}

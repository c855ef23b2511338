import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The admin is the product; there is no public site to optimise images for.
  images: { unoptimized: true },
  // `npm test` type-checks the whole repository (tests included); doing it again here only
  // doubles the build time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // These locate their binaries on disk at run time; bundling them breaks that lookup.
  serverExternalPackages: [
    '@ffmpeg-installer/ffmpeg',
    '@ffprobe-installer/ffprobe',
    'fluent-ffmpeg',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

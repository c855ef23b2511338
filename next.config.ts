import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { STATIC_SECURITY_HEADERS } from './src/domain/http/securityHeaders'

const nextConfig: NextConfig = {
  // The admin is the product; there is no public site to optimise images for.
  images: { unoptimized: true },
  // `npm test` type-checks the whole repository (tests included); doing it again here only
  // doubles the build time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // These locate their binaries or data files (pdfkit's font metrics) on disk at run time;
  // bundling them breaks that lookup.
  serverExternalPackages: [
    '@ffmpeg-installer/ffmpeg',
    '@ffprobe-installer/ffprobe',
    'fluent-ffmpeg',
    'pdfkit',
  ],
  poweredByHeader: false,
  // `npm run dev` serves its scripts to localhost only unless told: the loopback addresses are
  // the same machine, and a studio opened at http://127.0.0.1:3000 was a blank page.
  allowedDevOrigins: ['127.0.0.1', '::1'],
  // Headers that never depend on the request, for every response (static files included). The
  // Content Security Policy and HSTS depend on it: src/proxy.ts (pages) and
  // src/lib/http/securityHeaders.ts (API routes) set those.
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

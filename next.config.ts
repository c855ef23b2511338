import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The admin is the product; there is no public site to optimise images for.
  images: { unoptimized: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

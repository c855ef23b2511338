import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { en } from '../../player/strings/en'

import './player.css'

// The player's own root: nothing of the Payload admin (its styles, providers or scripts) loads.
export const metadata: Metadata = {
  // The page sets the title in the device's language once it knows it.
  title: en.appTitle,
  manifest: '/player/manifest.webmanifest',
  icons: { icon: '/player/icon.svg', apple: '/player/icon-192.png' },
  robots: { index: false, follow: false },
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#12355b',
}

export default function PlayerLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>{children}</body>
    </html>
  )
}

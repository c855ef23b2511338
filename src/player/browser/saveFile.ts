/**
 * Saves bytes the page holds as a file on the device. A link to a blob, because the browser's
 * download manager does not go through the service worker: offline, a plain download link to a
 * file on the device is cancelled.
 */
export function saveFile(blob: Blob, name: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}

/** Saves a file the service worker serves from the device (`/player/a/…`). */
export async function saveDeviceFile(url: string, name: string): Promise<void> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} is not on this device.`)
  saveFile(await response.blob(), name)
}

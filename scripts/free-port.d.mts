/** A TCP port on loopback that nothing listens on now, for a server a test or bench starts. */
export function freePort(): Promise<number>

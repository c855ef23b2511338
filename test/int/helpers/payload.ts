import { getPayload, type Payload } from 'payload'

import type { User } from '../../../src/payload-types'
import config from '@payload-config'

export async function getTestPayload(): Promise<Payload> {
  return getPayload({ config })
}

/** Local API options that apply access control as this user would meet it. */
export function as(user: User | null) {
  return { overrideAccess: false, user } as const
}

let counter = 0
/** A suffix that keeps slugs and emails of one test apart from every other test's. */
export function uniqueSuffix(): string {
  counter += 1
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${counter}`
}

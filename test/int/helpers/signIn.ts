import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { uniqueSuffix } from './payload'
import { PASSWORD } from './world'
import type { User } from '../../../src/payload-types'

export interface SignInAnswer {
  status: number
  /** The first error's message (REST and GraphQL alike), undefined on success. */
  message: string | undefined
  /** The whole error list as the client received it. */
  errors: unknown
  retryAfter: string | null
  ms: number
}

export interface Attempt {
  email: string
  password: string
  /** Sent as X-Forwarded-For: the client's address when TRUST_PROXY is set. */
  from?: string
  body?: string
}

/** POST /api/users/login, as the admin's login form sends it. */
export async function signInOverRest(baseUrl: string, attempt: Attempt): Promise<SignInAnswer> {
  const started = performance.now()
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: headersFor(attempt),
    body: attempt.body ?? JSON.stringify({ email: attempt.email, password: attempt.password }),
  })
  const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
  return {
    status: response.status,
    message: body.errors?.[0]?.message,
    errors: body.errors,
    retryAfter: response.headers.get('retry-after'),
    ms: performance.now() - started,
  }
}

/** GraphQL `loginUser`: the status is the error's `extensions.statusCode` (HTTP says 200). */
export async function signInOverGraphql(baseUrl: string, attempt: Attempt): Promise<SignInAnswer> {
  const started = performance.now()
  const response = await fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: headersFor(attempt),
    body: JSON.stringify({
      query: 'mutation ($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }',
      variables: { e: attempt.email, p: attempt.password },
    }),
  })
  const body = (await response.json()) as {
    data?: { loginUser: { token: string } | null }
    errors?: { message: string; extensions?: { statusCode?: number } }[]
  }
  const error = body.errors?.[0]
  return {
    status: error ? (error.extensions?.statusCode ?? response.status) : response.status,
    message: error?.message,
    errors: body.errors,
    retryAfter: response.headers.get('retry-after'),
    ms: performance.now() - started,
  }
}

function headersFor(attempt: Attempt): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(attempt.from ? { 'x-forwarded-for': attempt.from } : {}),
  }
}

let addresses = 0
/** A documentation address (RFC 5737) no other attempt in this test file has used. */
export function freshAddress(): string {
  addresses += 1
  const block = ['192.0.2', '198.51.100', '203.0.113'][Math.floor(addresses / 250) % 3]
  return `${block}.${(addresses % 250) + 1}`
}

const made: { payload: Payload; id: number }[] = []

/** An account of its own for one test, so no other test's failures count against it. */
export async function freshAccount(
  payload: Payload,
  role: User['role'] = 'designer',
): Promise<User & { password: string }> {
  const suffix = uniqueSuffix()
  const user = await payload.create({
    collection: 'users',
    data: {
      email: `signin-${suffix}@test.example`,
      password: PASSWORD,
      role,
      displayName: `Sign-in ${suffix}`,
      ...(role === 'coProducer' ? { pseudonym: `Wren ${suffix}`, realName: `Real ${suffix}` } : {}),
    },
  })
  made.push({ payload, id: user.id })
  return { ...user, password: PASSWORD }
}

/** Deletes the accounts `freshAccount` made in this test file, after its last test. */
export function cleanUpFreshAccounts(): void {
  afterAll(async () => {
    for (const { payload, id } of made.splice(0)) {
      await payload.delete({ collection: 'users', id, overrideAccess: true })
    }
  })
}

/** Sets environment variables for one test file and puts them back afterwards. */
export function withEnv(env: Record<string, string | undefined>): void {
  const saved: Record<string, string | undefined> = {}
  beforeAll(() => {
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key]
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })
}

export const INCORRECT = 'The email or password provided is incorrect.'

import type { RequestGuard } from '../requestGuards'
import { signInThrottle } from './signInThrottle'
import { uploadPermission } from './uploadPermission'

/**
 * Every guard, in the order they run, for REST and GraphQL alike (the Next routes and the
 * integration tests' HTTP server use this one list).
 */
export const apiGuards: readonly RequestGuard[] = [signInThrottle, uploadPermission]

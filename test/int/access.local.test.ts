import { describeAccessMatrix } from './helpers/accessSuite'
import { localClient } from './helpers/clients'

describeAccessMatrix(
  'access matrix through the Local API (overrideAccess: false)',
  async (payload, world, role) =>
    localClient(payload, role === 'anonymous' ? null : world.users[role]),
)

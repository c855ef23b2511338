import { afterAll, beforeAll } from 'vitest'

import { describeAccessMatrix } from './helpers/accessSuite'
import { restClient } from './helpers/clients'
import { startRestServer, type RestServer } from './helpers/restServer'
import { PASSWORD } from './helpers/world'

let server: RestServer

beforeAll(async () => {
  server = await startRestServer()
})

afterAll(async () => {
  await server?.close()
})

describeAccessMatrix(
  'access matrix through the REST API over HTTP',
  async (_payload, world, role) =>
    restClient(
      server.url,
      role === 'anonymous' ? null : { email: world.users[role].email, password: PASSWORD },
    ),
)

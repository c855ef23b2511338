import type { User } from '../src/payload-types'

export interface DemoUser {
  email: string
  password: string
  role: User['role']
  displayName: string
  pseudonym?: string
  realName?: string
}

// Demo only: these passwords are published in the README. A production start never creates
// these accounts unless SEED_DEMO=1 is set on purpose.
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@cdm-studio.example',
    password: 'demo-admin-pass',
    role: 'admin',
    displayName: 'Alex (Admin)',
  },
  {
    email: 'designer@cdm-studio.example',
    password: 'demo-designer-pass',
    role: 'designer',
    displayName: 'Dana (Content designer)',
  },
  {
    email: 'coproducer@cdm-studio.example',
    password: 'demo-coproducer-pass',
    role: 'coProducer',
    displayName: 'River',
    pseudonym: 'River',
    realName: 'Jamie Example',
  },
  {
    email: 'publisher@cdm-studio.example',
    password: 'demo-publisher-pass',
    role: 'publisher',
    displayName: 'Pat (Publisher)',
  },
]

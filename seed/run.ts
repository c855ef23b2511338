// `npm run seed`: runs the idempotent demo seed against the configured database.
import config from '@payload-config'
import { getPayload } from 'payload'

import { formatSeedSummary, seed } from './index'

const payload = await getPayload({ config })
const summary = await seed({ payload })
console.log(formatSeedSummary(summary))
process.exit(0)

import type { PayloadRequest } from 'payload'

import type { IdType } from '../../domain/http/bodyFields'

/** How this database spells ids (SQLite: whole numbers; MongoDB: text), for input checks. */
export const idTypeOf = (req: Pick<PayloadRequest, 'payload'>): IdType =>
  req.payload.db.defaultIDType

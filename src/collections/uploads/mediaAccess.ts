import type { CollectionConfig } from 'payload'

import { readAllOrAssigned, type ScopeKey } from '../../access/assignedScope'
import { contentEditors } from '../../access/predicates'

/** Media is managed by designers and read by co-producers only where it is on their clips. */
export function mediaAccess(scope: ScopeKey): CollectionConfig['access'] {
  return {
    read: readAllOrAssigned(scope),
    create: contentEditors,
    update: contentEditors,
    delete: contentEditors,
  }
}

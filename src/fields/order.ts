import type { NumberField } from 'payload'

export function orderField(): NumberField {
  return {
    name: 'order',
    type: 'number',
    required: true,
    min: 0,
    defaultValue: 0,
    index: true,
    admin: { position: 'sidebar', description: 'Position within its parent, lowest first.' },
  }
}

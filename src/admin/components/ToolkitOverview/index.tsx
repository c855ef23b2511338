import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { summariseToolkits } from '../../../domain/toolkits/summariseToolkits'
import './toolkitOverview.scss'

interface Props {
  payload: Payload
  user?: TypedUser | null
}

/** Dashboard panel: every toolkit the signed-in person may read, with its size at a glance. */
export async function ToolkitOverview({ payload, user }: Props) {
  if (!user) return null
  const read = { overrideAccess: false, user, depth: 0, pagination: false } as const
  const [toolkits, modules, exercises] = await Promise.all([
    payload.find({
      ...read,
      collection: 'toolkits',
      sort: 'title',
      select: { title: true, slug: true },
    }),
    payload.find({ ...read, collection: 'modules', select: { toolkit: true, mandatory: true } }),
    payload.find({ ...read, collection: 'exercises', select: { module: true } }),
  ])
  const rows = summariseToolkits(toolkits.docs, modules.docs, exercises.docs)

  return (
    <section className="cdm-toolkit-overview" aria-labelledby="cdm-toolkit-overview-title">
      <h2 id="cdm-toolkit-overview-title">Toolkits</h2>
      {rows.length === 0 ? (
        <p>No toolkits yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Toolkit</th>
              <th scope="col">Modules</th>
              <th scope="col">Exercises</th>
              <th scope="col">Foundation module</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row.id)} data-toolkit={row.slug}>
                <td>
                  <a href={`/admin/collections/toolkits/${row.id}`}>{row.title}</a>
                </td>
                <td>{row.moduleCount}</td>
                <td>{row.exerciseCount}</td>
                <td>{row.hasMandatoryModule ? 'Yes' : 'Missing'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

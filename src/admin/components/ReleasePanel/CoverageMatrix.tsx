'use client'
import React from 'react'

import type { Coverage, CoverageCell } from '../../../domain/releases/preflight'

function Cell({ cell }: { cell: CoverageCell | undefined }) {
  if (!cell) return <td className="cdm-coverage__gap">—</td>
  if ('problem' in cell)
    return (
      <td className="cdm-coverage__gap" data-coverage="problem" title={cell.problem}>
        ✗ {cell.problem}
      </td>
    )
  if ('notShown' in cell)
    return (
      <td className="cdm-coverage__skip" data-coverage="not-shown">
        not shown ({cell.notShown} is for other audiences)
      </td>
    )
  return (
    <td data-coverage={cell.viaVariant ? 'variant' : 'base'}>
      ✓ {cell.clipTitle}
      {cell.viaVariant && <span className="cdm-coverage__variant"> variant</span>}
    </td>
  )
}

type CoverageExercise = Coverage['exercises'][number]

/** Exercises under their modules, keeping the matrix order. */
function byModule(exercises: CoverageExercise[]) {
  const groups: { moduleId: string; moduleTitle: string; exercises: CoverageExercise[] }[] = []
  for (const exercise of exercises) {
    const last = groups.at(-1)
    if (last?.moduleId === exercise.moduleId) last.exercises.push(exercise)
    else
      groups.push({
        moduleId: exercise.moduleId,
        moduleTitle: exercise.moduleTitle,
        exercises: [exercise],
      })
  }
  return groups
}

/** Which clip each audience gets for each exercise, module by module; gaps in red. */
export function CoverageMatrix({ coverage }: { coverage: Coverage }) {
  if (coverage.audiences.length === 0) return null
  return (
    <div className="cdm-coverage">
      <table>
        <caption>Coverage: the clip each audience sees in each exercise</caption>
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            {coverage.audiences.map((a) => (
              <th scope="col" key={a.id}>
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        {byModule(coverage.exercises).map((group) => (
          <tbody key={group.moduleId}>
            <tr className="cdm-coverage__module">
              <th colSpan={coverage.audiences.length + 1} scope="rowgroup">
                {group.moduleTitle}
              </th>
            </tr>
            {group.exercises.map((exercise) => (
              <tr key={exercise.id}>
                <th scope="row">{exercise.title}</th>
                {coverage.audiences.map((a) => (
                  <Cell key={a.id} cell={coverage.cells[a.id]?.[exercise.id]} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

export interface ScriptLineInput {
  lineId?: string | null
  speaker?: string | null
  text?: string | null
}

export interface ScriptInput {
  characters?: { name?: string | null }[] | null
  scenes?: { lines?: ScriptLineInput[] | null }[] | null
}

export interface ScriptProblem {
  /** Payload field path, e.g. scenes.0.lines.2.speaker */
  path: string
  message: string
}

/**
 * Structural rules for a script: every line is spoken by one of the script's characters, and
 * line ids (the anchors comments and captions refer to) are unique.
 */
export function findScriptProblems(script: ScriptInput): ScriptProblem[] {
  const problems: ScriptProblem[] = []
  const characters = (script.characters ?? []).map((c) => c.name?.trim() ?? '')
  const known = new Set(characters.filter(Boolean))

  const seenCharacters = new Set<string>()
  characters.forEach((name, index) => {
    if (name && seenCharacters.has(name.toLowerCase())) {
      problems.push({
        path: `characters.${index}.name`,
        message: `Character "${name}" is listed twice; each character needs a distinct name.`,
      })
    }
    seenCharacters.add(name.toLowerCase())
  })

  const seenLineIds = new Map<string, string>()
  ;(script.scenes ?? []).forEach((scene, sceneIndex) => {
    ;(scene.lines ?? []).forEach((line, lineIndex) => {
      const path = `scenes.${sceneIndex}.lines.${lineIndex}`
      const speaker = line.speaker?.trim() ?? ''
      if (!known.has(speaker)) {
        const choices = known.size > 0 ? [...known].join(', ') : 'none yet: add characters first'
        problems.push({
          path: `${path}.speaker`,
          message: speaker
            ? `Speaker "${speaker}" (scene ${sceneIndex + 1}, line ${lineIndex + 1}) is not a character of this script. Characters: ${choices}.`
            : `Scene ${sceneIndex + 1}, line ${lineIndex + 1} has no speaker. Characters: ${choices}.`,
        })
      }
      const lineId = line.lineId?.trim()
      if (lineId) {
        const first = seenLineIds.get(lineId)
        if (first) {
          problems.push({
            path: `${path}.lineId`,
            message: `Line id "${lineId}" is already used by ${first}; line ids must be unique within a script.`,
          })
        } else {
          seenLineIds.set(lineId, `scene ${sceneIndex + 1}, line ${lineIndex + 1}`)
        }
      }
    })
  })
  return problems
}

/**
 * Gives every line without an id a new one. Existing ids never change: comments, captions and
 * voice recordings are anchored to them.
 */
export function assignMissingLineIds<T extends ScriptInput>(script: T, newId: () => string): T {
  const used = new Set<string>()
  for (const scene of script.scenes ?? []) {
    for (const line of scene.lines ?? []) if (line.lineId?.trim()) used.add(line.lineId.trim())
  }
  const nextFreeId = () => {
    let id = newId()
    while (used.has(id)) id = newId()
    used.add(id)
    return id
  }
  return {
    ...script,
    scenes: script.scenes?.map((scene) => ({
      ...scene,
      lines: scene.lines?.map((line) =>
        line.lineId?.trim()
          ? { ...line, lineId: line.lineId.trim() }
          : { ...line, lineId: nextFreeId() },
      ),
    })),
  }
}

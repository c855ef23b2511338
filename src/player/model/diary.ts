/** A diary entry, kept on the device only (IndexedDB); never sent to a server. */
export interface DiaryEntry {
  id: string
  /** ISO 8601 date-time the entry was saved. */
  savedAt: string
  toolkit: string
  exercise: string
  prompt: string
  text: string
}

/** Entries newest first. */
export function sortDiary(entries: readonly DiaryEntry[]): DiaryEntry[] {
  return [...entries].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))
}

/**
 * The diary as a plain text file the participant keeps: oldest first, each entry under its date
 * and exercise. `heading` formats that line in the participant's language.
 */
export function diaryAsText(
  entries: readonly DiaryEntry[],
  heading: (entry: DiaryEntry) => string,
): string {
  return sortDiary(entries)
    .reverse()
    .map((entry) => `${heading(entry)}\n${entry.prompt}\n\n${entry.text.trim()}\n`)
    .join('\n---\n\n')
}

import { cy } from './cy'
import { en, type StringKey, type Strings } from './en'

export type { StringKey, Strings } from './en'

export const UI_LOCALES = ['en-GB', 'cy'] as const
export type UiLocale = (typeof UI_LOCALES)[number]

const TABLES: Record<UiLocale, Strings> = { 'en-GB': en, cy }

/** The string table of a locale; a content locale the player has no table for falls back to English. */
export function stringsFor(locale: string): Strings {
  return TABLES[(UI_LOCALES as readonly string[]).includes(locale) ? (locale as UiLocale) : 'en-GB']
}

/** A string with its `{name}` placeholders filled; an unknown placeholder is left as written. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

/** A translator bound to one table: `t('download', { size })`. */
export type Translate = (key: StringKey, values?: Record<string, string | number>) => string

export function translator(strings: Strings): Translate {
  return (key, values) => format(strings[key], values)
}

/**
 * The words of the printable worksheets, in the release's language. The same plain wording as
 * the player (src/player/strings), since the paper copy stands in for it when the internet
 * fails. `{name}` marks a value filled in by `fill`.
 */
const en = {
  documentTitle: '{toolkit}: worksheets to print',
  coverTitle: 'Worksheets to print',
  coverFor: 'For: {audience}',
  coverVersion: 'Version {version}',
  coverUse:
    'Use these pages when the clips cannot play, or to take home. Each exercise starts on a new page.',
  module: 'Module: {module}',
  foundation: 'Foundation: always used',
  minutes: 'About {minutes} minutes',
  worksheet: 'Worksheet',
  scaleHint: 'Circle one number. 1 means not at all, 5 means very much.',
  choiceHint: 'Tick one.',
  summary: 'Key points',
  task: 'Try this before we meet again',
  diary: 'Diary',
  diaryNote: 'Write or draw your thoughts. This page is yours to keep.',
  pageNumber: 'Page {page} of {pages}',
}

export type PrintStrings = typeof en

const cy: PrintStrings = {
  documentTitle: "{toolkit}: taflenni gwaith i'w hargraffu",
  coverTitle: "Taflenni gwaith i'w hargraffu",
  coverFor: 'Ar gyfer: {audience}',
  coverVersion: 'Fersiwn {version}',
  coverUse:
    "Defnyddiwch y tudalennau hyn pan nad yw'r clipiau'n gallu chwarae, neu i fynd â nhw adref. Mae pob ymarfer yn dechrau ar dudalen newydd.",
  module: 'Modiwl: {module}',
  foundation: 'Sylfaen: bob amser yn cael ei ddefnyddio',
  minutes: 'Tua {minutes} munud',
  worksheet: 'Taflen waith',
  scaleHint:
    "Rhowch gylch o amgylch un rhif. Mae 1 yn golygu ddim o gwbl, mae 5 yn golygu'n fawr iawn.",
  choiceHint: 'Ticiwch un.',
  summary: 'Pwyntiau allweddol',
  task: 'Rhowch gynnig ar hyn cyn i ni gwrdd eto',
  diary: 'Dyddiadur',
  diaryNote: "Ysgrifennwch neu dynnwch lun o'ch meddyliau. Chi biau'r dudalen hon.",
  pageNumber: 'Tudalen {page} o {pages}',
}

/** The strings for a release locale: Welsh for `cy` and its regions, English otherwise. */
export function printStringsFor(locale: string): PrintStrings {
  return locale.toLowerCase().split('-')[0] === 'cy' ? cy : en
}

/** A string with its `{name}` values filled in; a name with no value is left as it was. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}

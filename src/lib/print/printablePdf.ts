import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'

import type { PrintableBlock, PrintableDocument } from '../../domain/print/printableWorksheets'
import { fill } from '../../domain/print/printStrings'

/**
 * Lays out the printable worksheets as a PDF, with pdfkit: pure JavaScript, so production needs
 * no browser. Big type and a plain layout for readers with low literacy or poor sight; DejaVu
 * Sans is embedded (subset) because the PDF standard fonts have no ŵ or ŷ for Welsh. The same
 * document and date give the same bytes, so a rebuilt release names the same file.
 */
export async function printablePdf(
  document: PrintableDocument,
  options: { createdAt: Date },
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: document.language,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: document.title,
      Creator: 'CDM Studio',
      Producer: 'CDM Studio',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve)
    pdf.on('error', reject)
  })
  pdf.registerFont(REGULAR, fontFile('DejaVuSans.ttf'))
  pdf.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'))

  pdf.font(BOLD).fontSize(30).text(document.cover.heading, { lineGap: 6 })
  pdf.moveDown(0.5)
  for (const line of document.cover.lines) {
    pdf.font(REGULAR).fontSize(BODY).text(line, { lineGap: LINE_GAP })
    pdf.moveDown(0.5)
  }
  for (const exercise of document.exercises) {
    pdf.addPage()
    pdf.font(REGULAR).fontSize(13).fillColor(MUTED).text(exercise.kicker.join('  ·  '))
    pdf.fillColor(INK).font(BOLD).fontSize(24).text(exercise.title, { lineGap: 4 })
    for (const section of exercise.sections) {
      pdf.moveDown(0.5)
      keepRoom(pdf, 60)
      pdf.font(BOLD).fontSize(18).text(section.heading)
      pdf.moveDown(0.2)
      for (const block of section.blocks) drawBlock(pdf, block)
    }
  }
  numberPages(pdf, document.pageNumber)
  pdf.end()
  await done
  return Buffer.concat(chunks)
}

const MARGIN = 48
// Large print: above the 12–14 pt of clear print, so low-vision readers need no enlarging.
const BODY = 15
const LINE_GAP = 3
const INK = '#000000'
// 7:1 against white: hints stay readable when photocopied.
const MUTED = '#404040'
const REGULAR = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
const RULE_SPACING = 28

type Pdf = InstanceType<typeof PDFDocument>

// Resolved from the project at run time, not from a bundle: Next would rewrite require.resolve.
const fontFile = (name: string) =>
  createRequire(path.join(process.cwd(), 'package.json')).resolve(`dejavu-fonts-ttf/ttf/${name}`)

const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom
const width = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right

/** Starts a new page unless `height` points still fit on this one. */
function keepRoom(pdf: Pdf, height: number) {
  if (pdf.y + height > bottom(pdf)) pdf.addPage()
}

function drawBlock(pdf: Pdf, block: PrintableBlock) {
  const left = pdf.page.margins.left
  switch (block.kind) {
    case 'text':
      pdf.font(REGULAR).fontSize(BODY).fillColor(INK).text(block.text, left, pdf.y, {
        lineGap: LINE_GAP,
      })
      pdf.moveDown(0.4)
      return
    case 'hint':
      pdf.font(REGULAR).fontSize(13).fillColor(MUTED).text(block.text, left, pdf.y, {
        lineGap: LINE_GAP,
      })
      pdf.fillColor(INK).moveDown(0.3)
      return
    case 'question':
      keepRoom(pdf, 80)
      pdf.moveDown(0.3)
      pdf
        .font(BOLD)
        .fontSize(BODY)
        .fillColor(INK)
        .text(`${block.number}. ${block.prompt}`, left, pdf.y, {
          lineGap: LINE_GAP,
        })
      pdf.moveDown(0.3)
      return
    case 'bullets':
      for (const item of block.items) {
        pdf.font(REGULAR).fontSize(BODY).fillColor(INK)
        keepRoom(pdf, 24)
        const y = pdf.y
        pdf.circle(left + 5, y + 10, 3).fill(INK)
        pdf.text(item, left + 20, y, { width: width(pdf) - 20, lineGap: LINE_GAP })
        pdf.moveDown(0.3)
      }
      pdf.x = left
      return
    case 'lines': {
      keepRoom(pdf, block.count * RULE_SPACING + 8)
      let y = pdf.y
      for (let i = 0; i < block.count; i++) {
        y += RULE_SPACING
        pdf
          .moveTo(left, y)
          .lineTo(left + width(pdf), y)
          .lineWidth(0.8)
          .stroke(MUTED)
      }
      pdf.y = y + 14
      return
    }
    case 'scale': {
      keepRoom(pdf, 60)
      const y = pdf.y + 22
      for (let n = block.from; n <= block.to; n++) {
        const x = left + 24 + (n - block.from) * 70
        pdf.circle(x, y, 20).lineWidth(1.2).stroke(INK)
        pdf
          .font(BOLD)
          .fontSize(BODY)
          .fillColor(INK)
          .text(String(n), x - 20, y - 9, {
            width: 40,
            align: 'center',
          })
      }
      pdf.x = left
      pdf.y = y + 36
      return
    }
    case 'choices':
      for (const option of block.options) {
        keepRoom(pdf, 30)
        const y = pdf.y
        pdf
          .rect(left, y + 2, 18, 18)
          .lineWidth(1.2)
          .stroke(INK)
        pdf
          .font(REGULAR)
          .fontSize(BODY)
          .fillColor(INK)
          .text(option, left + 30, y, {
            width: width(pdf) - 30,
            lineGap: LINE_GAP,
          })
        pdf.moveDown(0.4)
      }
      pdf.x = left
      return
  }
}

/** "Page 2 of 9" at the foot of every page, once the number of pages is known. */
function numberPages(pdf: Pdf, template: string) {
  const { start, count } = pdf.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i)
    const y = pdf.page.height - pdf.page.margins.bottom + 16
    // Writing below the bottom margin would start a new page; lift the margin for this line.
    const margin = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    pdf
      .font(REGULAR)
      .fontSize(12)
      .fillColor(MUTED)
      .text(fill(template, { page: i - start + 1, pages: count }), pdf.page.margins.left, y, {
        width: width(pdf),
        align: 'center',
        lineBreak: false,
      })
    pdf.page.margins.bottom = margin
  }
}

import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { ContractDocument } from '#app/domain/contracts.ts'

const require = createRequire(import.meta.url)
// DejaVu covers Latin (accents, Polish, Turkish, Nordic), Greek and Cyrillic names; embedded and subset.
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

export interface SignaturePageEntry {
  party: 'creator' | 'brand'
  signerName: string
  signerEmail: string
  forWhom: string
  signedAt: Date
  ip: string | null
  userAgent: string | null
  documentSha256: string
  consentText: string
}

/**
 * The contract as a PDF made by the app (pdfkit, text not images). With `signatures`, a last page lists
 * each signature's facts and the SHA-256 of the document both parties signed. `createdAt` fixes the
 * PDF's dates so the same inputs make the same bytes.
 */
export async function renderContractPdf(
  doc: ContractDocument,
  opts: { createdAt: Date; footer: string; signatures?: SignaturePageEntry[]; signedDocumentSha256?: string },
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: doc.title, Producer: 'Greenroom', Creator: 'Greenroom', CreationDate: opts.createdAt, ModDate: opts.createdAt },
    bufferPages: true,
  })
  const chunks: Buffer[] = []
  pdf.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  pdf.registerFont('body', FONT_REGULAR)
  pdf.registerFont('bold', FONT_BOLD)
  pdf.font('bold').fontSize(17).text(doc.title, { align: 'left' })
  pdf.moveDown(1)
  for (const s of doc.sections) {
    pdf.font('bold').fontSize(12).text(s.heading)
    pdf.moveDown(0.3)
    pdf.font('body').fontSize(10.5)
    for (const p of s.paragraphs) pdf.text(p, { align: 'left', lineGap: 2 }).moveDown(0.4)
    pdf.moveDown(0.6)
  }
  if (opts.signatures?.length) {
    pdf.addPage()
    pdf.font('bold').fontSize(15).text('Signature page')
    pdf.moveDown(0.5)
    pdf.font('body').fontSize(10).text('Both parties signed the document with this SHA-256 fingerprint:')
    pdf.font('bold').fontSize(9).text(opts.signedDocumentSha256 ?? '')
    pdf.moveDown(1)
    for (const s of opts.signatures) {
      pdf.font('bold').fontSize(12).text(s.party === 'creator' ? 'Creator' : 'Brand')
      pdf.font('body').fontSize(10)
      const lines: [string, string][] = [
        ['Signed by', `${s.signerName} <${s.signerEmail}>`],
        ['For', s.forWhom],
        ['When (UTC)', s.signedAt.toISOString()],
        ['IP address', s.ip ?? 'not recorded'],
        ['Browser', s.userAgent ?? 'not recorded'],
        ['Document SHA-256', s.documentSha256],
        ['Consent', s.consentText],
      ]
      for (const [k, v] of lines) pdf.text(`${k}: ${v}`, { lineGap: 1.5 })
      pdf.moveDown(1)
    }
  }
  const range = pdf.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i)
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    pdf.font('body').fontSize(8).fillColor('#555555').text(`${opts.footer} · page ${i + 1} of ${range.count}`, 64, pdf.page.height - 40, { lineBreak: false })
    pdf.page.margins.bottom = bottom
    pdf.fillColor('#000000')
  }
  pdf.end()
  return done
}

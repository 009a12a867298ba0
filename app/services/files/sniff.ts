/**
 * Decides a file's type from its first bytes (magic numbers), never its name or the browser's claim.
 * A small hand-written sniffer instead of `file-type`: we only accept a dozen formats, it runs on the
 * first chunk of a stream (no extra read), and it has no dependency. Pure; safe anywhere.
 */
import type { UploadPurpose } from '#app/domain/file-access.ts'

export type SniffedMime =
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/heic'
  | 'video/mp4'
  | 'video/quicktime'
  | 'video/webm'
  | 'application/pdf'


const IMAGES: SniffedMime[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic']

export const ALLOWED_TYPES: Record<UploadPurpose, readonly SniffedMime[]> = {
  draft: [...IMAGES, 'video/mp4', 'video/quicktime', 'video/webm'],
  brief_asset: ['application/pdf', ...IMAGES],
  tax_form: ['application/pdf', ...IMAGES],
  metric_evidence: ['application/pdf', ...IMAGES],
  /** Made by the app (contract PDFs), never uploaded. */
  contract: ['application/pdf'],
}

/** Bytes needed to decide (the EBML doctype of a webm sits within the first few dozen bytes). */
export const SNIFF_BYTES = 64

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to))

export function sniffMime(head: Uint8Array): SniffedMime | null {
  const b = (i: number) => head[i] ?? -1
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg'
  if (b(0) === 0x89 && ascii(head, 1, 4) === 'PNG' && b(4) === 0x0d && b(5) === 0x0a) return 'image/png'
  const six = ascii(head, 0, 6)
  if (six === 'GIF87a' || six === 'GIF89a') return 'image/gif'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf'
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12)
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic'
    if (brand === 'qt  ') return 'video/quicktime'
    if (/^(isom|iso[2-9]|mp41|mp42|avc1|M4V |M4VP|dash|mmp4|f4v )$/.test(brand)) return 'video/mp4'
    return null
  }
  if (b(0) === 0x1a && b(1) === 0x45 && b(2) === 0xdf && b(3) === 0xa3) {
    return ascii(head, 0, Math.min(head.length, SNIFF_BYTES)).includes('webm') ? 'video/webm' : null
  }
  return null
}

export function describeAllowed(purpose: UploadPurpose): string {
  const names: Record<SniffedMime, string> = {
    'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'image/heic': 'HEIC',
    'video/mp4': 'MP4', 'video/quicktime': 'MOV', 'video/webm': 'WebM', 'application/pdf': 'PDF',
  }
  return ALLOWED_TYPES[purpose].map((m) => names[m]).join(', ')
}

/**
 * The structured campaign brief (pure, browser-safe): the fields, an empty brief, normalising stored
 * JSON, and a readable field-by-field diff between two versions.
 */
import { JURISDICTIONS, type Jurisdiction } from './catalog.ts'

export interface BriefContent {
  overview: string
  keyMessages: string[]
  hashtags: string[]
  handles: string[]
  /** Products named in this campaign: on screen (or spoken) they are brand mentions for VD-03. */
  productNames: string[]
  links: string[]
  dos: string[]
  donts: string[]
  approvedClaims: string[]
  bannedWords: string[]
  productNotes: string
  shippingNotes: string
  deadlines: string[]
  jurisdiction: Jurisdiction
  /** Whether the media shows people retouched or generated (France: « Image retouchée » / « Image virtuelle », FR-02). */
  mediaAlteration: MediaAlteration
  /**
   * Images and PDFs attached to the brief (files rows, purpose brief_asset, served only by /files/:id).
   * They belong to a version like every other field: an upload lands in the draft, publishing carries it.
   */
  files: BriefFile[]
}

/** A file attached to a brief, as the brief's JSON keeps it (the files row is the source of the bytes). */
export interface BriefFile {
  id: string
  name: string
  mimeType: string
  sizeBytes: number
}

/** What the brief form edits: everything but the files, which have their own upload and remove. */
export type BriefText = Omit<BriefContent, 'files'>

/** At most this many files on one brief. */
export const MAX_BRIEF_FILES = 20

export const MEDIA_ALTERATIONS = ['none', 'retouched', 'generated'] as const
export type MediaAlteration = (typeof MEDIA_ALTERATIONS)[number]
/** Loi n° 2023-451, art. 5 II: silhouettes or faces edited by image processing, or produced by AI. */
export const MEDIA_ALTERATION_LABEL: Record<MediaAlteration, string> = {
  none: 'Neither retouched nor generated',
  retouched: 'Retouched (a body or face edited)',
  generated: 'Generated (a body or face made by AI)',
}

export type BriefField = keyof BriefContent

export const BRIEF_LIST_FIELDS = [
  'keyMessages',
  'hashtags',
  'handles',
  'productNames',
  'links',
  'dos',
  'donts',
  'approvedClaims',
  'bannedWords',
  'deadlines',
] as const satisfies readonly BriefField[]
export type BriefListField = (typeof BRIEF_LIST_FIELDS)[number]

export const BRIEF_TEXT_FIELDS = ['overview', 'productNotes', 'shippingNotes'] as const satisfies readonly BriefField[]

/** Field labels in the order the brief is shown. */
export const BRIEF_FIELD_LABEL: Record<BriefField, string> = {
  overview: 'Overview',
  keyMessages: 'Key messages',
  hashtags: 'Mandatory hashtags',
  handles: 'Mandatory @handles',
  productNames: 'Products named in this campaign',
  links: 'Mandatory links',
  dos: "Do's",
  donts: "Don'ts",
  approvedClaims: 'Approved claims',
  bannedWords: 'Banned words',
  productNotes: 'Product notes',
  shippingNotes: 'Shipping notes',
  deadlines: 'Deadlines',
  jurisdiction: 'Disclosure rules',
  mediaAlteration: 'Retouched or generated media',
  files: 'Files',
}

export const BRIEF_FIELDS = Object.keys(BRIEF_FIELD_LABEL) as BriefField[]

export const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  US: 'United States (FTC)',
  UK: 'United Kingdom (CMA / ASA)',
  IE: 'Ireland (CCPC / ASAI)',
  FR: 'France (loi influence commerciale)',
  DE: 'Germany (UWG / Medienanstalten)',
}

export function emptyBrief(jurisdiction: Jurisdiction = 'US'): BriefContent {
  return {
    overview: '',
    keyMessages: [],
    hashtags: [],
    handles: [],
    productNames: [],
    links: [],
    dos: [],
    donts: [],
    approvedClaims: [],
    bannedWords: [],
    productNotes: '',
    shippingNotes: '',
    deadlines: [],
    jurisdiction,
    mediaAlteration: 'none',
    files: [],
  }
}

/** Read stored JSON (possibly partial or old) as a complete BriefContent. */
export function toBriefContent(value: unknown, fallbackJurisdiction: Jurisdiction = 'US'): BriefContent {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  const out = emptyBrief(fallbackJurisdiction)
  for (const f of BRIEF_TEXT_FIELDS) if (typeof v[f] === 'string') out[f] = v[f] as string
  for (const f of BRIEF_LIST_FIELDS) if (Array.isArray(v[f])) out[f] = (v[f] as unknown[]).filter((x): x is string => typeof x === 'string')
  if (typeof v.jurisdiction === 'string' && (JURISDICTIONS as readonly string[]).includes(v.jurisdiction)) out.jurisdiction = v.jurisdiction as Jurisdiction
  if (typeof v.mediaAlteration === 'string' && (MEDIA_ALTERATIONS as readonly string[]).includes(v.mediaAlteration)) out.mediaAlteration = v.mediaAlteration as MediaAlteration
  if (Array.isArray(v.files)) out.files = v.files.filter(isBriefFile).map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, sizeBytes: f.sizeBytes }))
  return out
}

function isBriefFile(x: unknown): x is BriefFile {
  const f = x as Partial<BriefFile> | null
  return Boolean(f && typeof f.id === 'string' && typeof f.name === 'string' && typeof f.mimeType === 'string' && typeof f.sizeBytes === 'number')
}

/** One line per item: trims, drops blanks and exact duplicates. */
export function linesToList(text: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line && !seen.has(line)) {
      seen.add(line)
      out.push(line)
    }
  }
  return out
}

export type BriefChange =
  | { field: BriefField; label: string; kind: 'text'; before: string; after: string }
  | { field: BriefField; label: string; kind: 'list'; added: string[]; removed: string[] }

/** What changed from `before` to `after`, field by field, in display order. Empty when identical. */
export function diffBriefs(before: BriefContent, after: BriefContent): BriefChange[] {
  const changes: BriefChange[] = []
  for (const field of BRIEF_FIELDS) {
    const label = BRIEF_FIELD_LABEL[field]
    if (field === 'files') {
      // Files are compared by their id (two uploads may share a name); the diff names them.
      const had = new Set(before.files.map((f) => f.id))
      const has = new Set(after.files.map((f) => f.id))
      const added = after.files.filter((f) => !had.has(f.id)).map((f) => f.name)
      const removed = before.files.filter((f) => !has.has(f.id)).map((f) => f.name)
      if (added.length || removed.length) changes.push({ field, label, kind: 'list', added, removed })
      continue
    }
    const a = before[field]
    const b = after[field]
    if (Array.isArray(a) && Array.isArray(b)) {
      const added = b.filter((x) => !a.includes(x))
      const removed = a.filter((x) => !b.includes(x))
      const reordered = !added.length && !removed.length && a.join('\n') !== b.join('\n')
      if (added.length || removed.length) changes.push({ field, label, kind: 'list', added, removed })
      else if (reordered) changes.push({ field, label, kind: 'text', before: a.join(', '), after: b.join(', ') })
    } else if (a !== b) {
      const show = (x: unknown) => (field === 'jurisdiction' ? JURISDICTION_LABEL[x as Jurisdiction] : field === 'mediaAlteration' ? MEDIA_ALTERATION_LABEL[x as MediaAlteration] : String(x))
      changes.push({ field, label, kind: 'text', before: show(a), after: show(b) })
    }
  }
  return changes
}

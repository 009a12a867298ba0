/**
 * Invoice numbers: what a payee may type, and the normalized form used for "unique per payee" and
 * duplicate detection. Pure (no I/O).
 *
 * Normalization (documented rule): Unicode NFKC, upper-case, leading zeros dropped from every run of
 * digits ("0042" -> "42", "000" -> "0"), then separators removed: spaces, - _ . / \ # and Unicode
 * dashes. So "INV-0042", "inv 42", "Inv_42", "INV#042" and "INV42" are the same number; "INV-42" and
 * "INV-420" are not. Zeros are dropped per run BEFORE separators go, so "2024-001" = "2024-1" = "20241".
 */

export const INVOICE_NUMBER_MAX_LENGTH = 40

const SEPARATORS = /[\s\-_./\\#\u2010-\u2015\u2212]+/gu

/** The comparison key of an invoice number (see the header). May be '' for input with no letters or digits. */
export function normalizeInvoiceNumber(s: string): string {
  return s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, ''))
    .replace(SEPARATORS, '')
}

export type InvoiceNumberResult = { ok: true; value: string; normalized: string } | { ok: false; error: string }

/**
 * Check an invoice number typed by a payee: trimmed, 1–40 characters, printable (no control or
 * invisible formatting characters, no line breaks), with at least one letter or digit.
 * Returns the trimmed value to store and its normalized key.
 */
export function validateInvoiceNumber(s: string): InvoiceNumberResult {
  if (typeof s !== 'string') return { ok: false, error: 'Enter the invoice number.' }
  const value = s.trim()
  if (value === '') return { ok: false, error: 'Enter the invoice number.' }
  if ([...value].length > INVOICE_NUMBER_MAX_LENGTH) return { ok: false, error: `Use at most ${INVOICE_NUMBER_MAX_LENGTH} characters.` }
  if (/[\p{C}\u2028\u2029]/u.test(value)) return { ok: false, error: 'Use only letters, digits, spaces and punctuation (no line breaks or hidden characters).' }
  const normalized = normalizeInvoiceNumber(value)
  if (!/[\p{L}\p{N}]/u.test(normalized)) return { ok: false, error: 'The invoice number needs at least one letter or digit.' }
  return { ok: true, value, normalized }
}

import { describe, expect, it } from 'vitest'
import { normalizeInvoiceNumber, validateInvoiceNumber } from '#app/domain/invoice-number.ts'

describe('normalizeInvoiceNumber', () => {
  it('treats "INV-0042" and "inv 42" as the same number', () => {
    expect(normalizeInvoiceNumber('INV-0042')).toBe('INV42')
    expect(normalizeInvoiceNumber('inv 42')).toBe('INV42')
  })
  it.each(['INV-0042', 'inv 42', 'Inv_42', 'INV.042', 'inv/42', 'INV#0042', ' INV – 42 ', 'INV\\42', 'INV42', 'ＩＮＶ４２'])(
    '%s -> INV42',
    (s) => {
      expect(normalizeInvoiceNumber(s)).toBe('INV42')
    },
  )
  it('keeps numbers that differ apart', () => {
    expect(normalizeInvoiceNumber('INV-42')).not.toBe(normalizeInvoiceNumber('INV-420'))
    expect(normalizeInvoiceNumber('INV-42')).not.toBe(normalizeInvoiceNumber('INV-43'))
    expect(normalizeInvoiceNumber('A-1')).not.toBe(normalizeInvoiceNumber('B-1'))
  })
  it('drops leading zeros of every digit run before removing separators', () => {
    // "2024-001": runs 2024 and 001 -> 2024 and 1 -> "20241"
    expect(normalizeInvoiceNumber('2024-001')).toBe('20241')
    expect(normalizeInvoiceNumber('2024-1')).toBe('20241')
    // zeros inside or at the end of a run stay
    expect(normalizeInvoiceNumber('INV-1000')).toBe('INV1000')
    expect(normalizeInvoiceNumber('INV-1002')).toBe('INV1002')
  })
  it('keeps a single zero for an all-zero run', () => {
    expect(normalizeInvoiceNumber('000')).toBe('0')
    expect(normalizeInvoiceNumber('INV-000')).toBe('INV0')
  })
  it('gives "" when there is nothing but separators', () => {
    expect(normalizeInvoiceNumber(' - / . ')).toBe('')
  })
})

describe('validateInvoiceNumber', () => {
  it('accepts and trims a normal number', () => {
    expect(validateInvoiceNumber('  INV-0042 ')).toEqual({ ok: true, value: 'INV-0042', normalized: 'INV42' })
    expect(validateInvoiceNumber('7')).toEqual({ ok: true, value: '7', normalized: '7' })
    expect(validateInvoiceNumber('Facture n° 12/2026')).toMatchObject({ ok: true, value: 'Facture n° 12/2026' })
  })
  it('accepts exactly 40 characters and refuses 41', () => {
    expect(validateInvoiceNumber('A'.repeat(40)).ok).toBe(true)
    expect(validateInvoiceNumber('A'.repeat(41))).toEqual({ ok: false, error: 'Use at most 40 characters.' })
  })
  it('refuses empty input', () => {
    expect(validateInvoiceNumber('')).toEqual({ ok: false, error: 'Enter the invoice number.' })
    expect(validateInvoiceNumber('   ')).toEqual({ ok: false, error: 'Enter the invoice number.' })
  })
  it('refuses control and invisible characters', () => {
    for (const bad of ['INV\n42', 'INV\t42', 'INV\u0000', 'INV\u200b42', 'INV\u202e42', 'INV\u202842']) {
      expect(validateInvoiceNumber(bad).ok, JSON.stringify(bad)).toBe(false)
    }
  })
  it('refuses a number with no letter or digit', () => {
    expect(validateInvoiceNumber('---')).toEqual({ ok: false, error: 'The invoice number needs at least one letter or digit.' })
    expect(validateInvoiceNumber('#').ok).toBe(false)
  })
})

import { describe, expect, test } from 'vitest'
import {
  currencyDigits,
  formatDateUTC,
  formatIsoUTC,
  formatMoneyExact,
  humanizeStatus,
  relativeDue,
  statusInfo,
  toMinorBigInt,
  utcDayNumber,
} from '#app/components/format.ts'

describe('formatMoneyExact', () => {
  test('formats large amounts exactly (no float artefacts)', () => {
    expect(formatMoneyExact(123456789012345, 'USD')).toBe('$1,234,567,890,123.45')
    // Beyond Number.MAX_SAFE_INTEGER: only exact as a bigint or a string.
    expect(formatMoneyExact(12345678901234567890n, 'USD')).toBe('$123,456,789,012,345,678.90')
    expect(formatMoneyExact('12345678901234567890', 'USD')).toBe('$123,456,789,012,345,678.90')
    // The largest safe integer still formats digit for digit.
    expect(formatMoneyExact(9007199254740991, 'USD')).toBe('$90,071,992,547,409.91')
  })

  test('small and negative amounts keep the sign and pad the cents', () => {
    expect(formatMoneyExact(0, 'USD')).toBe('$0.00')
    expect(formatMoneyExact(5, 'USD')).toBe('$0.05')
    expect(formatMoneyExact(-5, 'USD')).toBe('-$0.05')
    expect(formatMoneyExact(-180000, 'USD')).toBe('-$1,800.00')
    expect(formatMoneyExact(180000, 'usd')).toBe('$1,800.00')
    expect(formatMoneyExact(-1n, 'USD')).toBe('-$0.01')
  })

  test('uses the currency’s own number of minor digits', () => {
    expect(currencyDigits('USD')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
    expect(formatMoneyExact(0, 'JPY')).toBe('¥0')
    expect(formatMoneyExact(1500, 'JPY')).toBe('¥1,500')
    expect(formatMoneyExact(-1500, 'JPY')).toBe('-¥1,500')
    expect(formatMoneyExact(1234567, 'KWD')).toMatch(/^KWD\s1,234\.567$/)
    expect(formatMoneyExact(123456, 'EUR')).toBe('€1,234.56')
    expect(formatMoneyExact(123456, 'GBP')).toBe('£1,234.56')
  })

  test('follows the locale’s separators and sign placement', () => {
    expect(formatMoneyExact(123456789, 'EUR', 'de-DE')).toBe('1.234.567,89\u00a0€')
    expect(formatMoneyExact(-5, 'EUR', 'de-DE')).toBe('-0,05\u00a0€')
  })

  test('unknown currency codes fall back to the code', () => {
    expect(formatMoneyExact(-123456, 'ZZ1')).toBe('-ZZ1 1,234.56')
  })

  test('rejects amounts that are not whole minor units', () => {
    expect(() => toMinorBigInt(1.5)).toThrow(RangeError)
    expect(() => toMinorBigInt('12.50')).toThrow(RangeError)
    expect(toMinorBigInt(' -42 ')).toBe(-42n)
  })
})

describe('relativeDue', () => {
  const now = new Date('2026-11-25T23:30:00Z')

  test('counts UTC calendar days, not 24-hour periods', () => {
    // 31 minutes later, but the next UTC day.
    expect(relativeDue('2026-11-26T00:01:00Z', now)).toEqual({ days: 1, text: 'due tomorrow', tone: 'warning' })
    // Earlier the same UTC day: still today, not late.
    expect(relativeDue('2026-11-25T00:00:00Z', now)).toEqual({ days: 0, text: 'due today', tone: 'warning' })
    expect(relativeDue('2026-11-25T23:59:59Z', now).text).toBe('due today')
  })

  test('today, tomorrow, in N days', () => {
    expect(relativeDue('2026-11-25', now).text).toBe('due today')
    expect(relativeDue('2026-11-26', now).text).toBe('due tomorrow')
    expect(relativeDue('2026-11-28', now)).toEqual({ days: 3, text: 'due in 3 days', tone: 'neutral' })
    expect(relativeDue('2026-12-25', now).text).toBe('due in 30 days')
  })

  test('late is counted in days and is danger', () => {
    expect(relativeDue('2026-11-24T23:59:59Z', now)).toEqual({ days: -1, text: '1 day late', tone: 'danger' })
    expect(relativeDue('2026-11-23', now)).toEqual({ days: -2, text: '2 days late', tone: 'danger' })
  })

  test('just after UTC midnight, yesterday late in the evening is already 1 day late', () => {
    const justAfter = new Date('2026-11-26T00:00:30Z')
    expect(relativeDue('2026-11-25T23:59:00Z', justAfter).text).toBe('1 day late')
    expect(relativeDue('2026-11-26T23:59:00Z', justAfter).text).toBe('due today')
    expect(relativeDue(new Date('2026-11-27T00:00:00Z'), justAfter).text).toBe('due tomorrow')
  })

  test('across a month and year boundary', () => {
    const nye = new Date('2026-12-31T12:00:00Z')
    expect(relativeDue('2027-01-01', nye).text).toBe('due tomorrow')
    expect(relativeDue('2027-01-03', nye).text).toBe('due in 3 days')
    expect(utcDayNumber('2027-01-01') - utcDayNumber('2026-12-31T23:59:59Z')).toBe(1)
  })
})

describe('dates in UTC', () => {
  test('stable server text', () => {
    expect(formatDateUTC('2026-11-25T14:05:00Z')).toBe('Nov 25, 2026, 14:05 UTC')
    expect(formatDateUTC('2026-11-25T14:05:00Z', true)).toBe('Nov 25, 2026')
    expect(formatDateUTC(new Date('2026-01-03T00:00:00Z'))).toBe('Jan 3, 2026, 00:00 UTC')
    expect(formatDateUTC('2026-11-25')).toBe('Nov 25, 2026, 00:00 UTC')
  })

  test('hover titles', () => {
    expect(formatIsoUTC('2026-11-25T14:05:59Z')).toBe('2026-11-25 14:05 UTC')
    expect(formatIsoUTC('2026-11-25')).toBe('2026-11-25')
  })
})

describe('statuses', () => {
  test('known statuses have a tone and a human label', () => {
    expect(statusInfo('draft_submitted')).toEqual({ tone: 'info', label: 'Draft submitted' })
    expect(statusInfo('do_not_work')).toEqual({ tone: 'danger', label: 'Do not work with' })
    expect(statusInfo('changes_requested')).toEqual({ tone: 'warning', label: 'Changes requested' })
    expect(statusInfo('paid')).toEqual({ tone: 'success', label: 'Paid' })
  })

  test('unknown statuses are neutral and humanized', () => {
    expect(statusInfo('awaiting_tax_form')).toEqual({ tone: 'neutral', label: 'Awaiting tax form' })
    expect(statusInfo('toString')).toEqual({ tone: 'neutral', label: 'Tostring' })
    expect(humanizeStatus('needs-review')).toBe('Needs review')
  })
})

describe('components render accessible, exact markup (server render)', async () => {
  const { createElement: h } = await import('react')
  const { renderToStaticMarkup } = await import('react-dom/server')
  const ui = await import('#app/components/ui.tsx')

  test('Money renders the exact amount with tabular numbers', () => {
    expect(renderToStaticMarkup(h(ui.Money, { minor: 123456789012345, currency: 'USD' }))).toBe(
      '<span class="num money" title="USD">$1,234,567,890,123.45</span>',
    )
  })

  test('a field with an error is invalid and described by its error and hint', () => {
    const html = renderToStaticMarkup(h(ui.TextField, { label: 'Email', name: 'email', error: 'Enter an email.', hint: 'We never share it.' }))
    const id = /<input[^>]* id="([^"]+)"/.exec(html)?.[1]
    expect(id).toBeTruthy()
    expect(html).toContain(`<label class="field-label" for="${id}">Email</label>`)
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain(`aria-describedby="${id}-error ${id}-hint"`)
    expect(html).toContain(`<div class="field-error" id="${id}-error">`)
    expect(html).toContain(`<div class="field-hint" id="${id}-hint">We never share it.</div>`)
  })

  test('a valid field has no aria-invalid and only its hint', () => {
    const html = renderToStaticMarkup(h(ui.TextField, { label: 'Name', name: 'name', error: [] }))
    expect(html).not.toContain('aria-invalid')
    expect(html).not.toContain('aria-describedby')
    expect(html).not.toContain('field-error')
  })

  test('a pending button is disabled, busy and says what is happening', () => {
    const html = renderToStaticMarkup(h(ui.Button, { variant: 'primary', pending: true, pendingText: 'Sending…', type: 'submit' }, 'Send'))
    expect(html).toContain('disabled=""')
    expect(html).toContain('aria-busy="true"')
    expect(html).toContain('Sending…')
    expect(html).not.toContain('>Send<')
  })

  test('status chips carry text, not only colour', () => {
    expect(renderToStaticMarkup(h(ui.StatusChip, { status: 'post_changes_requested' }))).toContain('>Post changes requested</span>')
    expect(renderToStaticMarkup(h(ui.RelativeDue, { due: '2026-11-23', now: new Date('2026-11-25T08:00:00Z') }))).toContain(
      'class="chip chip-danger"',
    )
  })

  test('DateTime server-renders stable UTC text with the absolute time on hover', () => {
    expect(renderToStaticMarkup(h(ui.DateTime, { value: '2026-11-25T14:05:00Z' }))).toBe(
      '<time dateTime="2026-11-25T14:05:00.000Z" title="2026-11-25 14:05 UTC">Nov 25, 2026, 14:05 UTC</time>',
    )
    expect(renderToStaticMarkup(h(ui.DateTime, { value: '2026-11-25', dateOnly: true }))).toContain('>Nov 25, 2026</time>')
  })

  test('FormError renders nothing without errors and an alert with them', () => {
    expect(renderToStaticMarkup(h(ui.FormError, { errors: null }))).toBe('')
    expect(renderToStaticMarkup(h(ui.FormError, { errors: 'Try again.' }))).toBe('<div class="form-error" role="alert"><p>Try again.</p></div>')
  })
})

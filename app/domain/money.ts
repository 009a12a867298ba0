/**
 * Money in integer minor units (cents) plus an ISO 4217 currency code — never floats.
 * Pure (no I/O, no Node APIs): runs in the browser and on the server.
 *
 * Rules a reviewer should know:
 * - Exponents: USD, EUR, GBP, CAD, AUD = 2; JPY = 0. Any other well-formed code uses what Intl knows
 *   for it (KWD = 3), else 2.
 * - formatMoney splits major/minor parts with bigint arithmetic; Intl only supplies grouping, symbol
 *   and sign placement, so there are no float artefacts at any size.
 * - splitByBasisPoints: the part is rounded to the nearest minor unit, halves away from zero
 *   (for non-negative totals: "round half up"); the rest is total - part, so part + rest === total.
 * - allocate: largest-remainder method, exact (bigint), ties go to the earlier index.
 */

const KNOWN_EXPONENTS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  JPY: 0,
}

/** Largest amount parseMoney accepts, in major units (1 trillion). */
export const MAX_MAJOR_UNITS = 1_000_000_000_000

const CURRENCY_CODE = /^[A-Z]{3}$/

function normalizeCode(currency: string): string {
  const code = currency.trim().toUpperCase()
  if (!CURRENCY_CODE.test(code)) throw new RangeError(`Not a currency code: "${currency}"`)
  return code
}

/** Number of minor-unit digits: USD 2, JPY 0, KWD 3 (via Intl), 2 for codes Intl does not know. Throws on a malformed code. */
export function currencyExponent(currency: string): number {
  const code = normalizeCode(currency)
  const known = KNOWN_EXPONENTS[code]
  if (known !== undefined) return known
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

function toBigIntMinor(minor: number | bigint): bigint {
  if (typeof minor === 'bigint') return minor
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be a safe integer number of minor units, got ${minor}`)
  return BigInt(minor)
}

const formatters = new Map<string, Intl.NumberFormat | null>()

/** Building an Intl.NumberFormat costs far more than using one: one per locale and currency, kept. */
function currencyFormatter(locale: string, code: string, exp: number): Intl.NumberFormat | null {
  const key = `${locale}|${code}`
  let nf = formatters.get(key)
  if (nf === undefined) {
    try {
      nf = new Intl.NumberFormat(locale, { style: 'currency', currency: code, minimumFractionDigits: exp, maximumFractionDigits: exp })
    } catch {
      nf = null // a code Intl does not know: "ZZZ 1,234.56"
    }
    formatters.set(key, nf)
  }
  return nf
}

function groupAscii(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * "$1,800.00", "€12.50", "-$3.00", "¥1,500". Exact for any safe-integer number or any bigint.
 * Default locale en-US. A code Intl does not know is shown as "ZZZ 1,234.56".
 */
export function formatMoney(minor: number | bigint, currency: string, opts: { locale?: string } = {}): string {
  const code = normalizeCode(currency)
  const locale = opts.locale ?? 'en-US'
  const amount = toBigIntMinor(minor)
  const negative = amount < 0n
  const abs = negative ? -amount : amount
  const exp = currencyExponent(code)
  const divisor = 10n ** BigInt(exp)
  const major = abs / divisor
  const fraction = exp > 0 ? (abs % divisor).toString().padStart(exp, '0') : ''

  const nf = currencyFormatter(locale, code, exp)
  if (!nf) return `${negative ? '-' : ''}${code} ${groupAscii(major.toString())}${exp > 0 ? `.${fraction}` : ''}`
  // en-US (every page's locale) groups Latin digits in threes with ","; other locales ask Intl.
  const plain = locale === 'en-US'
  // The grouped integer part of |major| (bigint formatting is exact).
  const integer = plain
    ? groupAscii(major.toString())
    : nf
        .formatToParts(major)
        .filter((p) => p.type === 'integer' || p.type === 'group')
        .map((p) => p.value)
        .join('')
  // The fraction in the locale's digits.
  const fractionText = exp === 0 ? '' : plain ? fraction : fractionFormatter(locale, exp).format(BigInt(fraction))
  // Where the sign, symbol and separators go: a template formatted from ±1 (kept per formatter).
  let integerDone = false
  let out = ''
  for (const p of templateOf(nf, negative)) {
    if (p.type === 'integer' || p.type === 'group') {
      if (integerDone) continue
      integerDone = true
      out += integer
    } else out += p.type === 'fraction' ? fractionText : p.value
  }
  return out
}

const fractionFormatters = new Map<string, Intl.NumberFormat>()
function fractionFormatter(locale: string, exp: number): Intl.NumberFormat {
  const key = `${locale}|${exp}`
  let nf = fractionFormatters.get(key)
  if (!nf) fractionFormatters.set(key, (nf = new Intl.NumberFormat(locale, { minimumIntegerDigits: exp, useGrouping: false })))
  return nf
}

const templates = new WeakMap<Intl.NumberFormat, { pos: Intl.NumberFormatPart[]; neg: Intl.NumberFormatPart[] }>()
function templateOf(nf: Intl.NumberFormat, negative: boolean): Intl.NumberFormatPart[] {
  let t = templates.get(nf)
  if (!t) templates.set(nf, (t = { pos: nf.formatToParts(1n), neg: nf.formatToParts(-1n) }))
  return negative ? t.neg : t.pos
}

/** Plain decimal text for a form field: (180050, 'USD') -> "1800.50", (-5, 'USD') -> "-0.05", (1500, 'JPY') -> "1500". */
export function toDecimalString(minor: number | bigint, currency: string): string {
  const amount = toBigIntMinor(minor)
  const exp = currencyExponent(currency)
  const negative = amount < 0n
  const abs = negative ? -amount : amount
  const divisor = 10n ** BigInt(exp)
  const major = (abs / divisor).toString()
  const frac = exp > 0 ? `.${(abs % divisor).toString().padStart(exp, '0')}` : ''
  return `${negative ? '-' : ''}${major}${frac}`
}

// ---------------------------------------------------------------------------------------------------
// Parsing what a person typed
// ---------------------------------------------------------------------------------------------------

export type ParseMoneyResult = { ok: true; minor: number } | { ok: false; error: string }

/** Symbols accepted in front of (or after) an amount, per currency. */
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  USD: ['US$', '$'],
  CAD: ['CA$', 'C$', '$'],
  AUD: ['AU$', 'A$', '$'],
  EUR: ['€'],
  GBP: ['£'],
  JPY: ['¥', '￥', 'JP¥'],
}
const ANY_SYMBOL = /[$€£¥￥₹₩₽₺₪฿]/

/** The symbols accepted for `currency` ("$" and "US$" for USD, "£" for GBP; none for a code without one). */
export function currencySymbols(currency: string): readonly string[] {
  return SYMBOLS[normalizeCode(currency)] ?? []
}

/** The refusal for an amount written in another currency: names the one expected and how to write it. */
function wrongCurrency(code: string): string {
  const symbol = SYMBOLS[code]?.find((x) => x.length === 1)
  return `This amount is in ${code}: write it like ${symbol ? `${symbol}1,800 or ` : ''}1,800 ${code}, or just the number.`
}

/**
 * Drop `currency`'s own code or symbol around a number typed for it ("£0.005", "0.25 GBP" -> "0.005",
 * "0.25"), for fields with their own number rules (EMV values); another currency's symbol or code is
 * refused with the same sentence as parseMoney's.
 */
export function stripOwnCurrency(input: string, currency: string): { ok: true; text: string } | { ok: false; error: string } {
  const code = normalizeCode(currency)
  let s = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim()
  const upper = s.toUpperCase()
  if (upper.startsWith(code)) s = s.slice(3).trim()
  else if (upper.endsWith(code)) s = s.slice(0, -3).trim()
  else if (/^[A-Z]{3}\s*[-\u2212]?[$€£¥￥\d.]/i.test(s) || /[\d.]\s*[A-Z]{3}$/i.test(s)) return { ok: false, error: wrongCurrency(code) }
  const symbols = SYMBOLS[code] ?? []
  const front = symbols.find((sym) => s.startsWith(sym))
  if (front !== undefined) s = s.slice(front.length).trim()
  else {
    const back = symbols.find((sym) => s.endsWith(sym))
    if (back !== undefined) s = s.slice(0, -back.length).trim()
  }
  if (ANY_SYMBOL.test(s)) return { ok: false, error: wrongCurrency(code) }
  return { ok: true, text: s }
}

const NUMBER_SHAPE = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/

/**
 * Parse an amount typed into a form: "1800", "1,800.5", "$1,800.50", " 1800.00 ", "USD 1,800", "1800 usd".
 * Commas are thousands separators only (groups of three); the decimal separator is ".".
 * Rejects negatives (unless opts.allowNegative), more decimals than the currency has, exponents ("1e5"),
 * "NaN"/"Infinity", another currency's symbol, empty input and more than 1,000,000,000,000 major units.
 * Errors are plain sentences for a form field. Never returns -0.
 */
export function parseMoney(input: string, currency: string, opts: { allowNegative?: boolean } = {}): ParseMoneyResult {
  const code = normalizeCode(currency)
  const exp = currencyExponent(code)
  if (typeof input !== 'string') return { ok: false, error: 'Enter an amount.' }
  let s = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim()
  if (s === '') return { ok: false, error: 'Enter an amount.' }
  if (s.length > 64) return { ok: false, error: 'That amount is too long.' }
  const invalid = { ok: false as const, error: `Enter an amount like ${exp > 0 ? `1,800.${'0'.repeat(exp)}` : '1,800'}.` }

  // Sign: a leading "-" (or the Unicode minus), before or after the symbol.
  let negative = false
  const takeSign = () => {
    if (/^[-\u2212]/.test(s)) {
      if (negative) return false
      negative = true
      s = s.slice(1).trim()
    }
    return true
  }
  if (!takeSign()) return invalid

  // The ISO code before or after the number ("USD 1,800" / "1,800 USD").
  const upper = s.toUpperCase()
  if (upper.startsWith(code)) s = s.slice(3).trim()
  else if (upper.endsWith(code)) s = s.slice(0, -3).trim()
  else if (/^[A-Z]{3}\s*[-\u2212]?[$€£¥￥\d.]/i.test(s) || /[\d.]\s*[A-Z]{3}$/i.test(s)) {
    return { ok: false, error: wrongCurrency(code) }
  }
  if (!takeSign()) return invalid

  // A symbol of this currency, in front or behind.
  const symbols = SYMBOLS[code] ?? []
  const front = symbols.find((sym) => s.startsWith(sym))
  if (front !== undefined) s = s.slice(front.length).trim()
  else {
    const back = symbols.find((sym) => s.endsWith(sym))
    if (back !== undefined) s = s.slice(0, -back.length).trim()
  }
  if (!takeSign()) return invalid
  if (ANY_SYMBOL.test(s)) return { ok: false, error: wrongCurrency(code) }

  const m = NUMBER_SHAPE.exec(s)
  if (!m) return invalid
  const intDigits = (m[1] ?? '0').replace(/,/g, '')
  const fracDigits = m[2] ?? m[3] ?? ''
  if (fracDigits.length > exp) {
    return {
      ok: false,
      error: exp === 0 ? `${code} amounts have no decimal places.` : `Use at most ${exp} decimal place${exp === 1 ? '' : 's'}.`,
    }
  }
  const trimmedInt = intDigits.replace(/^0+(?=\d)/, '')
  if (trimmedInt.length > String(MAX_MAJOR_UNITS).length) return { ok: false, error: 'That amount is too large (at most 1,000,000,000,000).' }
  const minorBig = BigInt(trimmedInt) * 10n ** BigInt(exp) + BigInt(fracDigits.padEnd(exp, '0') || '0')
  if (minorBig > BigInt(MAX_MAJOR_UNITS) * 10n ** BigInt(exp)) {
    return { ok: false, error: 'That amount is too large (at most 1,000,000,000,000).' }
  }
  if (negative && minorBig !== 0n && !opts.allowNegative) return { ok: false, error: 'The amount can’t be negative.' }
  const minor = Number(minorBig)
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor }
}

/**
 * parseMoney for callers that only need the number (CSV imports, form fields that word their own
 * error): the minor units, or null when the text is not an amount in `currency`.
 */
export function parseMoneyOrNull(input: string, currency: string): number | null {
  const r = parseMoney(input, currency)
  return r.ok ? r.minor : null
}

// ---------------------------------------------------------------------------------------------------
// Splits and sums
// ---------------------------------------------------------------------------------------------------

/**
 * Split `total` by a rate in basis points (1500 = 15%): part = total × bps / 10000 rounded to the
 * nearest minor unit, halves away from zero (so for a non-negative total: round half up; and
 * split(-t) = -split(t)). rest = total - part, so part + rest === total always.
 * Example: 15% of 333 cents = 49.95 -> 50, rest 283. Throws on a non-safe-integer total or bps
 * outside 0..10000 (non-integer bps are refused: 12.5% is 1250 bps).
 */
export function splitByBasisPoints(total: number, bps: number): { part: number; rest: number } {
  if (!Number.isSafeInteger(total)) throw new RangeError(`total must be a safe integer of minor units, got ${total}`)
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError(`basis points must be an integer 0..10000, got ${bps}`)
  const negative = total < 0
  const n = BigInt(negative ? -total : total) * BigInt(bps)
  let q = n / 10_000n
  if ((n % 10_000n) * 2n >= 10_000n) q += 1n
  const magnitude = Number(q)
  const part = negative && magnitude !== 0 ? -magnitude : magnitude
  return { part, rest: total - part }
}

/** A finite non-negative double as an exact rational: value = mantissa × 2^exponent. */
function exactBinary(x: number): { mantissa: bigint; exponent: number } {
  if (x === 0) return { mantissa: 0n, exponent: 0 }
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const bits = view.getBigUint64(0)
  const rawExp = Number((bits >> 52n) & 0x7ffn)
  const frac = bits & 0xfffffffffffffn
  return rawExp === 0 ? { mantissa: frac, exponent: -1074 } : { mantissa: frac | (1n << 52n), exponent: rawExp - 1075 }
}

/**
 * Split `total` minor units in proportion to `weights` by the largest-remainder method: everyone gets
 * floor(total × w / W), and the units left over go one each to the largest remainders, ties to the
 * earlier index. The result sums exactly to `total`; a zero weight always gets 0. Arithmetic is exact
 * (bigint; fractional weights such as 0.1 are taken at their exact binary value). A negative total is
 * allocated as -(allocate(-total)). Throws on an empty list, a negative/non-finite weight, all-zero
 * weights or a non-safe-integer total.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`total must be a safe integer of minor units, got ${total}`)
  if (!Array.isArray(weights) || weights.length === 0) throw new RangeError('allocate needs at least one weight')
  for (const w of weights) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new RangeError(`weights must be finite and non-negative, got ${w}`)
  }
  const parts = weights.map(exactBinary)
  const minExp = Math.min(...parts.map((p) => (p.mantissa === 0n ? Infinity : p.exponent)))
  if (minExp === Infinity) throw new RangeError('at least one weight must be greater than zero')
  const scaled = parts.map((p) => (p.mantissa === 0n ? 0n : p.mantissa << BigInt(p.exponent - minExp)))
  const sum = scaled.reduce((a, b) => a + b, 0n)

  if (total < 0) return allocate(-total, weights).map((v) => (v === 0 ? 0 : -v))
  const t = BigInt(total)
  const floors = scaled.map((w) => (t * w) / sum)
  const remainders = scaled.map((w, i) => t * w - floors[i]! * sum)
  let left = t - floors.reduce((a, b) => a + b, 0n)
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const out = floors.slice()
  for (const { i } of order) {
    if (left === 0n) break
    out[i] = out[i]! + 1n
    left -= 1n
  }
  return out.map((v) => Number(v))
}

/** Sum of minor-unit amounts. Throws if any value or the running total is not a safe integer. */
export function sumMinor(values: readonly number[]): number {
  let total = 0
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`amount must be a safe integer of minor units, got ${v}`)
    total += v
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts exceeds the safe integer range')
  }
  return total
}

/** Amount in minor units (cents). A bigint column may arrive as bigint, a numeric string or a number. */
export type MinorUnits = number | bigint | string

/** Parse minor units to a bigint without ever going through a float. Throws on non-integers. */
export function toMinorBigInt(minor: MinorUnits): bigint {
  if (typeof minor === 'bigint') return minor
  if (typeof minor === 'number') {
    if (!Number.isInteger(minor)) throw new RangeError(`Money amount must be an integer number of minor units, got ${minor}`)
    return BigInt(minor)
  }
  const s = minor.trim()
  if (!/^-?\d+$/.test(s)) throw new RangeError(`Money amount must be an integer number of minor units, got "${minor}"`)
  return BigInt(s)
}

/**
 * Format an integer amount of minor units exactly, e.g. (123456789012345, 'USD') -> "$1,234,567,890,123.45",
 * (-5, 'USD') -> "-$0.05", (1500, 'JPY') -> "¥1,500". The arithmetic is app/domain/money.ts's formatMoney
 * (bigint, no floats); this accepts what a bigint column may arrive as, and never throws on a bad code.
 */
export function formatMoneyExact(minor: MinorUnits, currency: string, locale = 'en-US'): string {
  const amount = toMinorBigInt(minor)
  try {
    return formatMoney(amount, currency, { locale })
  } catch {
    const code = currency.toUpperCase()
    const negative = amount < 0n
    const abs = (negative ? -amount : amount).toString().padStart(3, '0')
    return `${negative ? '-' : ''}${code} ${abs.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${abs.slice(-2)}`
  }
}

/**
 * Greenroom's small component kit. Styling lives in app/styles/app.css (plain CSS + custom properties);
 * pure formatting helpers live in ./format.ts.
 */
import { Link, NavLink, useActionData } from '@remix-run/react'
import { echoedValues } from '#app/utils/echoed-values.ts'
import {
  useEffect,
  useId,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import {
  formatDateLocal,
  formatDateUTC,
  formatIsoUTC,
  formatMoneyExact,
  isCalendarDate,
  relativeDue,
  statusInfo,
  toDate,
  type MinorUnits,
  type Tone,
} from './format.ts'

export type { Tone } from './format.ts'

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ')

// ---------------------------------------------------------------------------------------------------------
// Buttons
// ---------------------------------------------------------------------------------------------------------

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  /** While true: disabled, aria-busy, a spinner and `pendingText` instead of the label. */
  pending?: boolean
  pendingText?: string
}

export function Button({ variant = 'secondary', pending = false, pendingText, className, disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      className={cx('btn', `btn-${variant}`, pending && 'is-pending', className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {pending && pendingText ? pendingText : children}
    </button>
  )
}

export interface LinkButtonProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string
  variant?: ButtonVariant
  children: ReactNode
  prefetch?: 'none' | 'intent' | 'render' | 'viewport'
  replace?: boolean
}

/** A Remix <Link> that looks like a button (navigation, not an action). */
export function LinkButton({ to, variant = 'secondary', className, children, ...rest }: LinkButtonProps) {
  return (
    <Link to={to} {...rest} className={cx('btn', `btn-${variant}`, className)}>
      {children}
    </Link>
  )
}

// ---------------------------------------------------------------------------------------------------------
// Form fields: label + control + hint + error, wired with aria-invalid / aria-describedby
// ---------------------------------------------------------------------------------------------------------

export type FieldErrorValue = string | string[] | null | undefined

function errorText(error: FieldErrorValue): string | undefined {
  const list = (Array.isArray(error) ? error : [error]).filter((e): e is string => typeof e === 'string' && e.length > 0)
  return list.length ? list.join(' ') : undefined
}

function useFieldIds(hasHint: boolean, error: string | undefined, id?: string) {
  const auto = useId()
  const controlId = id ?? `f${auto.replace(/:/g, '')}`
  const hintId = hasHint ? `${controlId}-hint` : undefined
  const errorId = error ? `${controlId}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return { controlId, hintId, errorId, describedBy }
}

function describedByWith(own: string | undefined, extra: string | undefined) {
  return [own, extra].filter(Boolean).join(' ') || undefined
}

interface FieldCommon {
  label: ReactNode
  name: string
  error?: FieldErrorValue
  hint?: ReactNode
  /** Class on the field wrapper (not the control). */
  className?: string
  /**
   * Show the value typed before a refusal (default). Off for fields repeated once per row in separate
   * forms, where one row's refused value must not appear in every row.
   */
  echo?: boolean
}

function FieldHelp({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" id={errorId}>
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>
          {error}
        </div>
      ) : null}
    </>
  )
}

function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean }) {
  return (
    <label className="field-label" htmlFor={htmlFor}>
      {label}
      {required ? (
        <span className="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  )
}

/**
 * The values typed into this route's form before a refusal (handleAction sends them back): every field
 * below shows them instead of its default, so a page rendered without JavaScript keeps what was typed.
 * Outside a route (no Remix context) there is nothing to show.
 */
function useEchoed(name: string, on: boolean): string[] | null {
  let actionData: unknown
  try {
    actionData = useActionData()
  } catch {
    return null
  }
  const echoed = echoedValues(actionData)
  if (!on || !echoed.has) return null
  const values = (actionData as { values: Record<string, unknown> }).values
  return Object.prototype.hasOwnProperty.call(values, name) ? echoed.all(name) : null
}

/**
 * What every labelled control shares: its ids, its error text, the value echoed after a refusal, and the
 * props that wire the control to them (id, name, aria-invalid, aria-describedby plus the caller's own).
 */
function useField({ name, error, hint, id, echo }: { name: string; error: FieldErrorValue; hint: ReactNode; id: string | undefined; echo: boolean }, ownDescribedBy: string | undefined) {
  const err = errorText(error)
  const ids = useFieldIds(Boolean(hint), err, id)
  const echoed = useEchoed(name, echo)
  const control = { id: ids.controlId, name, 'aria-invalid': err ? (true as const) : undefined, 'aria-describedby': describedByWith(ids.describedBy, ownDescribedBy) }
  return { err, ids, echoed, control }
}

/** The wrapper of a text, textarea or select field: label, the control, then hint and error. */
function FieldFrame({ field, label, hint, required, className, children }: { field: ReturnType<typeof useField>; label: ReactNode; hint: ReactNode; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={cx('field', field.err && 'field-invalid', className)}>
      <FieldLabel htmlFor={field.ids.controlId} label={label} required={required} />
      {children}
      <FieldHelp hint={hint} hintId={field.ids.hintId} error={field.err} errorId={field.ids.errorId} />
    </div>
  )
}

export type TextFieldProps = FieldCommon & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'className'>

export function TextField({ label, name, error, hint, className, id, type = 'text', required, echo: echoOn = true, ...rest }: TextFieldProps) {
  const field = useField({ name, error, hint, id, echo: echoOn }, rest['aria-describedby'])
  const echoed = field.echoed
  const echo = echoed && type !== 'password' && type !== 'file' && rest.value === undefined ? { defaultValue: echoed[0] ?? '' } : {}
  return (
    <FieldFrame field={field} label={label} hint={hint} required={required} className={className}>
      <input {...rest} {...echo} {...field.control} type={type} required={required} className="input" />
    </FieldFrame>
  )
}

export type TextareaFieldProps = FieldCommon & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'className'>

export function TextareaField({ label, name, error, hint, className, id, rows = 4, required, echo: echoOn = true, ...rest }: TextareaFieldProps) {
  const field = useField({ name, error, hint, id, echo: echoOn }, rest['aria-describedby'])
  const echo = field.echoed && rest.value === undefined ? { defaultValue: field.echoed[0] ?? '' } : {}
  return (
    <FieldFrame field={field} label={label} hint={hint} required={required} className={className}>
      <textarea {...rest} {...echo} {...field.control} rows={rows} required={required} className="input" />
    </FieldFrame>
  )
}

export interface SelectOption {
  value: string
  label: string
  disabled?: boolean
}

export type SelectFieldProps = FieldCommon & {
  options: readonly SelectOption[]
  /** Adds a first empty option ("Choose…") so nothing is preselected. */
  placeholder?: string
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'className'>

export function SelectField({ label, name, error, hint, className, id, options, placeholder, required, echo: echoOn = true, ...rest }: SelectFieldProps) {
  const field = useField({ name, error, hint, id, echo: echoOn }, rest['aria-describedby'])
  const echoed = field.echoed
  const echo = echoed && rest.value === undefined ? { defaultValue: rest.multiple ? echoed : (echoed[0] ?? '') } : {}
  return (
    <FieldFrame field={field} label={label} hint={hint} required={required} className={className}>
      <select {...rest} {...echo} {...field.control} required={required} className="input select">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

export type CheckboxFieldProps = FieldCommon & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type' | 'className'>

export function CheckboxField({ label, name, error, hint, className, id, value = 'on', echo: echoOn = true, ...rest }: CheckboxFieldProps) {
  const field = useField({ name, error, hint, id, echo: echoOn }, rest['aria-describedby'])
  // Only a ticked box is sent: a group with this name came back, so tick exactly the values sent.
  const echo = rest.checked === undefined && field.echoed ? { defaultChecked: field.echoed.includes(String(value)) } : {}
  return (
    <div className={cx('field', 'field-check', field.err && 'field-invalid', className)}>
      <input {...rest} {...echo} {...field.control} type="checkbox" value={value} className="checkbox" />
      <div className="field-check-text">
        <label className="field-label" htmlFor={field.ids.controlId}>
          {label}
        </label>
        <FieldHelp hint={hint} hintId={field.ids.hintId} error={field.err} errorId={field.ids.errorId} />
      </div>
    </div>
  )
}

/** One choice out of a few (a fieldset of radios with its legend, hint and error), echoed back after a refused post. */
export function RadioGroupField({ legend, name, options, error, hint, required, defaultValue }: { legend: ReactNode; name: string; options: { value: string; label: ReactNode }[]; error?: string | string[] | null; hint?: ReactNode; required?: boolean; defaultValue?: string }) {
  const err = errorText(error)
  const ids = useFieldIds(Boolean(hint), err)
  const echoed = useEchoed(name, true)
  const chosen = echoed ? echoed[0] : defaultValue
  return (
    <fieldset className={cx('field', err && 'field-invalid')} aria-describedby={ids.describedBy} aria-invalid={err ? true : undefined}>
      <legend className="field-label">
        {legend}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      {options.map((o) => (
        <div key={o.value} className="field-check">
          <input id={`${ids.controlId}-${o.value}`} type="radio" name={name} value={o.value} className="checkbox" defaultChecked={chosen === o.value} required={required} />
          <label className="field-check-text" htmlFor={`${ids.controlId}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
      <FieldHelp hint={hint} hintId={ids.hintId} error={err} errorId={ids.errorId} />
    </fieldset>
  )
}

/** Form-level error box (role="alert"), or nothing when there is no error. */
export function FormError({ errors, title }: { errors?: string | string[] | null; title?: string }) {
  const list = (Array.isArray(errors) ? errors : [errors]).filter((e): e is string => typeof e === 'string' && e.length > 0)
  if (!list.length) return null
  return (
    <div className="form-error" role="alert">
      {title ? <p className="form-error-title">{title}</p> : null}
      {list.length === 1 ? (
        <p>{list[0]}</p>
      ) : (
        <ul>
          {list.map((e, i) => (
            <li key={`${i}-${e}`}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

// ---------------------------------------------------------------------------------------------------------
// Chips and status
// ---------------------------------------------------------------------------------------------------------

export function Chip({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`chip chip-${tone}`} title={title}>
      {children}
    </span>
  )
}

/** A workflow status as a chip with its human label ("draft_submitted" -> "Draft submitted"). */
export function StatusChip({ status }: { status: string }) {
  const { tone, label } = statusInfo(status)
  return (
    <span className={`chip chip-${tone}`} data-status={status}>
      {label}
    </span>
  )
}

// ---------------------------------------------------------------------------------------------------------
// Money and dates
// ---------------------------------------------------------------------------------------------------------

/** Exact money from integer minor units, e.g. <Money minor={180000} currency="USD" /> -> "$1,800.00". */
export function Money({ minor, currency, className }: { minor: MinorUnits; currency: string; className?: string }) {
  return (
    <span className={cx('num', 'money', className)} title={currency.toUpperCase()}>
      {formatMoneyExact(minor, currency)}
    </span>
  )
}

/**
 * A date or timestamp. The server renders stable UTC text ("Nov 25, 2026, 14:05 UTC"); after hydration it
 * switches to the viewer's time zone. The absolute UTC value is on hover. Calendar dates ("2026-11-25")
 * are never shifted.
 */
export function DateTime({ value, dateOnly = false, className }: { value: string | Date; dateOnly?: boolean; className?: string }) {
  const d = toDate(value)
  const valid = !Number.isNaN(d.getTime())
  const calendar = isCalendarDate(value)
  const serverText = formatDateUTC(value, dateOnly || calendar)
  const [text, setText] = useState(serverText)
  const time = valid ? d.getTime() : NaN
  useEffect(() => {
    if (!valid) return
    setText(calendar ? formatDateUTC(value, true) : formatDateLocal(new Date(time), dateOnly))
  }, [time, dateOnly, calendar, valid])
  if (!valid) return <span className={className}>{String(value)}</span>
  const iso = calendar ? (value as string) : dateOnly ? d.toISOString().slice(0, 10) : d.toISOString()
  return (
    <time className={className} dateTime={iso} title={formatIsoUTC(value, dateOnly)} suppressHydrationWarning>
      {text}
    </time>
  )
}

/** "due tomorrow", "due in 3 days", "due today", "2 days late" (danger) — whole UTC calendar days. */
export function RelativeDue({ due, now }: { due: string | Date; now?: Date }) {
  const r = relativeDue(due, now ?? new Date())
  const d = toDate(due)
  const iso = isCalendarDate(due) ? due : d.toISOString()
  return (
    <time className={`chip chip-${r.tone}`} dateTime={iso} title={`Due ${formatIsoUTC(due, true).replace(' (UTC)', '')}`} suppressHydrationWarning>
      {r.text}
    </time>
  )
}

// ---------------------------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------------------------

/** What is missing and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <svg className="empty-state-icon" aria-hidden="true" viewBox="0 0 24 24" width="28" height="28">
        <path
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M4 13.5 6.5 5h11L20 13.5M4 13.5V19h16v-5.5M4 13.5h4.5l1 2h5l1-2H20"
        />
      </svg>
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  )
}

export function PageHeader({
  title,
  subtitle,
  actions,
  back,
}: {
  title: ReactNode
  subtitle?: ReactNode
  actions?: ReactNode
  back?: { to: string; label: string }
}) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {back ? (
          <Link to={back.to} className="back-link">
            <span aria-hidden="true">←</span> {back.label}
          </Link>
        ) : null}
        <h1>{title}</h1>
        {subtitle ? <div className="page-subtitle">{subtitle}</div> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  )
}

export function Card({
  title,
  actions,
  children,
  className,
  id,
}: {
  title?: ReactNode
  actions?: ReactNode
  children: ReactNode
  className?: string
  id?: string
}) {
  const auto = useId()
  const headingId = title ? `card${auto.replace(/:/g, '')}` : undefined
  return (
    <section className={cx('card', className)} id={id} aria-labelledby={headingId}>
      {title || actions ? (
        <div className="card-head">
          {title ? (
            <h2 className="card-title" id={headingId}>
              {title}
            </h2>
          ) : (
            <span />
          )}
          {actions ? <div className="card-actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  )
}

/** Section tabs inside a page (NavLink: aria-current="page" on the active one). */
export function Tabs({ items, label = 'Sections' }: { items: { to: string; label: string; end?: boolean }[]; label?: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {items.map((t) => (
          <li key={t.to}>
            <NavLink to={t.to} end={t.end} prefetch="intent" className={({ isActive }) => cx('tab', isActive && 'is-active')}>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A labelled <progress>. The label text ("45% · 12.0 MB of 26.5 MB") is the caller's. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const auto = useId()
  const labelId = `pb${auto.replace(/:/g, '')}`
  const safeMax = max > 0 ? max : 1
  const safeValue = Math.min(Math.max(value, 0), safeMax)
  return (
    <div className="progress">
      <progress value={safeValue} max={safeMax} aria-labelledby={labelId} />
      <div className="progress-label num" id={labelId}>
        {label}
      </div>
    </div>
  )
}

export interface BudgetSegment {
  label: string
  minor: number
  tone: Tone
}

/**
 * A stacked bar of disjoint amounts against a budget (`total`, minor units), with a text legend so the
 * values never depend on colour. Shows what is left, or by how much the budget is exceeded.
 */
export function BudgetBar({ segments, total, currency, label = 'Budget' }: { segments: BudgetSegment[]; total: number; currency: string; label?: string }) {
  const sum = segments.reduce((s, x) => s + Math.max(0, x.minor), 0)
  const scale = Math.max(total, sum, 1)
  const remaining = total - sum
  const pct = (n: number) => `${((Math.max(0, n) / scale) * 100).toFixed(3)}%`
  return (
    <div className="budget">
      <div className="budget-bar" aria-hidden="true">
        {segments.map((s, i) => (
          <span key={`${i}-${s.label}`} className={`budget-seg tone-${s.tone}`} style={{ width: pct(s.minor) }} />
        ))}
        {sum > total && total > 0 ? <span className="budget-limit" style={{ left: pct(total) }} /> : null}
      </div>
      <dl className="budget-legend">
        {segments.map((s, i) => (
          <div key={`${i}-${s.label}`} className="budget-legend-item">
            <dt>
              <span className={`swatch tone-${s.tone}`} aria-hidden="true" />
              {s.label}
            </dt>
            <dd>
              <Money minor={s.minor} currency={currency} />
            </dd>
          </div>
        ))}
        <div className="budget-legend-item budget-legend-total">
          <dt>{label}</dt>
          <dd>
            <Money minor={total} currency={currency} />
          </dd>
        </div>
        <div className={cx('budget-legend-item', remaining < 0 && 'is-over')}>
          <dt>{remaining < 0 ? 'Over budget by' : 'Left'}</dt>
          <dd>
            <Money minor={Math.abs(remaining)} currency={currency} />
          </dd>
        </div>
      </dl>
    </div>
  )
}

export type TimelineState = 'done' | 'current' | 'upcoming'

const TIMELINE_SR: Record<TimelineState, string> = { done: 'Done: ', current: 'Current step: ', upcoming: 'Upcoming: ' }

/** A vertical list of steps: done (✓), current (highlighted, aria-current="step"), upcoming (hollow). */
export function Timeline({ steps }: { steps: { label: ReactNode; state: TimelineState; detail?: ReactNode }[] }) {
  return (
    <ol className="timeline">
      {steps.map((s, i) => (
        <li key={i} className={`timeline-step is-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
          <span className="timeline-marker" aria-hidden="true">
            {s.state === 'done' ? (
              <svg viewBox="0 0 16 16" width="12" height="12">
                <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            ) : null}
          </span>
          <div className="timeline-body">
            <div className="timeline-label">
              <span className="visually-hidden">{TIMELINE_SR[s.state]}</span>
              {s.label}
            </div>
            {s.detail ? <div className="timeline-detail">{s.detail}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  )
}

export type FlashTone = 'success' | 'info' | 'danger'

// After the first hydration, a newly mounted Flash fills its live region a moment later so screen readers
// announce it (content already present when a live region appears is often not read out).
let flashHydrated = false

/**
 * The one-time message after an action ("Offer sent to 4 creators"), as a dismissable toast in a polite
 * live region. Server-rendered, so it shows without JavaScript too. Success/info messages fade after a
 * while (not while hovered or focused); errors stay until dismissed. Remount with a `key` per message.
 */
export function Flash({ message, tone = 'success' }: { message?: string | null; tone?: FlashTone }) {
  const [text, setText] = useState<string | null>(() => (flashHydrated ? null : (message ?? null)))
  const [hold, setHold] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    flashHydrated = true
  }, [])
  useEffect(() => {
    if (!message) {
      setText(null)
      return
    }
    const t = window.setTimeout(() => setText(message), 60)
    return () => window.clearTimeout(t)
  }, [message])
  useEffect(() => {
    if (!text || hold || tone === 'danger') return
    const t = window.setTimeout(() => setText(null), 8000)
    return () => window.clearTimeout(t)
  }, [text, hold, tone])
  return (
    <div className="flash-region" aria-live="polite" aria-atomic="true">
      {text ? (
        <div
          ref={ref}
          className={`flash flash-${tone}`}
          onMouseEnter={() => setHold(true)}
          onMouseLeave={() => setHold(false)}
          onFocus={() => setHold(true)}
          onBlur={(e) => {
            if (!ref.current?.contains(e.relatedTarget as Node | null)) setHold(false)
          }}
        >
          <span className="flash-icon" aria-hidden="true">
            {tone === 'danger' ? '!' : tone === 'info' ? 'i' : '✓'}
          </span>
          <p className="flash-message">{text}</p>
          <button type="button" className="flash-close" onClick={() => setText(null)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Dismiss message</span>
          </button>
        </div>
      ) : null}
    </div>
  )
}

/** A big-number tile; the whole tile links to the detail when `to` is given. */
export function Stat({ label, value, hint, to }: { label: ReactNode; value: ReactNode; hint?: ReactNode; to?: string }) {
  const body = (
    <>
      <span className="stat-label">{label}</span>
      <span className="stat-value num">{value}</span>
      {hint ? <span className="stat-hint">{hint}</span> : null}
      {to ? (
        <span className="stat-more" aria-hidden="true">
          →
        </span>
      ) : null}
    </>
  )
  return to ? (
    <Link to={to} className="stat stat-link">
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  )
}

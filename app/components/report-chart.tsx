/**
 * Cost vs EMV per creator as a hand-written SVG bar chart (no chart library: see DECISIONS.md).
 * Two bars per creator on one money axis; values are also in the table below and in the <title> of
 * each bar, so nothing is only visual. Scales to its container (viewBox), readable on a phone.
 */
export interface ChartRow {
  label: string
  cost: number
  emv: number | null
}

export function CostVsEmvChart({ rows, format, emvFormula }: { rows: ChartRow[]; format: (minor: number) => string; emvFormula: string }) {
  const shown = rows.slice(0, 12)
  if (shown.length === 0) return null
  const max = Math.max(1, ...shown.map((r) => Math.max(r.cost, r.emv ?? 0)))
  const labelW = 112
  const barArea = 270
  const rowH = 34
  const top = 8
  const height = top + shown.length * rowH + 26
  const x = (v: number) => labelW + (v / max) * barArea
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max)
  return (
    <figure className="report-chart" aria-labelledby="chart-caption">
      <svg viewBox={`0 0 ${labelW + barArea + 50} ${height}`} width="100%" role="img" aria-label="Cost and EMV per creator">
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={x(t)} x2={x(t)} y1={top} y2={height - 22} stroke="#dce2de" strokeWidth={1} />
            <text x={x(t)} y={height - 8} fontSize={11} textAnchor="middle" fill="#59645d">
              {format(Math.round(t))}
            </text>
          </g>
        ))}
        {shown.map((r, i) => {
          const y = top + i * rowH
          return (
            <g key={r.label + i}>
              <text x={labelW - 8} y={y + 19} fontSize={13} textAnchor="end" fill="#1b221e">
                {r.label.length > 15 ? `${r.label.slice(0, 14)}…` : r.label}
              </text>
              <rect x={labelW} y={y + 4} width={Math.max(1, x(r.cost) - labelW)} height={11} fill="#838e87" rx={2}>
                <title>{`${r.label}: cost ${format(r.cost)}`}</title>
              </rect>
              <rect x={labelW} y={y + 17} width={r.emv === null ? 0 : Math.max(1, x(r.emv) - labelW)} height={11} fill="#1f6f43" rx={2}>
                <title>{`${r.label}: EMV ${r.emv === null ? '—' : format(r.emv)}`}</title>
              </rect>
              <text x={x(Math.max(r.cost, r.emv ?? 0)) + 6} y={y + 19} fontSize={11} fill="#3f4943">
                {r.emv !== null && r.cost > 0 ? `${(r.emv / r.cost).toFixed(1)}×` : ''}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption id="chart-caption" className="small muted cluster">
        <span>
          <span className="swatch" style={{ background: '#838e87' }} aria-hidden="true" /> Cost
        </span>
        <span>
          <span className="swatch" style={{ background: '#1f6f43' }} aria-hidden="true" /> EMV ({emvFormula})
        </span>
        <span>Labels: EMV ÷ cost. EMV is an estimate of media value, not return on investment.</span>
      </figcaption>
    </figure>
  )
}

/** Impressions of the posts published each week (columns), with the post count under each week. */
export function WeeklyChart({ weeks }: { weeks: { week: string; posts: number; impressions: number | null }[] }) {
  const shown = weeks.slice(-16)
  if (shown.length === 0) return null
  const max = Math.max(1, ...shown.map((w) => w.impressions ?? 0))
  const W = 420
  const H = 170
  const left = 8
  const colW = (W - left) / shown.length
  const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })
  return (
    <figure className="report-chart">
      <svg viewBox={`0 0 ${W} ${H + 36}`} width="100%" role="img" aria-label="Impressions by publishing week">
        <line x1={left} x2={W} y1={H} y2={H} stroke="#dce2de" />
        {shown.map((w, i) => {
          const h = ((w.impressions ?? 0) / max) * (H - 18)
          const x = left + i * colW + colW * 0.15
          return (
            <g key={w.week}>
              <rect x={x} y={H - h} width={colW * 0.7} height={Math.max(h, w.impressions ? 1 : 0)} fill="#26834f" rx={2}>
                <title>{`Week of ${w.week}: ${w.posts} post(s), ${w.impressions === null ? 'no impressions reported' : `${w.impressions.toLocaleString('en-US')} impressions`}`}</title>
              </rect>
              <text x={x + colW * 0.35} y={H - h - 4} fontSize={12} textAnchor="middle" fill="#3f4943">
                {w.impressions === null ? '—' : compact.format(w.impressions)}
              </text>
              <text x={x + colW * 0.35} y={H + 15} fontSize={11} textAnchor="middle" fill="#59645d">
                {w.week.slice(5)}
              </text>
              <text x={x + colW * 0.35} y={H + 29} fontSize={10} textAnchor="middle" fill="#59645d">
                {w.posts} post{w.posts === 1 ? '' : 's'}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="small muted">Impressions (latest reported) of the posts published each week, by the Monday the week starts.</figcaption>
    </figure>
  )
}
